package org.dermread.audit.internal;

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

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
