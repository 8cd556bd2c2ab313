package io.quarry.planner.plan;

import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Cast;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The report's time zone as the operand of {@code AT TIME ZONE}, read by PostgreSQL exactly as
 * Java reads it.
 *
 * <p>A region ({@code Asia/Kathmandu}) is passed by name: both use the IANA database. A fixed
 * offset ({@code +05:45}, {@code UTC+5}, {@code GMT-03:30}, {@code Etc/GMT-3}) is passed as an
 * interval: PostgreSQL reads an offset given as text as a POSIX zone, whose sign is the
 * opposite of ISO 8601's ({@code '+05:45'} would be west of Greenwich), while an interval is
 * east-positive like Java's {@link ZoneOffset}. UTC in any spelling ({@code Z}, {@code +00:00}) is
 * {@code UTC}.
 */
final class ZoneSql {

    private ZoneSql() {
    }

    static SqlExpr of(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() != 0) {
            return new Cast(new Bind(new BindValue(interval(offset), BindType.TEXT)), "interval");
        }
        return new Bind(new BindValue(zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId(), BindType.TEXT));
    }

    /** {@code +05:45:00}, {@code -03:30:00}, {@code +00:00:00}. */
    static String interval(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int absolute = Math.abs(seconds);
        return String.format("%s%02d:%02d:%02d", seconds < 0 ? "-" : "+", absolute / 3600, absolute / 60 % 60,
                absolute % 60);
    }
}
