package io.quarry.migrations.demo;

import io.quarry.migrations.demo.DemoEntities.Account;
import io.quarry.migrations.demo.DemoEntities.Ad;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes tracked events (page views, sign-ups, purchases, ...) for event-count dashboards.
 * Volume follows the account's size and the seasonality; times follow a daily curve peaking
 * in the evening (UTC); most events are attributed to one of the account's ads.
 */
final class EventRows {

    static final String COPY = copyInto("events");
    /** Event ids of days after the spec's range: the day's epoch day times this, plus the event's number. */
    private static final long IDS_PER_DAY = 10_000_000L;

    private static final String[] NAMES = {
        "page_view", "add_to_cart", "sign_up", "purchase", "app_install", "lead"
    };
    private static final double[] NAME_WEIGHTS = {60, 15, 8, 5, 5, 7};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
    private static final double[] DEVICE_WEIGHTS = {62, 32, 6};
    /** Relative activity by UTC hour. */
    private static final double[] HOURS = {
        2, 1.5, 1, 1, 1, 1.5, 3, 4, 5, 5.5, 6, 6, 6.5, 6.5, 6, 6, 6.5, 7, 8, 8.5, 8, 7, 5, 3.5
    };

    private EventRows() {
    }

    /** The COPY of these rows into {@code table} (events, or a table like it). */
    static String copyInto(String table) {
        return "COPY " + table + " (account_id, event_id, created_at, name, user_id, campaign_id, ad_id, data)"
                + " FROM STDIN";
    }

    /** Events of days after the spec's range, {@code from} to {@code to}, each day from its own random numbers. */
    static void writeAfter(DemoDataSpec spec, Account account, LocalDate from, LocalDate to, CopyRowWriter out)
            throws IOException {
        List<Ad> ads = new ArrayList<>();
        account.campaigns().forEach(c -> c.adSets().forEach(s -> ads.addAll(s.ads())));
        long userPool = Math.max(50, Math.round(3_000 * account.weight()));
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            SplittableRandom random = DemoHierarchy.random(spec, account.id(), 3, day);
            long count = Math.min(IDS_PER_DAY - 1,
                    poisson(random, spec.eventsPerAccountDay() * account.weight() * Seasonality.of(day)));
            for (long i = 1; i <= count; i++) {
                writeEvent(account, day.toEpochDay() * IDS_PER_DAY + i, day, ads, userPool, random, out);
            }
        }
    }

    static void write(DemoDataSpec spec, Account account, CopyRowWriter out) throws IOException {
        if (spec.eventsPerAccountDay() == 0) {
            return;
        }
        SplittableRandom random = DemoHierarchy.random(spec, account.id(), 3);
        List<Ad> ads = new ArrayList<>();
        account.campaigns().forEach(c -> c.adSets().forEach(s -> ads.addAll(s.ads())));
        long userPool = Math.max(50, Math.round(3_000 * account.weight()));
        long eventId = 1;
        for (LocalDate day = spec.startDate(); !day.isAfter(spec.endDate()); day = day.plusDays(1)) {
            double mean = spec.eventsPerAccountDay() * account.weight() * Seasonality.of(day);
            long count = poisson(random, mean);
            for (long i = 0; i < count; i++) {
                writeEvent(account, eventId++, day, ads, userPool, random, out);
            }
        }
    }

    private static void writeEvent(Account account, long eventId, LocalDate day, List<Ad> ads,
                                   long userPool, SplittableRandom random, CopyRowWriter out)
            throws IOException {
        String name = NAMES[DemoHierarchy.pick(random, NAME_WEIGHTS)];
        int second = DemoHierarchy.pick(random, HOURS) * 3600 + random.nextInt(3600);
        long userId = account.id() * 10_000_000L + random.nextLong(userPool);
        String device = DEVICES[DemoHierarchy.pick(random, DEVICE_WEIGHTS)];
        out.longField(account.id()).longField(eventId).timestampField(day, second).textField(name)
                .longField(userId);
        if (!ads.isEmpty() && random.nextDouble() < 0.7) {
            Ad ad = ads.get(random.nextInt(ads.size()));
            out.longField(ad.campaignId()).longField(ad.id());
        } else {
            out.nullField().nullField();
        }
        StringBuilder data = new StringBuilder(64).append("{\"device\": \"").append(device)
                .append("\", \"country\": \"").append(account.country()).append('"');
        if (name.equals("purchase")) {
            long cents = Math.round(5_000 * DemoHierarchy.logNormal(random, 0.6));
            data.append(", \"value\": ").append(cents / 100).append('.')
                    .append(cents % 100 < 10 ? "0" : "").append(cents % 100);
        } else if (name.equals("page_view")) {
            data.append(", \"path\": \"/products/").append(1 + random.nextInt(500)).append('"');
        }
        out.textField(data.append('}').toString()).endRow();
    }

    /** A Poisson-distributed count: exact for small means, normal approximation above 30. */
    static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return FactRows.noisyCount(random, mean, Long.MAX_VALUE);
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
