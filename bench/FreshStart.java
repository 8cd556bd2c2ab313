package bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fresh server process, measured from the moment it was started: when {@code /health/readiness}
 * first answers UP, when the first report is answered after that (a load balancer's view), then
 * reports per second in consecutive rounds under constant load (the call mix of {@link ServerWarmup}:
 * every single-account shape and the small report over 100 accounts), with the JVM's own counters
 * (JIT and class loading time, CPU) at ready and at the end. The process is stopped with SIGTERM.
 */
final class FreshStart {

    /** A way to start the server: JVM options before {@code -jar}, and environment. */
    record Config(String name, String description, List<String> jvmOptions, Map<String, String> env) {
    }

    /** Times in seconds since the process was started. */
    record Outcome(String config, String loadAverage, double readySeconds, double firstAnswerSeconds,
                   double startupMillis, double warmupMillis, double loadStartSeconds, List<Double> roundsPerSecond,
                   long errors,
                   JvmCounters atReady, JvmCounters atEnd) {
    }

    private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");
    private static final Pattern WARMUP = Pattern.compile("Warm-up done in (\\d+) ms");
    private static final int READY_TIMEOUT_SECONDS = 300;

    private final String jar;
    private final Map<String, String> env;
    private final int httpPort;
    private final List<String[]> calls = new ArrayList<>();

    FreshStart(String jar, Map<String, String> env, int httpPort, Tokens tokens) throws Exception {
        this.jar = jar;
        this.env = env;
        this.httpPort = httpPort;
        for (Shape shape : Shape.all()) {
            if (shape.singleAccount()) {
                calls.add(new String[] {shape.report(), tokens.token("warm-start-" + shape.key(), shape.accounts())});
            }
        }
        for (long account : Shape.THROUGHPUT_ACCOUNTS) {
            calls.add(new String[] {Shape.SMALL_REPORT, tokens.token("warm-start-" + account, Set.of(account))});
        }
    }

    Outcome run(Config config, Path log, int rounds, int roundSeconds, int concurrency) throws Exception {
        String base = "http://127.0.0.1:" + httpPort;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(config.jvmOptions());
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().putAll(config.env());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(httpPort));
        String loadAverage = Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        long started = System.nanoTime();
        Process server = builder.start();
        // Stopped (SIGTERM) also when this program is: bench/lib.sh's trap sends it SIGTERM.
        Thread hook = new Thread(server::destroy);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            awaitReady(server, base + "/health/readiness", log);
            double ready = seconds(started);
            ApiClient client = new ApiClient(base);
            client.call("/api/v1/reports/query", "application/json", calls.get(0)[0], calls.get(0)[1]);
            double firstAnswer = seconds(started);
            JvmCounters atReady = JvmCounters.of(server.pid());
            long[] counts = new long[rounds];
            double loadStart = seconds(started);
            long errors = load(client, rounds, roundSeconds, concurrency, counts);
            JvmCounters atEnd = JvmCounters.of(server.pid());
            List<Double> perSecond = new ArrayList<>();
            for (long count : counts) {
                perSecond.add(count / (double) roundSeconds);
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return new Outcome(config.name(), loadAverage, ready, firstAnswer, number(STARTUP, text),
                    number(WARMUP, text), loadStart, perSecond, errors, atReady, atEnd);
        } finally {
            stop(server);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** Constant load for {@code rounds} x {@code roundSeconds}: reports answered, counted by the round they ended in. */
    private long load(ApiClient client, int rounds, int roundSeconds, int concurrency, long[] counts) throws Exception {
        AtomicLongArray answered = new AtomicLongArray(rounds);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long roundNanos = TimeUnit.SECONDS.toNanos(roundSeconds);
        long from = System.nanoTime();
        long until = from + rounds * roundNanos;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < until) {
                    String[] call = calls.get((int) (next.getAndIncrement() % calls.size()));
                    try {
                        client.call("/api/v1/reports/query", "application/json", call[0], call[1]);
                        long round = (System.nanoTime() - from) / roundNanos;
                        if (round < rounds) {
                            answered.incrementAndGet((int) round);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (int i = 0; i < rounds; i++) {
            counts[i] = answered.get(i);
        }
        return errors.get();
    }

    private static void awaitReady(Process server, String readiness, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited during startup (exit " + server.exitValue()
                        + "); see " + log);
            }
            if (up(readiness)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT_SECONDS + " s; see " + log);
    }

    private static boolean up(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(5_000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, then waits: the JVM stops its embedded PostgreSQL on the way out (never SIGKILL). */
    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(120, TimeUnit.SECONDS)) {
            System.err.println("WARNING: server pid " + server.pid() + " is still stopping");
        }
    }

    private static double number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
