package io.quarry.planner.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyPolicyTest {

    @Test
    void namesAreNormalisedToUnquotedLowerCaseWithoutSchema() {
        SafetyPolicy policy = SafetyPolicy.of(List.of("public.\"Ads\"", "EVENTS"), List.of("Countries"));

        assertThat(policy.tenantTables()).containsExactlyInAnyOrder("ads", "events");
        assertThat(policy.referenceTables()).containsExactly("countries");
        assertThat(policy.distributionColumn()).isEqualTo("account_id");
        assertThat(policy.isTenantTable("\"ADS\"")).isTrue();
        assertThat(policy.isReferenceTable("ref.countries")).isTrue();
    }

    @Test
    void setsAreImmutableCopies() {
        Set<String> tenants = new HashSet<>(Set.of("ads"));
        SafetyPolicy policy = new SafetyPolicy(tenants, Set.of(), "Account_Id");
        tenants.add("events");

        assertThat(policy.tenantTables()).containsExactly("ads");
        assertThat(policy.distributionColumn()).isEqualTo("account_id");
        assertThatThrownBy(() -> policy.tenantTables().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTableCannotBeBothTenantAndReference() {
        assertThatThrownBy(() -> SafetyPolicy.of(List.of("ads"), List.of("ADS")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ads");
    }

    @Test
    void anotherDistributionColumnIsHonoured() {
        SafetyPolicy policy = new SafetyPolicy(Set.of("orders"), Set.of(), "tenant_id");
        CitusSafetyCheck check = new CitusSafetyCheck();

        assertThat(check.check("SELECT o.id FROM orders o WHERE o.tenant_id = ANY(?)", policy)).isEmpty();
        assertThat(check.check("SELECT o.id FROM orders o WHERE o.account_id = ANY(?)", policy))
                .extracting(SafetyViolation::code).containsExactly(ViolationCode.MISSING_TENANT_FILTER);
    }
}
