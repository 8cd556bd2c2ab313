package io.quarry.migrations.demo;

import io.quarry.migrations.demo.DemoEntities.Account;
import io.quarry.migrations.demo.DemoEntities.Ad;
import io.quarry.migrations.demo.DemoEntities.AdSet;
import io.quarry.migrations.demo.DemoEntities.Campaign;
import java.io.IOException;
import java.util.List;

/** Writes the planned accounts, campaigns, ad sets and ads as COPY rows. */
final class EntityRows {

    static final String ACCOUNTS_COPY =
            "COPY accounts (account_id, name, currency, country, timezone) FROM STDIN";
    static final String CAMPAIGNS_COPY =
            "COPY campaigns (account_id, campaign_id, name, status, objective, country, currency,"
            + " daily_budget, start_date, end_date) FROM STDIN";
    static final String AD_SETS_COPY =
            "COPY ad_sets (account_id, ad_set_id, campaign_id, name, status, optimization_goal, country)"
            + " FROM STDIN";
    static final String ADS_COPY =
            "COPY ads (account_id, ad_id, ad_set_id, campaign_id, name, status, format) FROM STDIN";

    private EntityRows() {
    }

    static void accounts(List<Account> accounts, CopyRowWriter out) throws IOException {
        for (Account account : accounts) {
            out.longField(account.id()).textField(account.name()).textField(account.currency())
                    .textField(account.country()).textField(account.timezone()).endRow();
        }
    }

    static void campaigns(List<Account> accounts, CopyRowWriter out) throws IOException {
        for (Account account : accounts) {
            for (Campaign c : account.campaigns()) {
                out.longField(account.id()).longField(c.id()).textField(c.name()).textField(c.status())
                        .textField(c.objective()).textField(c.country()).textField(c.currency())
                        .decimalField(c.dailyBudgetCents(), 2).dateField(c.start());
                if (c.end() == null) {
                    out.nullField();
                } else {
                    out.dateField(c.end());
                }
                out.endRow();
            }
        }
    }

    static void adSets(List<Account> accounts, CopyRowWriter out) throws IOException {
        for (Account account : accounts) {
            for (Campaign c : account.campaigns()) {
                for (AdSet s : c.adSets()) {
                    out.longField(account.id()).longField(s.id()).longField(c.id()).textField(s.name())
                            .textField(s.status()).textField(s.optimizationGoal()).textField(s.country())
                            .endRow();
                }
            }
        }
    }

    static void ads(List<Account> accounts, CopyRowWriter out) throws IOException {
        for (Account account : accounts) {
            for (Campaign c : account.campaigns()) {
                for (AdSet s : c.adSets()) {
                    for (Ad ad : s.ads()) {
                        out.longField(account.id()).longField(ad.id()).longField(ad.adSetId())
                                .longField(ad.campaignId()).textField(ad.name()).textField(ad.status())
                                .textField(ad.format()).endRow();
                    }
                }
            }
        }
    }
}
