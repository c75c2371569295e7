package org.dermread.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.dermread.testing.DermReadTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating reverse proxy on the same host (the deployment the README describes): the real Tomcat
 * trusts the proxy's {@code X-Forwarded-Proto}, so the session cookie is {@code Secure} and HSTS is sent; the cookie
 * is {@code HttpOnly} and {@code SameSite=Lax} either way (issue 12, finding 12).
 */
@DermReadTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindTlsProxyTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void over_tls_at_the_proxy_the_session_cookie_is_secure_and_hsts_is_sent() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/login")).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=31536000"));
        assertThat(sessionCookie(response)).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                value -> assertThat(value).contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'"));
    }

    @Test
    void over_plain_http_the_cookie_is_not_marked_secure_and_no_hsts_is_sent() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(response)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
