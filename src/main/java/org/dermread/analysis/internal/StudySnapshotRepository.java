package org.dermread.analysis.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a study's tables for its analysis and export, each with one statement. The caller runs them in one
 * read-only transaction (so they see one snapshot) and owns the security checks.
 */
@Repository
public class StudySnapshotRepository {

    private final JdbcClient jdbc;

    public StudySnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SnapshotStudyRow(long id, String name, String status, long caseSetId, String modelSha256,
            boolean aidedPhase) {
    }

    public record SnapshotCaseRow(long id, long sourceId, String externalId, String truth, Integer age, String sex,
            String bodySite, String confirmation, String imageSha256) {
    }

    /**
     * A participation. The phase order (with the study's seed, the experience group and the rank that reproduce it
     * when the study randomises it), the washout and when the second phase opened are null where they do not apply.
     */
    public record SnapshotReaderRow(long participationId, Integer yearsDermatology, Integer yearsDermoscopy,
            Boolean boardCertified, String title, String hospitalLevel, Instant startedAt, Instant unaidedFinishedAt,
            Instant aidedFinishedAt, String phaseOrder, Long phaseOrderSeed, String phaseOrderGroup,
            Integer phaseOrderRank, Integer washoutDays, Instant secondPhaseOpensAt, String arm, Long armSeed,
            String armGroup, Integer armRank) {
    }

    /** An arm of a collaboration study with its forms of AI help. */
    public record SnapshotArmRow(String code, String name, boolean top1, boolean probabilities, boolean malignancy,
            boolean similarCases, Integer similarK, boolean saliency) {
    }

    /** The study's arms in their order (empty for a study without arms). */
    public List<SnapshotArmRow> arms(long studyId) {
        return jdbc.sql("""
                        select code, name, top1, probabilities, malignancy, similar_cases, similar_k, saliency
                          from study_arm where study_id = :s order by position
                        """)
                .param("s", studyId)
                .query((rs, row) -> new SnapshotArmRow(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), (Integer) rs.getObject(7),
                        rs.getBoolean(8)))
                .list();
    }

    public record SnapshotAnswerRow(long participationId, long caseId, String phase, String diagnosis,
            Integer confidence, Instant shownAt, Instant answeredAt, int revision) {
    }

    public Optional<SnapshotStudyRow> study(long studyId) {
        return jdbc.sql("""
                        select id, name, status, case_set_id, model_sha256, ai_assisted_phase
                          from study where id = :s
                        """)
                .param("s", studyId)
                .query((rs, row) -> new SnapshotStudyRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    /** The taxonomy of the study's labels: its case set's. */
    public String taxonomy(long studyId) {
        return jdbc.sql("select cs.taxonomy from study s join case_set cs on cs.id = s.case_set_id where s.id = :s")
                .param("s", studyId).query(String.class).single();
    }

    /** The label set in display order. */
    public List<String> labels(long studyId) {
        return jdbc.sql("select diagnosis from study_label where study_id = :s order by position")
                .param("s", studyId)
                .query(String.class)
                .list();
    }

    /** The cases of a case set, by id. */
    public List<SnapshotCaseRow> cases(long caseSetId) {
        return jdbc.sql("""
                        select c.id, c.source_id, c.external_id, c.diagnosis, c.age, c.sex, c.body_site,
                               c.confirmation, c.image_sha256
                          from case_set_member m join clinical_case c on c.id = m.case_id
                         where m.case_set_id = :set
                         order by c.id
                        """)
                .param("set", caseSetId)
                .query((rs, row) -> new SnapshotCaseRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list();
    }

    /** The study's participations in invitation order, with the experience recorded when each reader started. */
    public List<SnapshotReaderRow> readers(long studyId) {
        return jdbc.sql("""
                        select p.id, p.years_dermatology, p.years_dermoscopy, p.board_certified, p.title,
                               p.hospital_level, p.started_at, p.unaided_finished_at, p.aided_finished_at,
                               p.phase_order,
                               case when s.randomise_phase_order then s.phase_order_seed end as phase_order_seed,
                               p.phase_order_group, p.phase_order_rank,
                               case when s.ai_assisted_phase then s.washout_days end as washout_days,
                               p.second_phase_opens_at, p.arm,
                               case when exists (select 1 from study_arm a where a.study_id = s.id)
                                    then s.arm_seed end as arm_seed,
                               p.arm_group, p.arm_rank
                          from participation p join study s on s.id = p.study_id
                         where p.study_id = :s order by p.id
                        """)
                .param("s", studyId)
                .query((rs, row) -> new SnapshotReaderRow(rs.getLong(1), (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3), (Boolean) rs.getObject(4), rs.getString(5), rs.getString(6),
                        instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10), (Long) rs.getObject(11),
                        rs.getString(12), (Integer) rs.getObject(13), (Integer) rs.getObject(14), instant(rs, 15),
                        rs.getString(16), (Long) rs.getObject(17), rs.getString(18), (Integer) rs.getObject(19)))
                .list();
    }

    /** Every stored answer of the study. */
    public List<SnapshotAnswerRow> answers(long studyId) {
        return jdbc.sql("""
                        select a.participation_id, a.case_id, a.phase, a.diagnosis, a.confidence, a.shown_at,
                               a.answered_at, a.revision
                          from answer a join participation p on p.id = a.participation_id
                         where p.study_id = :s
                         order by a.participation_id, a.phase desc, a.case_id
                        """)
                .param("s", studyId)
                .query((rs, row) -> new SnapshotAnswerRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), (Integer) rs.getObject(5), instant(rs, 6), instant(rs, 7), rs.getInt(8)))
                .list();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
