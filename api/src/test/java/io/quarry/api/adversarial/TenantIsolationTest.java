package io.quarry.api.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.adversarial.Findings.Finding;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation against an independent oracle: randomized reports under random tokens, each
 * answer through the real HTTP API compared value by value with SQL the test writes over the raw
 * tables for exactly the accounts the token (narrowed by ACCOUNTS) may read, with a sentinel
 * account whose rows must never show. The short form runs in every build; the long form with
 * {@code -Dquarry.adversarial.reports=100000} (see README, Tests).
 */
@MicronautTest
class TenantIsolationTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    @Test
    void randomReportsShowExactlyTheFiguresOfTheTokensAccounts() throws Exception {
        AdversarialSettings settings = AdversarialSettings.read();
        Sentinel.ensure();
        Findings findings = new Findings();
        IsolationRun run = new IsolationRun(new ApiClient(server.getURI(), settings.timeout()),
                new SqlOracle(TestDatabase.get().dataSource()), (subject, accounts) -> tokens.generateToken(Map.of(
                "sub", subject, "accounts", accounts, "exp", Instant.now().plusSeconds(600).getEpochSecond()))
                .orElseThrow(), findings);
        int cases = settings.cases(settings.reports());
        Workers.run("isolation", settings, cases, findings, (index, seed, subject) -> {
            try {
                run.run(seed, subject);
            } catch (ApiClient.Hang hang) {
                findings.fail(new Finding("HANG", hang.getMessage(), seed, "case " + index, hang.toString()));
            }
            findings.count("isolation: reports");
        });
        String report = findings.report("tenant isolation: " + cases + " reports, seed " + settings.seed()
                + (settings.replay().isPresent() ? " (replay)" : "") + ", " + TestDatabase.get().description()
                + (TestDatabase.get().citus() ? " (Citus)" : ""), getClass().getSimpleName());
        Workers.publish("isolation", report);
        assertThat(findings.failed("LEAK")).as("leaks%s", report).isZero();
        assertThat(findings.anyFailure()).as("failures%s", report).isFalse();
    }
}
