package io.quarry.planner.resolve;

import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's ACCOUNTS clause: picks accounts inside the caller's scope, never beside it. An
 * account the caller may not read is refused at its location; without the clause the report
 * reads the whole scope.
 */
final class AccountsClause {

    private AccountsClause() {
    }

    static TenantScope narrow(Report report, TenantScope caller, ValueResolver values) {
        if (report.accounts().isEmpty()) {
            return caller;
        }
        List<Long> requested = new ArrayList<>();
        for (IntegerOrParameter account : report.accounts()) {
            long id = values.integer(account, "an account id");
            if (!caller.contains(id)) {
                throw new PlanningException(PlanningError.ACCOUNT_NOT_PERMITTED, "account " + id
                        + " is not one the caller may read", account.location());
            }
            requested.add(id);
        }
        return caller.narrowTo(requested);
    }
}
