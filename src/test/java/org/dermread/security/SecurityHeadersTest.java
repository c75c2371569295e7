package org.dermread.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.dermread.testing.DermReadTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The headers every response carries, through the real filter chain (issue 12, finding 12). */
@DermReadTest
@AutoConfigureMockMvc
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void security_headers_are_sent() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(result -> {
                    assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
                    assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
                    assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
                });
    }

    @Test
    void a_content_security_policy_that_vaadin_works_with_is_sent_with_every_response() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(result -> assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                        .contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                                "object-src 'none'", "frame-ancestors 'self'", "form-action 'self'"));
    }

    @Test
    void hsts_is_sent_only_over_tls() throws Exception {
        mvc.perform(get("/actuator/health").secure(true))
                .andExpect(result -> assertThat(result.getResponse().getHeader("Strict-Transport-Security"))
                        .contains("max-age=31536000"));
        mvc.perform(get("/actuator/health"))
                .andExpect(result -> assertThat(result.getResponse().getHeader("Strict-Transport-Security")).isNull());
    }
}
