package io.quarry.migrations.demo;

import java.time.LocalDate;
import java.util.List;

/** The ad hierarchy the generator plans for each account before it writes any fact. */
final class DemoEntities {

    private DemoEntities() {
    }

    /** One tenant and everything it owns. {@code weight} is its size relative to the mean (1.0). */
    record Account(long id, String name, String currency, String country, String timezone,
                   double weight, List<Campaign> campaigns) {
    }

    /** A campaign delivers on days in [start, lastDelivery]; null lastDelivery: until the range ends. */
    record Campaign(long id, String name, String status, String objective, String country,
                    String currency, long dailyBudgetCents, LocalDate start, LocalDate end,
                    LocalDate lastDelivery, List<AdSet> adSets) {
    }

    record AdSet(long id, String name, String status, String optimizationGoal, String country,
                 List<Ad> ads) {
    }

    /**
     * An ad and its delivery profile: median daily impressions, click-through rate, cost per
     * thousand impressions (in 1/10000 currency units), conversion rate and average order value.
     */
    record Ad(long id, long adSetId, long campaignId, String name, String status, String format,
              LocalDate start, LocalDate lastDelivery, double dailyImpressions, double ctr,
              double cpm, double conversionRate, double orderValue) {
    }
}
