package org.dermread.reading.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dermread.reading.AnswerOption;
import org.dermread.reading.GivenAnswer;
import org.dermread.reading.ImageToRead;
import org.dermread.reading.MyStudy;
import org.dermread.reading.Phase;
import org.dermread.studies.ExperienceGroup;
import org.dermread.studies.PhaseOrder;
import org.dermread.studies.ReaderProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC for the quiz: participations, the study options a reader sees, presentations and answers. */
@Repository
public class ReadingRepository {

    private final JdbcClient jdbc;

    public ReadingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A participation with the options of its study; no ground truth. {@code phaseOrder} is null until the reader
     * starts (and stays null in a study without an AI-assisted phase).
     */
    public record ParticipationRow(long id, long studyId, long readerId, long orderSeed, Instant startedAt,
            Instant unaidedFinishedAt, Instant aidedFinishedAt, String studyName, String studyDescription,
            String status, boolean shuffle, boolean allowBack, boolean confidence, boolean feedback,
            boolean aidedPhase, boolean showClinical, int batchSize, long caseSetId, PhaseOrder phaseOrder,
            Instant secondPhaseOpensAt, int washoutDays, boolean randomisePhaseOrder, long phaseOrderSeed,
            boolean feedbackCases, String arm, long armSeed) {

        public Instant finishedAt(Phase phase) {
            return phase == Phase.UNAIDED ? unaidedFinishedAt : aidedFinishedAt;
        }
    }

    public Optional<ParticipationRow> participation(long participationId) {
        return jdbc.sql("""
                        select p.id, p.study_id, p.reader_id, p.order_seed, p.started_at, p.unaided_finished_at,
                               p.aided_finished_at, s.name, s.description, s.status, s.shuffle, s.allow_back,
                               s.confidence_scale, s.feedback, s.ai_assisted_phase, s.show_clinical, s.batch_size,
                               s.case_set_id, p.phase_order, p.second_phase_opens_at, s.washout_days,
                               s.randomise_phase_order, s.phase_order_seed, s.feedback_cases, p.arm, s.arm_seed
                          from participation p join study s on s.id = p.study_id
                         where p.id = :id
                        """)
                .param("id", participationId)
                .query((rs, row) -> participationRow(rs))
                .optional();
    }

    /** The reader's participation in a study, if any. */
    public Optional<ParticipationRow> participationOf(long studyId, long readerId) {
        return jdbc.sql("select id from participation where study_id = :s and reader_id = :r")
                .param("s", studyId).param("r", readerId).query(Long.class).optional()
                .flatMap(this::participation);
    }

    public List<MyStudy> studiesOf(long readerId) {
        return jdbc.sql("""
                        select p.id, s.id as study_id, s.name, s.description, s.status, s.ai_assisted_phase,
                               s.feedback, p.unaided_finished_at, p.aided_finished_at, p.phase_order,
                               p.second_phase_opens_at, p.started_at,
                               (select count(*) from case_set_member m where m.case_set_id = s.case_set_id) as total,
                               (select count(*) from answer a where a.participation_id = p.id
                                   and a.phase = 'UNAIDED') as unaided,
                               (select count(*) from answer a where a.participation_id = p.id
                                   and a.phase = 'AIDED') as aided
                          from participation p join study s on s.id = p.study_id
                         where p.reader_id = :reader and s.status in ('OPEN', 'CLOSED')
                         order by s.status desc, s.created_at desc
                        """)
                .param("reader", readerId)
                .query((rs, row) -> new MyStudy(rs.getLong("id"), rs.getLong("study_id"), rs.getString("name"),
                        rs.getString("description"), rs.getString("status"), rs.getInt("total"),
                        rs.getInt("unaided"), rs.getInt("aided"), rs.getBoolean("ai_assisted_phase"),
                        rs.getTimestamp("unaided_finished_at") != null, rs.getTimestamp("aided_finished_at") != null,
                        rs.getBoolean("feedback"), rs.getTimestamp("started_at") != null, phaseOrder(rs),
                        instant(rs, "second_phase_opens_at")))
                .list();
    }

