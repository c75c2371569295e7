package org.dermread.audit;

import java.time.Instant;

/** One entry of the audit log. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String target, String detail) {
}
