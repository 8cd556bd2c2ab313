package io.quarry.migrations.demo;

import io.quarry.migrations.demo.DemoEntities.Account;
import io.quarry.migrations.demo.DemoEntities.Ad;
import io.quarry.migrations.demo.DemoEntities.AdSet;
import io.quarry.migrations.demo.DemoEntities.Campaign;
import io.quarry.migrations.demo.DemoMarkets.Market;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans accounts, campaigns, ad sets and ads for a spec. Account sizes are log-normally skewed
 * (a few large tenants, many small ones) and sorted so that account 1 is the largest.
 */
final class DemoHierarchy {

    private static final String[] OBJECTIVES = {
        "CONVERSIONS", "TRAFFIC", "AWARENESS", "VIDEO_VIEWS", "LEADS", "APP_INSTALLS"
    };
    private static final double[] OBJECTIVE_WEIGHTS = {35, 20, 15, 10, 12, 8};
    private static final String[] STATUSES = {"ACTIVE", "PAUSED", "ARCHIVED"};
    private static final double[] CAMPAIGN_STATUS_WEIGHTS = {55, 30, 15};
    private static final String[] FORMATS = {"IMAGE", "VIDEO", "CAROUSEL"};

    private final DemoDataSpec spec;
    private final LocalDate first;
    private final LocalDate last;
    private long nextCampaignId = 1;
    private long nextAdSetId = 1;
    private long nextAdId = 1;

    private DemoHierarchy(DemoDataSpec spec) {
        this.spec = spec;
        this.first = spec.startDate();
        this.last = spec.endDate();
    }

    static List<Account> plan(DemoDataSpec spec) {
        return new DemoHierarchy(spec).planAll();
    }

    /** Random numbers for one account and one purpose, independent of every other account. */
    static SplittableRandom random(DemoDataSpec spec, long accountId, int purpose) {
        long mixed = spec.seed() * 0x9E3779B97F4A7C15L
                ^ accountId * 0xC2B2AE3D27D4EB4FL
                ^ (long) purpose * 0x165667B19E3779F9L;
        return new SplittableRandom(mixed);
    }

    /** Random numbers for one account, one purpose and one day after the spec's range. */
    static SplittableRandom random(DemoDataSpec spec, long accountId, int purpose, LocalDate day) {
        return new SplittableRandom(random(spec, accountId,
                purpose).nextLong() ^ day.toEpochDay() * 0xD6E8FEB86659FD93L);
    }

    private List<Account> planAll() {
        double[] weights = accountWeights();
        List<Account> accounts = new ArrayList<>(spec.accounts());
        for (int i = 0; i < spec.accounts(); i++) {
            accounts.add(planAccount(i + 1L, weights[i]));
        }
        return List.copyOf(accounts);
    }