    public List<AnswerOption> options(long studyId) {
        return jdbc.sql("""
                        select l.diagnosis, d.name_en, d.name_zh
                          from study_label l join diagnosis d on d.code = l.diagnosis
                         where l.study_id = :study order by l.position
                        """)
                .param("study", studyId)
                .query((rs, row) -> new AnswerOption(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public List<Long> caseIds(long caseSetId) {
        return jdbc.sql("select case_id from case_set_member where case_set_id = :set order by case_id")
                .param("set", caseSetId)
                .query(Long.class)
                .list();
    }

    public Set<Long> answeredCaseIds(long participationId, Phase phase) {
        return new HashSet<>(jdbc.sql("select case_id from answer where participation_id = :p and phase = :phase")
                .param("p", participationId)
                .param("phase", phase.name())
                .query(Long.class)
                .list());
    }

    public int answeredCount(long participationId, Phase phase) {
        return jdbc.sql("select count(*) from answer where participation_id = :p and phase = :phase")
                .param("p", participationId)
                .param("phase", phase.name())
                .query(Integer.class)
                .single();
    }

    public Optional<GivenAnswer> answer(long participationId, long caseId, Phase phase) {
        return jdbc.sql("""
                        select diagnosis, confidence from answer
                         where participation_id = :p and case_id = :c and phase = :phase
                        """)
                .param("p", participationId)
                .param("c", caseId)
                .param("phase", phase.name())
                .query((rs, row) -> new GivenAnswer(rs.getString(1), (Integer) rs.getObject(2)))
                .optional();
    }

    /** Clinical fields a study may show: age, sex, body site. */
    public Map<String, Object> clinicalFields(long caseId) {
        return jdbc.sql("select age, sex, body_site from clinical_case where id = :c")
                .param("c", caseId)
                .query((rs, row) -> {
                    Map<String, Object> fields = new HashMap<>();
                    fields.put("age", rs.getObject("age"));
                    fields.put("sex", rs.getString("sex"));
                    fields.put("body_site", rs.getString("body_site"));
                    return fields;
                })
                .single();
    }

    public ImageToRead image(long caseId) {
        return jdbc.sql("""
                        select i.bytes, i.media_type
                          from clinical_case c join case_image i on i.sha256 = c.image_sha256
                         where c.id = :c
                        """)
                .param("c", caseId)
                .query((rs, row) -> new ImageToRead(rs.getBytes(1), rs.getString(2)))
                .single();
    }

    /**
     * Records when a case was first shown in a phase, at {@code at} or now when null; later showings keep the first
     * time.
     */
    public void recordShown(long participationId, long caseId, Phase phase, Instant at) {
        jdbc.sql("""
                        insert into case_presentation (participation_id, case_id, phase, shown_at)
                        values (:p, :c, :phase, coalesce(cast(:at as timestamptz), now())) on conflict do nothing
                        """)
                .param("p", participationId)
                .param("c", caseId)
                .param("phase", phase.name())
                .param("at", timestamp(at))
                .update();
    }

    /**
     * Inserts the answer unless one exists for (participation, case, phase): the unique key makes concurrent or
     * repeated submissions store exactly one. Returns whether this call stored it. Shown at {@code shownAt}, else
     * when the case was first shown, else now; answered at {@code answeredAt}, else now (the given times are those
     * of readings made elsewhere).
     */
    public boolean insertAnswer(long participationId, long caseId, Phase phase, String diagnosis, Integer confidence,
            Instant shownAt, Instant answeredAt) {
        return jdbc.sql("""
                        insert into answer (participation_id, case_id, phase, diagnosis, confidence, shown_at,
                                            answered_at)
                        values (:p, :c, :phase, :diagnosis, :confidence,
                                coalesce(cast(:shown as timestamptz),
                                         (select shown_at from case_presentation
                                           where participation_id = :p and case_id = :c and phase = :phase), now()),
                                coalesce(cast(:answered as timestamptz), now()))
                        on conflict (participation_id, case_id, phase) do nothing
                        """)
                .param("p", participationId)
                .param("c", caseId)
                .param("phase", phase.name())
                .param("diagnosis", diagnosis)
                .param("confidence", confidence)
                .param("shown", timestamp(shownAt))
                .param("answered", timestamp(answeredAt))
                .update() == 1;
    }

    /** Replaces an answer, first copying the current version into {@code answer_revision}. */
    public void reviseAnswer(long participationId, long caseId, Phase phase, String diagnosis, Integer confidence) {
        jdbc.sql("""
                        insert into answer_revision (answer_id, revision, diagnosis, confidence, answered_at)
                        select id, revision, diagnosis, confidence, answered_at from answer
                         where participation_id = :p and case_id = :c and phase = :phase
                        """)
                .param("p", participationId)
                .param("c", caseId)
                .param("phase", phase.name())
                .update();
        jdbc.sql("""
                        update answer set diagnosis = :diagnosis, confidence = :confidence, answered_at = now(),
                               revision = revision + 1
                         where participation_id = :p and case_id = :c and phase = :phase
                        """)
                .param("p", participationId)
                .param("c", caseId)
                .param("phase", phase.name())
                .param("diagnosis", diagnosis)
                .param("confidence", confidence)
                .update();
    }

    /** Locks the participation row so that revisions of one reader's answers are serialised. */
    public void lock(long participationId) {
        jdbc.sql("select id from participation where id = :p for update").param("p", participationId)
                .query(Long.class).single();
    }

    /**
     * Marks the participation started, at {@code at} or now when null, keeping the reader's profile as it is then
     * (results are split by the experience in force when the reader started) and the phase order (with the group
     * and rank it was allocated in, for a randomised order). Returns false when it had already started.
     */
    public boolean markStarted(long participationId, ReaderProfile profile, Instant at, PhaseOrder order,
            ExperienceGroup group, Integer rank) {
        return jdbc.sql("""
                        update participation set started_at = coalesce(cast(:at as timestamptz), now()),
                               years_dermatology = :yd, years_dermoscopy = :yds, board_certified = :bc,
                               title = :title, hospital_level = :hl, phase_order = :order,
                               phase_order_group = :group, phase_order_rank = :rank
                         where id = :p and started_at is null
                        """)
                .param("p", participationId)
                .param("at", timestamp(at))
                .param("yd", profile.yearsDermatology())
                .param("yds", profile.yearsDermoscopy())
                .param("bc", profile.boardCertified())
                .param("title", profile.title().name())
                .param("hl", profile.hospitalLevel().name())
                .param("order", order == null ? null : order.name())
                .param("group", group == null ? null : group.name())
                .param("rank", rank)
                .update() == 1;
    }

    /**
     * Records the reader's arm, drawn when they start in a study with arms, with the experience group and rank it
     * was drawn in; an arm once recorded is never drawn again.
     */
    public void recordArm(long participationId, String arm, ExperienceGroup group, int rank) {
        jdbc.sql("""
                        update participation set arm = :arm, arm_group = :group, arm_rank = :rank
                         where id = :p and arm is null
                        """)
                .param("p", participationId).param("arm", arm).param("group", group.name()).param("rank", rank)
                .update();
    }

    /** The study's arm codes in their order (empty for a study without arms). */
    public List<String> armCodes(long studyId) {
        return jdbc.sql("select code from study_arm where study_id = :s order by position")
                .param("s", studyId).query(String.class).list();
    }

    /** The highest arm rank drawn so far in the study's experience group (0 for none). */
    public int lastArmRank(long studyId, ExperienceGroup group) {
        return jdbc.sql("""
                        select coalesce(max(arm_rank), 0) from participation
                         where study_id = :s and arm_group = :g
                        """)
                .param("s", studyId).param("g", group.name()).query(Integer.class).single();
    }

    /**
     * Serialises the allocation of phase orders within a study (a lock on the study row that, unlike FOR UPDATE,
     * does not hold up inserts that only reference the study).
     */
    public void lockForAllocation(long studyId) {
        jdbc.sql("select id from study where id = :s for no key update").param("s", studyId)
                .query(Long.class).single();
    }

    /** The highest rank allocated so far in the study's experience group (0 for none). */
    public int lastRank(long studyId, ExperienceGroup group) {
        return jdbc.sql("""
                        select coalesce(max(phase_order_rank), 0) from participation
                         where study_id = :s and phase_order_group = :g
                        """)
                .param("s", studyId).param("g", group.name()).query(Integer.class).single();
    }

    /**
     * Marks a phase finished, at {@code at} or now when null; a phase finished stays finished at its first time.
     * When it is the reader's first of two phases, the second opens {@code washoutDays} after that time.
     */
    public void markFinished(long participationId, Phase phase, Instant at, boolean firstOfTwo, int washoutDays) {
        String column = phase == Phase.UNAIDED ? "unaided_finished_at" : "aided_finished_at";
        jdbc.sql("update participation set " + column + " = coalesce(cast(:at as timestamptz), now())"
                        + (firstOfTwo ? ", second_phase_opens_at = coalesce(cast(:at as timestamptz), now())"
                                + " + make_interval(days => :washout)" : "")
                        + " where id = :p and " + column + " is null")
                .param("p", participationId)
                .param("at", timestamp(at))
                .param("washout", washoutDays)
                .update();
    }

    /** A case the reader answered wrongly: for feedback after the last phase, when the study shows them. */
    public record Mistake(Phase phase, long caseId, String answer, String truth) {
    }

    public List<Mistake> mistakes(long participationId) {
        return jdbc.sql("""
                        select a.phase, a.case_id, a.diagnosis, c.diagnosis
                          from answer a join clinical_case c on c.id = a.case_id
                         where a.participation_id = :p and a.diagnosis <> c.diagnosis
                         order by a.phase desc, c.diagnosis, a.case_id
                        """)
                .param("p", participationId)
                .query((rs, row) -> new Mistake(Phase.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** (reader's answer, true diagnosis) per answered case of a phase; only for feedback after finishing. */
    public List<String[]> answersWithTruth(long participationId, Phase phase) {
        return jdbc.sql("""
                        select a.diagnosis, c.diagnosis from answer a join clinical_case c on c.id = a.case_id
                         where a.participation_id = :p and a.phase = :phase
                        """)
                .param("p", participationId)
                .param("phase", phase.name())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
    }

    private static ParticipationRow participationRow(ResultSet rs) throws SQLException {
        return new ParticipationRow(rs.getLong("id"), rs.getLong("study_id"), rs.getLong("reader_id"),
                rs.getLong("order_seed"), instant(rs, "started_at"), instant(rs, "unaided_finished_at"),
                instant(rs, "aided_finished_at"), rs.getString("name"), rs.getString("description"),
                rs.getString("status"), rs.getBoolean("shuffle"), rs.getBoolean("allow_back"),
                "ONE_TO_FIVE".equals(rs.getString("confidence_scale")), rs.getBoolean("feedback"),
                rs.getBoolean("ai_assisted_phase"), rs.getBoolean("show_clinical"), rs.getInt("batch_size"),
                rs.getLong("case_set_id"), phaseOrder(rs), instant(rs, "second_phase_opens_at"),
                rs.getInt("washout_days"), rs.getBoolean("randomise_phase_order"), rs.getLong("phase_order_seed"),
                rs.getBoolean("feedback_cases"), rs.getString("arm"), rs.getLong("arm_seed"));
    }

    private static PhaseOrder phaseOrder(ResultSet rs) throws SQLException {
        String order = rs.getString("phase_order");
        return order == null ? null : PhaseOrder.valueOf(order);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
