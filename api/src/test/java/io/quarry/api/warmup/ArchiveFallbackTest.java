package io.quarry.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.api.Application;
import io.quarry.api.TestDatabaseProperties;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class data sharing archive that cannot be used never stops a start: the server, started in a
 * JVM of its own with the archive options {@code ./quarry run} passes (read from the script) and
 * an archive that is missing or not an archive at all, becomes ready on the test database.
 */
class ArchiveFallbackTest {

    /** The archive options of the script's start: {@code exec java ${cds:+<options>} ...}. */
    private static final Pattern OPTIONS = Pattern.compile("exec java \\$\\{cds:\\+([^}]*)}");

    @TempDir
    Path directory;

    @Test
    void aMissingArchiveIsIgnored() throws Exception {
        assertStarts(directory.resolve("missing.jsa"));
    }

    @Test
    void aBrokenArchiveIsIgnored() throws Exception {
        Path broken = directory.resolve("broken.jsa");
        byte[] noise = new byte[64 * 1024];
        new Random(17).nextBytes(noise);
        Files.write(broken, noise);
        assertStarts(broken);
    }

    private void assertStarts(Path archive) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(archiveOptions(archive));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (Map.Entry<String, String> property : TestDatabaseProperties.get().entrySet()) {
            command.add("-D" + property.getKey() + "=" + property.getValue());
        }
        command.addAll(List.of("-Dmicronaut.server.port=" + port, "-Dquarry.warmup.enabled=false",
                "-Dquarry.rollups.enabled=false", "-cp", System.getProperty("java.class.path"),
                Application.class.getName()));
        Path log = directory.resolve("server.log");
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Instant deadline = Instant.now().plusSeconds(180);
            while (!ready(port)) {
                assertThat(server.isAlive()).as("the server runs; its output:%n%s", output(log)).isTrue();
                assertThat(Instant.now()).as("ready within 180 s; its output:%n%s", output(log)).isBefore(deadline);
                Thread.sleep(200);
            }
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The options with {@code archive} for the script's {@code $cds}. */
    private static List<String> archiveOptions(Path archive) throws IOException {
        Matcher m = OPTIONS.matcher(Files.readString(Path.of("..", "quarry"), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the archive options of ./quarry run").isTrue();
        return Arrays.stream(m.group(1).replace("\"$cds\"", archive.toString()).strip().split("\\s+")).toList();
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
                    + "/health/readiness").toURL().openConnection();
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(5_000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String output(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
