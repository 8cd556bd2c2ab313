package io.quarry.ql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ast.Comparison;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every node knows where it came from, and equality ignores it. */
class LocationTest {

    @Test
    void equalityIgnoresLocations() {
        SourceLocation a = SourceLocation.text(1, 1);
        SourceLocation b = SourceLocation.json("/metrics/0", 3, 7);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.sameAs(b)).isFalse();
        assertThat(new FieldRef(List.of("x"), a)).isEqualTo(new FieldRef(List.of("x"), b));
    }

    @Test
    void textLocationsAreLineAndColumn() {
        Report report = RoundTrip.PARSER.parseText("DIMENSIONS campaign.name\nMETRICS clicks\nWHERE  spend > 1");
        assertThat(report.location().sameAs(SourceLocation.text(1, 1))).isTrue();
        assertThat(report.dimensions().get(0).location().sameAs(SourceLocation.text(1, 12))).isTrue();
        assertThat(report.metrics().get(0).expression().location().sameAs(SourceLocation.text(2, 9))).isTrue();
        Comparison where = (Comparison) report.where().orElseThrow();
        assertThat(where.location().sameAs(SourceLocation.text(3, 8))).isTrue();
        assertThat(where.right().location().sameAs(SourceLocation.text(3, 16))).isTrue();
    }

    @Test
    void columnsCountCodePoints() {
        Report report = RoundTrip.PARSER.parseText("METRICS \"🙂\", x");
        assertThat(report.metrics().get(1).location().sameAs(SourceLocation.text(1, 14))).isTrue();
    }

    @Test
    void jsonLocationsArePointerPlusPositionInTheExpressionString() {
        Report report = RoundTrip.PARSER.parseJson("""
                {"metrics": ["clicks"],
                 "where": ["a = 1", "spend >\\n   10"]}
                """);
        Comparison second = (Comparison) ((Logical) report.where().orElseThrow()).terms().get(1);
        assertThat(second.location().sameAs(SourceLocation.json("/where/1", 1, 1))).isTrue();
        assertThat(second.right().location().sameAs(SourceLocation.json("/where/1", 2, 4))).isTrue();
        assertThat(report.metrics().get(0).location().sameAs(SourceLocation.json("/metrics/0", 1, 14))).isTrue();
    }
}
