package org.dermread.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.dermread.testing.DermReadTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The headers every response carries, through the real filter chain. */
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
}
