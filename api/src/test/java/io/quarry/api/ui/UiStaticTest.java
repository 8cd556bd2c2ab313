package io.quarry.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web UI's page, modules and charting library come from the jar without a token, under a
 * Content-Security-Policy that allows no inline script; with a configured database (not the
 * embedded demo) {@code /ui/config.json} offers no token, and the API still wants one.
 */
@MicronautTest
class UiStaticTest extends ApiTest {

    @Test
    void thePageIsServedAtTheRootWithoutATokenUnderAStrictPolicy() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/").accept("text/html"), String.class);
        assertThat(page.getContentType()).hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("text/html"));
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String html = page.body();
        List<String> scripts = matches(Pattern.compile("<script[^>]*>"), html);
        assertThat(scripts).as("script tags").isNotEmpty()
                .allSatisfy(tag -> assertThat(tag).contains("src=\"/ui/").contains("type=\"module\""));
        assertThat(html).doesNotContain("style=", " onclick=", " onload=");
    }

    @Test
    void everyModuleTheAppImportsIsServedAsJavaScript() {
        List<String> pending = new ArrayList<>(List.of("/ui/app.js"));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String path = pending.remove(0);
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> module = client.toBlocking().exchange(HttpRequest.GET(path), String.class);
            assertThat(module.getContentType()).as(path).hasValueSatisfying(type ->
                    assertThat(type.getName()).isEqualTo("application/javascript"));
            for (String imported : matches(Pattern.compile("from '\\./([a-z-]+\\.js)'"), module.body())) {
                pending.add("/ui/" + imported);
            }
        }
        assertThat(seen).as("modules").hasSizeGreaterThan(15);
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/ui/app.css"), String.class).body()).contains(":root");
        HttpResponse<byte[]> echarts = client.toBlocking().exchange(
                HttpRequest.GET("/webjars/echarts/5.3.1/dist/echarts.esm.min.js"), byte[].class);
        assertThat(echarts.body()).hasSizeGreaterThan(500_000);
    }

    @Test
    void withAConfiguredDatabaseTheUiIsOfferedNoToken() {
        HttpResponse<String> settings = client.toBlocking().exchange(HttpRequest.GET("/ui/config.json"), String.class);
        assertThat(settings.body()).isEqualTo("{}");
        assertThat(settings.header("Cache-Control")).isEqualTo("no-store");
        assertThat(error(HttpRequest.GET("/api/v1/model"), 401)).contains("TOKEN_MISSING");
    }

    @Test
    void anUnknownAssetIsAProblemNotAPage() {
        assertThat(error(HttpRequest.GET("/ui/nothing.js"), 404)).contains("\"code\":\"NOT_FOUND\"");
        assertThat(error(HttpRequest.GET("/webjars/echarts/5.3.1/nothing.js"), 404)).contains("NOT_FOUND");
        try {
            client.toBlocking().exchange(HttpRequest.GET("/index.html"), String.class);
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(404);
            return;
        }
        throw new AssertionError("/index.html is not a second address of the page");
    }

    @Test
    void onlyABrowserOnThisMachineIsOfferedTheDemoToken() throws UnknownHostException {
        assertThat(UiConfigController.local(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000))).isTrue();
        assertThat(UiConfigController.local(new InetSocketAddress(InetAddress.getByName("::1"), 40000))).isTrue();
        assertThat(UiConfigController.local(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 40000))).isFalse();
        assertThat(UiConfigController.local(new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 40000))).isFalse();
        assertThat(UiConfigController.local(null)).isFalse();
    }

    /** The matches of a pattern in a text: its first group, or the whole match without groups. */
    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(matcher.groupCount() > 0 ? 1 : 0));
        }
        return found;
    }
}
