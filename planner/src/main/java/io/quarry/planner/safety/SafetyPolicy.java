package io.quarry.planner.safety;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the check knows about the schema: which tables are distributed by tenant, which are
 * reference tables, and the distribution column. Names are compared case-insensitively and
 * without schema qualification; the constructor normalises them ({@code public."Ads"} becomes
 * {@code ads}).
 *
 * @param tenantTables       distributed tables, hash-distributed by {@code distributionColumn} and colocated
 * @param referenceTables    reference (replicated) tables
 * @param distributionColumn the tenant column, {@code account_id}
 */
public record SafetyPolicy(Set<String> tenantTables, Set<String> referenceTables, String distributionColumn) {

    /** Quarry's distribution column. */
    public static final String ACCOUNT_ID = "account_id";

    public SafetyPolicy {
        Objects.requireNonNull(distributionColumn, "distributionColumn");
        tenantTables = normalized(tenantTables);
        referenceTables = normalized(referenceTables);
        distributionColumn = ParsedNames.normalize(distributionColumn);
        Set<String> both = tenantTables.stream().filter(referenceTables::contains).collect(Collectors.toSet());
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("tables both tenant and reference: " + both);
        }
    }

    /** A policy with Quarry's distribution column {@code account_id}. */
    public static SafetyPolicy of(Collection<String> tenantTables, Collection<String> referenceTables) {
        return new SafetyPolicy(Set.copyOf(tenantTables), Set.copyOf(referenceTables), ACCOUNT_ID);
    }

    boolean isTenantTable(String name) {
        return tenantTables.contains(ParsedNames.lastPart(name));
    }

    boolean isReferenceTable(String name) {
        return referenceTables.contains(ParsedNames.lastPart(name));
    }

    private static Set<String> normalized(Set<String> names) {
        Objects.requireNonNull(names, "table names");
        return names.stream().map(ParsedNames::lastPart).collect(Collectors.toUnmodifiableSet());
    }
}
