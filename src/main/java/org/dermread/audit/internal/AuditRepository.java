package org.dermread.audit.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dermread.audit.AuditEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String actor, String action, String target, String detail) {
        jdbc.sql("insert into audit_event (actor, action, target, detail) values (:actor, :action, :target, :detail)")
                .param("actor", truncate(actor, 64))
                .param("action", truncate(action, 64))
                .param("target", truncate(target, 200))
                .param("detail", detail)
                .update();
    }

    public List<AuditEvent> recent(String actionPrefix, String actor, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, target, detail from audit_event
                         where (:prefix = '' or action like :prefix || '%')
                           and (:actor = '' or lower(actor) = lower(:actor))
                         order by occurred_at desc, id desc limit :limit
                        """)
                .param("prefix", actionPrefix == null ? "" : actionPrefix)
                .param("actor", actor == null ? "" : actor)
                .param("limit", limit)
                .query((rs, row) -> new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /**
     * Events matching every filter given (null or blank: no filter), newest first.
     *
     * @param action exact action code
     * @param user   a user name, matched case-insensitively against who acted and whom it concerned
     * @param from   first instant included
     * @param until  first instant no longer included
     */
    public List<AuditEvent> search(String action, String user, Instant from, Instant until, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, target, detail from audit_event
                         where (cast(:action as text) is null or action = :action)
                           and (cast(:user as text) is null or lower(actor) = lower(:user)
                                or lower(target) = lower(:user))
                           and (cast(:from as timestamptz) is null or occurred_at >= :from)
                           and (cast(:until as timestamptz) is null or occurred_at < :until)
                         order by occurred_at desc, id desc limit :limit
                        """)
                .param("action", blankToNull(action))
                .param("user", blankToNull(user))
                .param("from", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("until", until == null ? null : OffsetDateTime.ofInstant(until, ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("limit", limit)
                .query((rs, row) -> new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Every action code recorded so far, in alphabetical order. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
