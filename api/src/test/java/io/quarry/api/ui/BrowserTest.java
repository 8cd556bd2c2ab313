package io.quarry.api.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.quarry.api.ApiTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of UI tests signed in with a pasted token: one Chromium per class, a fresh page per
 * test opened at the real server's {@code /} and signed in as {@link #subject()} for
 * {@link #accounts()}.
 */
abstract class BrowserTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    Browser browser;
    QuarryPage page;
    String token;

    /** The token's subject. */
    abstract String subject();

    /** The accounts the token may read. */
    abstract List<Long> accounts();

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
        token = token(subject(), accounts());
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signIn() {
        page = new QuarryPage(browser, server.getURL() + "/").open();
        page.signIn(token);
    }
}
