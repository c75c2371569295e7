package org.dermread.accounts;

import java.time.Duration;
import java.time.Instant;
import org.dermread.accounts.internal.AccountRepository;
import org.dermread.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for {@link #LOCK} after {@link #MAX_FAILURES} consecutive failed sign-ins (OWASP Authentication
 * Cheat Sheet, "account lockout"), and audits every attempt. A successful sign-in resets the count. Passwords are
 * never logged.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AccountRepository accounts;
    private final AuditLog audit;

    LoginThrottle(AccountRepository accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        int failures = accounts.recordFailedLogin(username);
        audit.recordAs(username, "signin.failed", username, event.getException().getClass().getSimpleName());
        if (failures >= MAX_FAILURES && !accounts.lockedNow(username)) {
            accounts.lockUntil(username, Instant.now().plus(LOCK));
            audit.recordAs(username, "signin.locked", username, failures + " consecutive failures");
            log.warn("Sign-in for '{}' locked for {} after {} failures", username, LOCK, failures);
        }
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.resetFailedLogins(username);
        audit.recordAs(username, "signin.ok", username, null);
    }
}
