package org.dermread.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.dermread.accounts.SessionValidity;
import org.dermread.shell.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login through Vaadin's login view, view access by {@code @RolesAllowed}, method security on services.
 *
 * <ul>
 *   <li>CSRF: Spring Security's token is required everywhere but on Vaadin's own internal requests (which carry
 *       Vaadin's per-UI security key instead), the sign-in form included: Vaadin's configurer would exempt
 *       {@code POST /login} (login CSRF, issue 12 finding 9), so its CSRF settings are replaced here. The login form
 *       sends the token from the page's {@code _csrf} meta tags.</li>
 *   <li>Sign-in: {@code accounts.SignInProvider} is the only authentication provider (throttled, constant work).</li>
 *   <li>Sessions end at their next request when the account's roles, status or password changed
 *       ({@link EndSessionsOfChangedAccounts}).</li>
 *   <li>Headers: a Content-Security-Policy that Vaadin works with (it needs inline and eval'd scripts, see
 *       {@link #CONTENT_SECURITY_POLICY}), {@code X-Content-Type-Options}, {@code X-Frame-Options: SAMEORIGIN},
 *       {@code Referrer-Policy}, and HSTS on requests that arrived over TLS (directly, or through a reverse proxy
 *       whose {@code X-Forwarded-Proto} is trusted, see application.yml).</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Vaadin Flow needs {@code script-src 'unsafe-inline' 'unsafe-eval'} and {@code style-src 'unsafe-inline'}
     * (Vaadin documentation, "Content Security Policy", required settings); everything else is limited to this
     * origin, plugins are off, and no other site may frame the pages or receive their forms.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
            SessionValidity sessions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/themes/**", "/icons/**", "/images/**").permitAll());
        http.headers(headers -> headers
                .contentTypeOptions(contentType -> { })
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class, "/login?logout")
                .enableCsrfConfiguration(false));
        http.addFilterAfter(new EndSessionsOfChangedAccounts(sessions), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** bcrypt today, behind a delegating encoder so stored hashes can move to a newer scheme. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
