package bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-to-steady-throughput of a fresh server, per way of starting it (bench/warm-start runs it):
 * {@code --starts} fresh processes per configuration, the configurations interleaved so that the
 * machine's load falls on each alike; writes the markdown report ({@link WarmStartReport}).
 *
 * <pre>
 * java -cp classes:quarry-api-all.jar bench.WarmStart --jar quarry-api-all.jar --secret-file .../jwt-secret
 *     --data-dir .../pg --pg-port 25449 --http-port 18090 --archive quarry-api-all.jsa
 *     --configs before,archive,warm-up,after --starts 3 --rounds 20 --round-seconds 5 --concurrency 8
 *     --logs bench/.data/warm-start/&lt;stamp&gt; --out bench/results/warm-start-latest.md
 * </pre>
 *
 * Configurations: {@code before} (no archive, no warm-up), {@code archive} (the AppCDS archive only),
 * {@code warm-up} (the in-process warm-up only), {@code after} (both: what {@code ./quarry run} does),
 * {@code c1-only} (-XX:TieredStopAtLevel=1, to see what the JIT's top tier costs and gives) and
 * {@code jit-sooner} (the archive, and the JIT's thresholds halved: -XX:CompileThresholdScaling=0.5)
 * and {@code after-jit-sooner} (the archive, the warm-up and the halved thresholds).
 * Every server runs with the cache and the rollups off (each call reaches the database).
 */
final class WarmStart {

    private WarmStart() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String jar = options.required("jar");
        String archive = options.required("archive");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARRY_ROLLUPS_ENABLED", "false");
        env.put("QUARRY_CACHE_TTL", "0s");
        env.put("QUARRY_EMBEDDED_DATA_DIR", options.required("data-dir"));
        env.put("QUARRY_EMBEDDED_PORT", options.required("pg-port"));
        int starts = options.integer("starts", 3);
        int rounds = options.integer("rounds", 20);
        int roundSeconds = options.integer("round-seconds", 5);
        int concurrency = options.integer("concurrency", 8);
        Path logs = Path.of(options.required("logs"));
        Files.createDirectories(logs);
        List<FreshStart.Config> configs = new ArrayList<>();
        for (String name : options.get("configs") == null ? new String[] {"before", "after"}
                : options.get("configs").split(",")) {
            configs.add(config(name.strip(), archive));
        }
        Tokens tokens = new Tokens(Files.readString(Path.of(options.required("secret-file")), StandardCharsets.UTF_8)
                .strip());
        FreshStart fresh = new FreshStart(jar, env, Integer.parseInt(options.required("http-port")), tokens);
        List<FreshStart.Outcome> outcomes = new ArrayList<>();
        for (int start = 1; start <= starts; start++) {
            for (FreshStart.Config config : configs) {
                Path log = logs.resolve("server-" + config.name() + "-" + start + ".log");
                System.err.printf("start %d/%d, %s: %s%n", start, starts, config.name(), log);
                FreshStart.Outcome outcome = fresh.run(config, log, rounds, roundSeconds, concurrency);
                System.err.printf("  ready %.2f s, first answer %.2f s, rounds %s, errors %d%n", outcome.readySeconds(),
                        outcome.firstAnswerSeconds(), outcome.roundsPerSecond(), outcome.errors());
                outcomes.add(outcome);
            }
        }
        String report = new WarmStartReport(configs, outcomes, roundSeconds, concurrency).markdown();
        Files.writeString(Path.of(options.required("out")), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    private static FreshStart.Config config(String name, String archive) {
        String useArchive = "-XX:SharedArchiveFile=" + archive;
        return switch (name) {
            case "before" -> new FreshStart.Config(name, "no archive, warm-up off", List.of(),
                    Map.of("QUARRY_WARMUP_ENABLED", "false"));
            case "archive" -> new FreshStart.Config(name, "AppCDS archive, warm-up off", List.of(useArchive),
                    Map.of("QUARRY_WARMUP_ENABLED", "false"));
            case "warm-up" -> new FreshStart.Config(name, "no archive, warm-up on", List.of(),
                    Map.of("QUARRY_WARMUP_ENABLED", "true"));
            case "after" -> new FreshStart.Config(name, "AppCDS archive, warm-up on", List.of(useArchive),
                    Map.of("QUARRY_WARMUP_ENABLED", "true"));
            case "c1-only" -> new FreshStart.Config(name, "-XX:TieredStopAtLevel=1, warm-up off",
                    List.of("-XX:TieredStopAtLevel=1"), Map.of("QUARRY_WARMUP_ENABLED", "false"));
            case "jit-sooner" -> new FreshStart.Config(name, "AppCDS archive, -XX:CompileThresholdScaling=0.5, warm-up off",
                    List.of(useArchive, "-XX:CompileThresholdScaling=0.5"), Map.of("QUARRY_WARMUP_ENABLED", "false"));
            case "after-jit-sooner" -> new FreshStart.Config(name,
                    "AppCDS archive, warm-up on, -XX:CompileThresholdScaling=0.5",
                    List.of(useArchive, "-XX:CompileThresholdScaling=0.5"), Map.of("QUARRY_WARMUP_ENABLED", "true"));
            default -> throw new IllegalArgumentException("unknown configuration '" + name
                    + "' (before, archive, warm-up, after, c1-only, jit-sooner, after-jit-sooner)");
        };
    }
}
