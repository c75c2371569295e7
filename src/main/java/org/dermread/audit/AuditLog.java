package org.dermread.audit;

import java.util.List;
import org.dermread.audit.internal.AuditRepository;
import org.dermread.common.AnyCaller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of security- and study-relevant actions. An event is written in the caller's transaction, so an
 * action that fails and rolls back leaves no event either; sign-in events stand alone. Never holds passwords.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;

    public AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** Records an action by the signed-in user (or "system" when nobody is signed in). */
    @Transactional
    @AnyCaller("every feature records its actions here, also at start-up before anyone signs in")
    public void record(String action, String target, String detail) {
        repository.insert(actor(), action, target, detail);
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? "system" : authentication.getName();
    }

    /** Records an action on behalf of a named actor (e.g. a sign-in attempt before authentication). */
    @Transactional
    @AnyCaller("sign-in attempts are recorded before the person is authenticated")
    public void recordAs(String actor, String action, String target, String detail) {
        repository.insert(actor, action, target, detail);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEvent> recent(String actionPrefix, String actor, int limit) {
        return repository.recent(actionPrefix, actor, Math.max(1, Math.min(limit, 5000)));
    }
}
