package io.quarry.api.reports;

import io.quarry.planner.plan.PlannedQuery;

/**
 * A check every report statement passes before it runs. Production has none; the test
 * environment installs the independent Citus-safety check, so every query the API tests run is
 * checked (see the test sources' {@code SafetyCheckedStatements}).
 */
public interface StatementCheck {

    void check(PlannedQuery query);
}
