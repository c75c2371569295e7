package org.dermread.studies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.dermread.accounts.AccountId;
import org.dermread.studies.PhaseOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads each participation of a study with its answer counts and times, in one statement. */
@Repository
public class MonitoringRepository {

    private final JdbcClient jdbc;

    public MonitoringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One participation as stored, before its status is worked out. */
    public record ParticipationRow(long participationId, AccountId readerId, String username, String displayName,
            boolean hasProfile, Instant startedAt, Instant unaidedFinishedAt, Instant aidedFinishedAt,
            int answeredUnaided, int answeredAided, Instant lastActivity, Double medianSeconds, PhaseOrder phaseOrder,
            Instant secondPhaseOpensAt, String arm) {
    }

    public List<ParticipationRow> participations(long studyId) {
        return jdbc.sql("""
                        select p.id, p.reader_id, a.username, a.display_name, p.started_at, p.unaided_finished_at,
                               p.aided_finished_at, p.phase_order, p.second_phase_opens_at, p.arm,
                               exists (select 1 from reader_profile rp where rp.account_id = p.reader_id) as profile,
                               coalesce(x.unaided, 0) as unaided, coalesce(x.aided, 0) as aided, x.median_seconds,
                               greatest(p.invited_at, p.started_at, p.unaided_finished_at, p.aided_finished_at,
                                        x.last_answer,
                                        (select max(c.shown_at) from case_presentation c
                                          where c.participation_id = p.id)) as last_activity
                          from participation p
                          join account a on a.id = p.reader_id
                          left join (select participation_id,
                                            count(*) filter (where phase = 'UNAIDED') as unaided,
                                            count(*) filter (where phase = 'AIDED') as aided,
                                            max(answered_at) as last_answer,
                                            percentile_cont(0.5) within group
                                                (order by extract(epoch from answered_at - shown_at))
                                                as median_seconds
                                       from answer group by participation_id) x on x.participation_id = p.id
                         where p.study_id = :study
                         order by lower(a.display_name), p.id
                        """)
                .param("study", studyId)
                .query(MonitoringRepository::row)
                .list();
    }

    private static ParticipationRow row(ResultSet rs, int row) throws SQLException {
        Object median = rs.getObject("median_seconds");
        return new ParticipationRow(rs.getLong("id"), new AccountId(rs.getLong("reader_id")),
                rs.getString("username"), rs.getString("display_name"), rs.getBoolean("profile"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("unaided_finished_at")),
                instant(rs.getTimestamp("aided_finished_at")), rs.getInt("unaided"), rs.getInt("aided"),
                instant(rs.getTimestamp("last_activity")),
                median == null ? null : ((Number) median).doubleValue(),
                rs.getString("phase_order") == null ? null : PhaseOrder.valueOf(rs.getString("phase_order")),
                instant(rs.getTimestamp("second_phase_opens_at")), rs.getString("arm"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
