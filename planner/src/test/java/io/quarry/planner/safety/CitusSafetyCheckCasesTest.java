package io.quarry.planner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of the {@code cases-*.sql} resources: the check must report exactly the expected codes. */
class CitusSafetyCheckCasesTest {

    private final CitusSafetyCheck check = new CitusSafetyCheck();

    static List<SafetyCases.Case> cases() throws IOException {
        return SafetyCases.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(SafetyCases.Case c) {
        List<SafetyViolation> violations = check.check(c.sql(), SafetyCases.POLICY);

        List<ViolationCode> codes = violations.stream().map(SafetyViolation::code).sorted().toList();
        assertThat(codes).as("violations of %s:%n%s%n%s", c.name(), c.sql(), violations).isEqualTo(c.expected());
    }

    @Test
    void theTableCoversEveryViolationCodeAndHasPositiveCases() throws IOException {
        List<SafetyCases.Case> all = SafetyCases.load();
        Set<ViolationCode> covered = all.stream().flatMap(c -> c.expected().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ViolationCode.class)));

        assertThat(covered).containsExactlyInAnyOrder(ViolationCode.values());
        assertThat(all.stream().filter(c -> c.expected().isEmpty()).count()).isGreaterThanOrEqualTo(20);
        assertThat(all.stream().map(SafetyCases.Case::name).distinct().count()).isEqualTo(all.size());
    }
}
