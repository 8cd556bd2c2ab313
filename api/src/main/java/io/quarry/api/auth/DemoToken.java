package io.quarry.api.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.security.token.generator.TokenGenerator;
import io.quarry.api.db.EmbeddedDatabase;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.quarry.api.db.DirectDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In the embedded demo mode only, prints a ready bearer token for the demo accounts when the
 * server starts; it may read and ingest ({@code "scope": "read ingest"}). Production
 * configuration (an external database) never prints one. The token is
 * valid for 30 days, the embedded mode's default maximum token lifetime, or for
 * {@code quarry.auth.tokens.max-lifetime} when that is set shorter.
 */
@Singleton
@Requires(beans = EmbeddedDatabase.class)
public final class DemoToken implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoToken.class);

    private final TokenGenerator tokens;
    private final DataSource dataSource;
    private final AuthConfiguration configuration;
    private final Duration validity;

    DemoToken(TokenGenerator tokens, DirectDataSource direct, AuthConfiguration configuration, TokenRules rules) {
        this.tokens = tokens;
        this.dataSource = direct.dataSource();
        this.configuration = configuration;
        this.validity = rules.maxLifetime().compareTo(TokenRules.DEMO_MAX_LIFETIME) < 0
                ? rules.maxLifetime() : TokenRules.DEMO_MAX_LIFETIME;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        List<Long> accounts = demoAccounts();
        String token = generate("demo", accounts);
        LOG.info("Demo token for accounts {} (valid {}):\n\n  export QUARRY_TOKEN={}\n\nThe web UI opens the demo report"
                + " at {}/ (in a browser on this machine)\n", accounts, TokenRules.describe(validity), token,
                event.getSource().getURL());
    }

    /** A token for {@code subject} that may read {@code accounts} and ingest rows for them. */
    public String generate(String subject, List<Long> accounts) {
        return generate(subject, accounts, "read " + IngestCaller.SCOPE); // the demo may load its own data
    }

    /** A token that may only read the demo accounts: the one the web UI is handed (io.quarry.api.ui). */
    public String readOnly() {
        return generate("demo", demoAccounts(), "read");
    }

    private String generate(String subject, List<Long> accounts, String scope) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", "quarry-demo");
        claims.put(configuration.accountsClaim(), accounts);
        claims.put(IngestCallerBinder.SCOPE_CLAIM, scope);
        Instant now = Instant.now();
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validity).getEpochSecond());
        return tokens.generateToken(claims).orElseThrow(() -> new IllegalStateException("no token generator"));
    }

    private List<Long> demoAccounts() {
        List<Long> accounts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT account_id FROM accounts ORDER BY account_id LIMIT 100")) {
            while (rs.next()) {
                accounts.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.warn("Could not list the demo accounts: {}", e.getMessage());
        }
        return accounts;
    }
}
