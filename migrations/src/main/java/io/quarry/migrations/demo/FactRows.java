package io.quarry.migrations.demo;

import io.quarry.migrations.demo.DemoEntities.Account;
import io.quarry.migrations.demo.DemoEntities.Ad;
import io.quarry.migrations.demo.DemoEntities.AdSet;
import io.quarry.migrations.demo.DemoEntities.Campaign;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes daily ad statistics: one row per ad and day it delivered. Impressions follow the
 * ad's size, the seasonality and day-to-day noise; clicks, conversions and their value follow
 * the ad's rates with binomial-like noise. About one delivering day in 25 is a gap (no row).
 */
final class FactRows {

    static final String COPY = copyInto("ad_stats_daily");

    private static final double GAP_PROBABILITY = 0.04;
    private static final int MONEY_SCALE = 4;
    private static final double MONEY_UNITS = 10_000.0;

    private FactRows() {
    }

    /** The COPY of these rows into {@code table} (ad_stats_daily, or a table like it). */
    static String copyInto(String table) {
        return "COPY " + table + " (account_id, ad_id, day, ad_set_id, campaign_id, impressions, reach,"
                + " clicks, spend, conversions, conversion_value, video_views) FROM STDIN";
    }

    /**
     * Rows for days after the spec's range, {@code from} to {@code to}: the ads still active at its
     * end keep delivering (from their start, until their campaign's end, if any). Each day draws
     * from its own random numbers, so a day's rows are the same however the days are split up.
     */
    static void writeAfter(DemoDataSpec spec, Account account, LocalDate from, LocalDate to, CopyRowWriter out)
            throws IOException {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            SplittableRandom random = DemoHierarchy.random(spec, account.id(), 2, day);
            for (Campaign campaign : account.campaigns()) {
                if (campaign.end() != null && day.isAfter(campaign.end())) {
                    continue;
                }
                for (AdSet adSet : campaign.adSets()) {
                    for (Ad ad : adSet.ads()) {
                        if (ad.status().equals("ACTIVE") && !day.isBefore(ad.start())) {
                            writeDay(account, ad, day, random, out);
                        }
                    }
                }
            }
        }
    }

    /** Rows in primary-key order (day, then ad), so the index grows at its right edge. */
    static void write(DemoDataSpec spec, Account account, CopyRowWriter out) throws IOException {
        SplittableRandom random = DemoHierarchy.random(spec, account.id(), 2);
        List<Ad> ads = new ArrayList<>();
        for (Campaign campaign : account.campaigns()) {
            for (AdSet adSet : campaign.adSets()) {
                ads.addAll(adSet.ads());
            }
        }
        ads.sort(Comparator.comparingLong(Ad::id));
        for (LocalDate day = spec.startDate(); !day.isAfter(spec.endDate()); day = day.plusDays(1)) {
            for (Ad ad : ads) {
                if (!day.isBefore(ad.start()) && !day.isAfter(ad.lastDelivery())) {
                    writeDay(account, ad, day, random, out);
                }
            }
        }
    }

    private static void writeDay(Account account, Ad ad, LocalDate day, SplittableRandom random,
                                 CopyRowWriter out) throws IOException {
        if (random.nextDouble() < GAP_PROBABILITY) {
            return;
        }
        long age = day.toEpochDay() - ad.start().toEpochDay();
        double rampUp = age == 0 ? 0.4 : age == 1 ? 0.7 : 1.0;
        long impressions = Math.round(ad.dailyImpressions() * Seasonality.of(day) * rampUp
                * DemoHierarchy.logNormal(random, 0.25));
        if (impressions == 0) {
            return;
        }
        long reach = Math.round(impressions / DemoHierarchy.uniform(random, 1.1, 1.5));
        long clicks = noisyCount(random, impressions * ad.ctr(), impressions);
        long spend = Math.round(impressions * ad.cpm() / 1000.0 * MONEY_UNITS
                * DemoHierarchy.logNormal(random, 0.05));
        long conversions = noisyCount(random, clicks * ad.conversionRate(), clicks);
        long conversionValue = conversions == 0 ? 0 : Math.round(conversions * ad.orderValue()
                * DemoHierarchy.logNormal(random, 0.2) * MONEY_UNITS);
        long videoViews = ad.format().equals("VIDEO")
                ? Math.round(impressions * DemoHierarchy.uniform(random, 0.2, 0.36)) : 0;
        out.longField(account.id()).longField(ad.id()).dateField(day).longField(ad.adSetId())
                .longField(ad.campaignId()).longField(impressions).longField(reach).longField(clicks)
                .decimalField(spend, MONEY_SCALE).longField(conversions)
                .decimalField(conversionValue, MONEY_SCALE).longField(videoViews).endRow();
    }

    /** A count with the given mean and Poisson-like spread, within [0, max]. */
    static long noisyCount(SplittableRandom random, double mean, long max) {
        long value = Math.round(mean + Math.sqrt(mean) * random.nextGaussian());
        return Math.max(0, Math.min(max, value));
    }
}
