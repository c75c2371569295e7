package org.dermread.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.dermread.accounts.SessionValidity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a session out at its next request when its account changed since it signed in (roles, enabled, password;
 * see {@link SessionValidity}). It asks the database on every request, so it also works when another instance made
 * the change. Vaadin's next round trip then finds the session gone and the page reloads into the sign-in page.
 * Not a bean, so that Spring Boot does not also register it as a servlet filter outside the security chain.
 */
class EndSessionsOfChangedAccounts extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EndSessionsOfChangedAccounts.class);

    private final SessionValidity sessions;

    EndSessionsOfChangedAccounts(SessionValidity sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !sessions.stillValid(authentication)) {
            log.info("Ended a session of '{}': the account changed since it signed in", authentication.getName());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
