package org.dermread.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** An exception or error class name, qualified or not; group 1 is the simple name without its suffix. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)*([A-Z][A-Za-z0-9]*?)(?:Exception|Error)\\b");

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

    /**
     * Events by action, by user (who acted or whom it concerned) and by time ({@code from} included, {@code until}
     * not), newest first, at most {@code limit}; details are made readable ({@link #readable}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEvent> search(String action, String user, Instant from, Instant until, int limit) {
        return repository.search(action, user, from, until, Math.max(1, Math.min(limit, 5000))).stream()
                .map(event -> new AuditEvent(event.id(), event.occurredAt(), event.actor(), event.action(),
                        event.target(), readable(event.detail())))
                .toList();
    }

    /** The action codes recorded so far, for the page's choice of action. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> actions() {
        return repository.actions();
    }

    /**
     * A detail without Java class names: entries written before sign-in refusals were recorded by reason (and any a
     * future mistake writes) named the exception class, which tells an administrator nothing; the name is
     * replaced by the words it stands for ("BadCredentialsException" becomes "bad credentials").
     */
    static String readable(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher matcher = CLASS_NAME.matcher(detail);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String words = matcher.group(1).replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            matcher.appendReplacement(result, Matcher.quoteReplacement(words));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEvent> recent(String actionPrefix, String actor, int limit) {
        return repository.recent(actionPrefix, actor, Math.max(1, Math.min(limit, 5000)));
    }
}
