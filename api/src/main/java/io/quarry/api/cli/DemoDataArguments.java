package io.quarry.api.cli;

import io.quarry.migrations.demo.DemoDataSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the demo data command's arguments into a spec: a preset, then overrides. */
final class DemoDataArguments {

    static final String USAGE = """
            usage: load-demo [--help] [--preset quickstart|benchmark] [--accounts N] [--campaigns N]
                             [--ad-sets N] [--ads N] [--days N] [--end-date YYYY-MM-DD]
                             [--events N] [--seed N] [--parallel N]
              --preset     quickstart: 20 accounts, 180 days (default);
                           benchmark: 1,000 skewed accounts, 365 days, over 10 million fact rows
              --campaigns  mean campaigns per account    --ad-sets  mean ad sets per campaign
              --ads        mean ads per ad set           --events   mean events per account and day
              --end-date   last day of data (default: yesterday, UTC)
              --parallel   connections loading facts (default: the number of processors)
            The database is the api's: DATASOURCES_DEFAULT_URL (and _USERNAME, _PASSWORD), else the
            embedded PostgreSQL in quarry.embedded.data-dir (QUARRY_EMBEDDED_DATA_DIR).""";

    private DemoDataArguments() {
    }

    /** A parsed command line: the data to generate and how many connections load it. */
    record Parsed(DemoDataSpec spec, int parallelism) {
    }

    static DemoDataSpec parse(String... args) {
        return parseAll(args).spec();
    }

    static Parsed parseAll(String... args) {
        int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        DemoDataSpec spec = DemoDataSpec.quickstart(end);
        long seed = spec.seed();
        int accounts = spec.accounts();
        int campaigns = spec.campaignsPerAccount();
        int adSets = spec.adSetsPerCampaign();
        int ads = spec.adsPerAdSet();
        int days = spec.days();
        int events = spec.eventsPerAccountDay();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--preset" -> {
                    DemoDataSpec preset = switch (value) {
                        case "quickstart" -> DemoDataSpec.quickstart(end);
                        case "benchmark" -> DemoDataSpec.benchmark(end);
                        default -> throw new IllegalArgumentException(
                                "unknown preset '" + value + "': quickstart or benchmark");
                    };
                    accounts = preset.accounts();
                    campaigns = preset.campaignsPerAccount();
                    adSets = preset.adSetsPerCampaign();
                    ads = preset.adsPerAdSet();
                    days = preset.days();
                    events = preset.eventsPerAccountDay();
                }
                case "--accounts" -> accounts = integer(name, value);
                case "--campaigns" -> campaigns = integer(name, value);
                case "--ad-sets" -> adSets = integer(name, value);
                case "--ads" -> ads = integer(name, value);
                case "--days" -> days = integer(name, value);
                case "--events" -> events = integer(name, value);
                case "--seed" -> seed = longInteger(name, value);
                case "--end-date" -> end = date(name, value);
                case "--parallel" -> parallelism = integer(name, value);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("--parallel must be between 1 and 64, was " + parallelism);
        }
        return new Parsed(new DemoDataSpec(seed, accounts, campaigns, adSets, ads, days, end, events), parallelism);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
        }
    }

    private static long longInteger(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " takes a date as YYYY-MM-DD, not '" + value + "'");
        }
    }
}