    private double[] accountWeights() {
        SplittableRandom random = new SplittableRandom(spec.seed());
        double[] weights = new double[spec.accounts()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(1.2 * random.nextGaussian());
            sum += weights[i];
        }
        Arrays.sort(weights);
        double mean = sum / weights.length;
        double[] descending = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            descending[i] = weights[weights.length - 1 - i] / mean;
        }
        return descending;
    }

    private Account planAccount(long accountId, double weight) {
        SplittableRandom random = random(spec, accountId, 1);
        Market home = DemoMarkets.ALL.get(pick(random, DemoMarkets.HOME_WEIGHTS));
        int campaignCount = Math.max(1,
                (int) Math.round(spec.campaignsPerAccount() * weight * uniform(random, 0.8, 1.2)));
        List<Campaign> campaigns = new ArrayList<>(campaignCount);
        for (int c = 1; c <= campaignCount; c++) {
            Market market = random.nextDouble() < 0.7
                    ? home : DemoMarkets.ALL.get(random.nextInt(DemoMarkets.ALL.size()));
            campaigns.add(planCampaign(random, c, weight, home.currency(), market));
        }
        return new Account(accountId, DemoNames.account(accountId), home.currency(), home.country(),
                home.timezone(), weight, List.copyOf(campaigns));
    }

    private Campaign planCampaign(SplittableRandom random, int ordinal, double accountWeight,
                                  String currency, Market market) {
        String objective = OBJECTIVES[pick(random, OBJECTIVE_WEIGHTS)];
        String status = STATUSES[pick(random, CAMPAIGN_STATUS_WEIGHTS)];
        LocalDate start = first.plusDays(Math.round(uniform(random, -0.4, 0.85) * spec.days()));
        LocalDate end = null;
        LocalDate lastDelivery;
        switch (status) {
            case "ACTIVE" -> {
                lastDelivery = last;
                if (random.nextDouble() < 0.1) {
                    end = last.plusDays(10 + random.nextInt(80));
                }
            }
            case "PAUSED" -> lastDelivery = min(last, start.plusDays(7 + random.nextInt(
                    (int) Math.max(1, last.toEpochDay() - start.toEpochDay()))));
            default -> {
                end = start.plusDays(14 + random.nextInt(107));
                lastDelivery = min(end, last);
            }
        }
        double fx = DemoMarkets.perUsd(currency);
        long budgetCents = Math.round(50 * Math.sqrt(accountWeight) * logNormal(random, 0.5) * fx) * 100;
        long campaignId = nextCampaignId++;
        int adSetCount = Math.max(1, (int) Math.round(spec.adSetsPerCampaign() * uniform(random, 0.5, 1.5)));
        List<AdSet> adSets = new ArrayList<>(adSetCount);
        for (int s = 1; s <= adSetCount; s++) {
            adSets.add(planAdSet(random, s, campaignId, objective, status, start, lastDelivery,
                    accountWeight, currency, market));
        }
        return new Campaign(campaignId, DemoNames.campaign(random, market.country(), objective, ordinal),
                status, objective, market.country(), currency, budgetCents, start, end, lastDelivery,
                List.copyOf(adSets));
    }

    private AdSet planAdSet(SplittableRandom random, int ordinal, long campaignId, String objective,
                            String campaignStatus, LocalDate start, LocalDate lastDelivery,
                            double accountWeight, String currency, Market market) {
        long adSetId = nextAdSetId++;
        String status = childStatus(random, campaignStatus);
        int adCount = Math.max(1, (int) Math.round(spec.adsPerAdSet() * uniform(random, 0.5, 1.5)));
        List<Ad> ads = new ArrayList<>(adCount);
        for (int a = 1; a <= adCount; a++) {
            ads.add(planAd(random, a, adSetId, campaignId, objective, status, start, lastDelivery,
                    accountWeight, currency, market));
        }
        return new AdSet(adSetId, DemoNames.adSet(random, ordinal), status, optimizationGoal(objective),
                market.country(), List.copyOf(ads));
    }

    private Ad planAd(SplittableRandom random, int ordinal, long adSetId, long campaignId,
                      String objective, String parentStatus, LocalDate campaignStart,
                      LocalDate campaignLastDelivery, double accountWeight, String currency,
                      Market market) {
        String format = objective.equals("VIDEO_VIEWS") && random.nextDouble() < 0.8
                ? "VIDEO" : FORMATS[pick(random, new double[] {50, 25, 25})];
        String status = childStatus(random, parentStatus);
        LocalDate start = campaignStart.plusDays(random.nextInt(15));
        LocalDate lastDelivery = campaignLastDelivery;
        if (status.equals("PAUSED") && !parentStatus.equals("PAUSED")) {
            long span = Math.max(1, campaignLastDelivery.toEpochDay() - start.toEpochDay());
            lastDelivery = start.plusDays(3 + random.nextInt((int) Math.min(Integer.MAX_VALUE, span)));
            lastDelivery = min(lastDelivery, campaignLastDelivery);
        }
        double fx = DemoMarkets.perUsd(currency);
        double impressions = 1500 * Math.pow(accountWeight, 0.35) * logNormal(random, 0.8)
                * switch (objective) {
                    case "AWARENESS" -> 2.5;
                    case "VIDEO_VIEWS" -> 1.8;
                    default -> 1.0;
                };
        double ctr = switch (format) {
            case "VIDEO" -> 0.006;
            case "CAROUSEL" -> 0.011;
            default -> 0.009;
        } * switch (objective) {
            case "TRAFFIC" -> 1.4;
            case "AWARENESS" -> 0.5;
            default -> 1.0;
        } * logNormal(random, 0.35);
        double cpm = market.cpmUsd() * fx * switch (objective) {
            case "AWARENESS" -> 0.7;
            case "CONVERSIONS" -> 1.3;
            case "LEADS" -> 1.2;
            default -> 1.0;
        } * logNormal(random, 0.25);
        double conversionRate = switch (objective) {
            case "CONVERSIONS" -> 0.04;
            case "LEADS" -> 0.08;
            case "APP_INSTALLS" -> 0.06;
            case "TRAFFIC" -> 0.012;
            case "AWARENESS" -> 0.004;
            default -> 0.003;
        } * logNormal(random, 0.4);
        double orderValue = market.orderValueUsd() * fx * logNormal(random, 0.3)
                * (objective.equals("LEADS") || objective.equals("APP_INSTALLS") ? 0.3 : 1.0);
        return new Ad(nextAdId++, adSetId, campaignId, DemoNames.ad(random, format, ordinal), status,
                format, start, lastDelivery, impressions, Math.min(ctr, 0.2), cpm,
                Math.min(conversionRate, 0.5), orderValue);
    }

    private static String childStatus(SplittableRandom random, String parentStatus) {
        if (!parentStatus.equals("ACTIVE")) {
            return parentStatus;
        }
        return random.nextDouble() < 0.85 ? "ACTIVE" : "PAUSED";
    }

    private static String optimizationGoal(String objective) {
        return switch (objective) {
            case "CONVERSIONS" -> "OFFSITE_CONVERSIONS";
            case "TRAFFIC" -> "LINK_CLICKS";
            case "AWARENESS" -> "REACH";
            case "VIDEO_VIEWS" -> "THRUPLAY";
            case "LEADS" -> "LEAD_GENERATION";
            default -> "APP_INSTALLS";
        };
    }

    static int pick(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static double uniform(SplittableRandom random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** A log-normal factor with median 1. */
    static double logNormal(SplittableRandom random, double sigma) {
        return Math.exp(sigma * random.nextGaussian());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
