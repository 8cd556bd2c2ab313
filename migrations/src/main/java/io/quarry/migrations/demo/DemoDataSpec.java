package io.quarry.migrations.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the demo data generator produces. The same spec always produces the same rows.
 *
 * @param seed                 seed of every random choice
 * @param accounts             number of accounts (tenants), ids 1..accounts, account 1 the largest
 * @param campaignsPerAccount  mean campaigns per account; accounts are skewed around it
 * @param adSetsPerCampaign    mean ad sets per campaign
 * @param adsPerAdSet          mean ads per ad set
 * @param days                 length of the date range
 * @param endDate              last day of the date range (inclusive)
 * @param eventsPerAccountDay  mean events per account and day, before skew and seasonality
 */
public record DemoDataSpec(
        long seed,
        int accounts,
        int campaignsPerAccount,
        int adSetsPerCampaign,
        int adsPerAdSet,
        int days,
        LocalDate endDate,
        int eventsPerAccountDay) {

    public static final long DEFAULT_SEED = 20_26_11_22L;

    public DemoDataSpec {
        Objects.requireNonNull(endDate, "endDate");
        requireRange("accounts", accounts, 1, 1_000_000);
        requireRange("campaignsPerAccount", campaignsPerAccount, 1, 10_000);
        requireRange("adSetsPerCampaign", adSetsPerCampaign, 1, 100);
        requireRange("adsPerAdSet", adsPerAdSet, 1, 100);
        requireRange("days", days, 1, 3_660);
        requireRange("eventsPerAccountDay", eventsPerAccountDay, 0, 1_000_000);
    }

    /** The small data set the quickstart loads in seconds: 20 accounts over 180 days. */
    public static DemoDataSpec quickstart(LocalDate endDate) {
        return new DemoDataSpec(DEFAULT_SEED, 20, 8, 2, 3, 180, endDate, 40);
    }

    /** The benchmark data set: 1,000 skewed accounts over a year, more than 10 million fact rows. */
    public static DemoDataSpec benchmark(LocalDate endDate) {
        return new DemoDataSpec(DEFAULT_SEED, 1_000, 11, 2, 3, 365, endDate, 4);
    }

    /** First day of the date range. */
    public LocalDate startDate() {
        return endDate.minusDays(days - 1L);
    }

    /** The same data running on to {@code end}: the same first day, more days. */
    public DemoDataSpec extendedTo(LocalDate end) {
        return new DemoDataSpec(seed, accounts, campaignsPerAccount, adSetsPerCampaign, adsPerAdSet,
                Math.toIntExact(end.toEpochDay() - startDate().toEpochDay() + 1), end, eventsPerAccountDay);
    }

    /** The spec a {@link #describe()} line describes. */
    public static DemoDataSpec parse(String described) {
        Map<String, String> fields = new HashMap<>();
        for (String field : described.strip().split("\\s+")) {
            String[] pair = field.split("=", 2);
            fields.put(pair[0], pair.length == 2 ? pair[1] : "");
        }
        try {
            return new DemoDataSpec(Long.parseLong(fields.get("seed")), Integer.parseInt(fields.get("accounts")),
                    Integer.parseInt(fields.get("campaigns")), Integer.parseInt(fields.get("adSets")),
                    Integer.parseInt(fields.get("ads")), Integer.parseInt(fields.get("days")),
                    LocalDate.parse(fields.get("endDate")), Integer.parseInt(fields.get("eventsPerAccountDay")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a demo data spec: " + described, e);
        }
    }

    /** A one-line description, stored with each load. */
    public String describe() {
        return "seed=" + seed + " accounts=" + accounts + " campaigns=" + campaignsPerAccount
                + " adSets=" + adSetsPerCampaign + " ads=" + adsPerAdSet + " days=" + days
                + " endDate=" + endDate + " eventsPerAccountDay=" + eventsPerAccountDay;
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
