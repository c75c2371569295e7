package org.dermread.studies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dermread.accounts.AccountId;
import org.dermread.studies.ConfidenceScale;
import org.dermread.studies.ExperienceGroup;
import org.dermread.studies.Participant;
import org.dermread.studies.PhaseOrder;
import org.dermread.studies.Study;
import org.dermread.studies.StudyArm;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyOptions;
import org.dermread.studies.StudyStatus;
import org.dermread.studies.StudySummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to studies, their labels, coordinators and participations. */
@Repository
public class StudyRepository {

    private static final String SELECT = """
            select id, name, description, case_set_id, status, shuffle, allow_back, confidence_scale, feedback,
                   ai_assisted_phase, show_clinical, batch_size, model_sha256, washout_days, randomise_phase_order,
                   feedback_cases
              from study
            """;

    private final JdbcClient jdbc;

    public StudyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a draft; {@code phaseOrderSeed} draws the readers' phase orders if the study randomises them,
     * {@code armSeed} their arms if it has arms.
     */
    public long insert(StudyForm form, long createdBy, long phaseOrderSeed, long armSeed) {
        long id = jdbc.sql("""
                        insert into study (name, description, case_set_id, shuffle, allow_back, confidence_scale,
                                           feedback, ai_assisted_phase, show_clinical, batch_size, created_by,
                                           washout_days, randomise_phase_order, feedback_cases, phase_order_seed,
                                           arm_seed)
                        values (:name, :description, :caseSet, :shuffle, :back, :confidence, :feedback, :ai,
                                :clinical, :batch, :by, :washout, :randomise, :feedbackCases, :phaseSeed, :armSeed)
                        returning id
                        """)
                .params(formParameters(form))
                .param("by", createdBy)
                .param("phaseSeed", phaseOrderSeed)
                .param("armSeed", armSeed)
                .query(Long.class).single();
        writeLabels(id, form.labels());
        writeArms(id, form.arms());
        addCoordinator(id, createdBy);
        return id;
    }

    public void update(long id, StudyForm form) {
        jdbc.sql("""
                        update study set name = :name, description = :description, case_set_id = :caseSet,
                               shuffle = :shuffle, allow_back = :back, confidence_scale = :confidence,
                               feedback = :feedback, ai_assisted_phase = :ai, show_clinical = :clinical,
                               batch_size = :batch, washout_days = :washout, randomise_phase_order = :randomise,
                               feedback_cases = :feedbackCases
                         where id = :id
                        """)
                .params(formParameters(form))
                .param("id", id)
                .update();
        jdbc.sql("delete from study_label where study_id = :id").param("id", id).update();
        writeLabels(id, form.labels());
        jdbc.sql("delete from study_arm where study_id = :id").param("id", id).update();
        writeArms(id, form.arms());
    }

    private void writeArms(long id, List<StudyArm> arms) {
        int position = 1;
        for (StudyArm arm : arms) {
            jdbc.sql("""
                            insert into study_arm (study_id, code, position, name, top1, probabilities, malignancy,
                                                   similar_cases, similar_k, saliency)
                            values (:id, :code, :position, :name, :top1, :probabilities, :malignancy, :similar,
                                    :k, :saliency)
                            """)
                    .param("id", id).param("code", arm.code()).param("position", position++)
                    .param("name", arm.name()).param("top1", arm.top1()).param("probabilities", arm.probabilities())
                    .param("malignancy", arm.malignancy()).param("similar", arm.similarCases())
                    .param("k", arm.similarK()).param("saliency", arm.saliency())
                    .update();
        }
    }

    /** The study's arms in their order (empty for a study without arms). */
    public List<StudyArm> arms(long studyId) {
        return jdbc.sql("""
                        select code, name, top1, probabilities, malignancy, similar_cases, similar_k, saliency
                          from study_arm where study_id = :id order by position
                        """)
                .param("id", studyId)
                .query((rs, row) -> new StudyArm(rs.getString("code"), rs.getString("name"), rs.getBoolean("top1"),
                        rs.getBoolean("probabilities"), rs.getBoolean("malignancy"), rs.getBoolean("similar_cases"),
                        (Integer) rs.getObject("similar_k"), rs.getBoolean("saliency")))
                .list();
    }

    /** The form's columns by the parameter names that insert and update share (null values allowed). */
    private static Map<String, Object> formParameters(StudyForm form) {
        StudyOptions o = form.options();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", form.name());
        parameters.put("description", form.description());
        parameters.put("caseSet", form.caseSetId());
        parameters.put("shuffle", o.shuffle());
        parameters.put("back", o.allowBack());
        parameters.put("confidence", o.confidence().name());
        parameters.put("feedback", o.feedback());
        parameters.put("ai", o.aiAssisted());
        parameters.put("clinical", o.showClinical());
        parameters.put("batch", o.batchSize());
        parameters.put("washout", o.washoutDays());
        parameters.put("randomise", o.randomisePhaseOrder());
        parameters.put("feedbackCases", o.feedbackCases());
        return parameters;
    }

    private void writeLabels(long id, List<String> labels) {
        int position = 1;
        for (String code : labels) {
            jdbc.sql("insert into study_label (study_id, position, diagnosis) values (:id, :position, :code)")
                    .param("id", id).param("position", position++).param("code", code).update();
        }
    }

    public void addCoordinator(long studyId, long accountId) {
        jdbc.sql("""
                        insert into study_coordinator (study_id, account_id) values (:study, :account)
                        on conflict do nothing
                        """)
                .param("study", studyId).param("account", accountId).update();
    }

    public boolean isCoordinator(long studyId, long accountId) {
        return jdbc.sql("""
                        select exists (select 1 from study_coordinator
                                        where study_id = :study and account_id = :account)
                        """)
                .param("study", studyId).param("account", accountId).query(Boolean.class).single();
    }

    /** Whether the account coordinates any study whose case set contains the case. */
    public boolean coordinatesStudyWithCase(long accountId, long caseId) {
        return jdbc.sql("""
                        select exists (select 1 from study_coordinator c join study s on s.id = c.study_id
                                       join case_set_member m on m.case_set_id = s.case_set_id
                                        where c.account_id = :account and m.case_id = :case)
                        """)
                .param("account", accountId).param("case", caseId).query(Boolean.class).single();
    }

    public boolean isParticipant(long studyId, long accountId) {
        return jdbc.sql("select exists (select 1 from participation where study_id = :study and reader_id = :account)")
                .param("study", studyId).param("account", accountId).query(Boolean.class).single();
    }

    /** Whether the reader takes part in any study that the coordinator coordinates. */
    public boolean coordinatesParticipant(long coordinatorId, long readerId) {
        return jdbc.sql("""
                        select exists (select 1 from participation p
                                       join study_coordinator c on c.study_id = p.study_id
                                        where c.account_id = :coordinator and p.reader_id = :reader)
                        """)
                .param("coordinator", coordinatorId).param("reader", readerId).query(Boolean.class).single();
    }

    public void setStatus(long id, StudyStatus status) {
        String stamp = switch (status) {
            case OPEN -> ", opened_at = now()";
            case CLOSED -> ", closed_at = now()";
            case DRAFT -> "";
        };
        jdbc.sql("update study set status = :status" + stamp + " where id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    public Optional<Study> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Study> findForUpdate(long id) {
        jdbc.sql("select id from study where id = :id for update").param("id", id).query(Long.class).optional();
        return find(id);
    }

    public List<String> labels(long id) {
        return jdbc.sql("select diagnosis from study_label where study_id = :id order by position")
                .param("id", id).query(String.class).list();
    }

    /** Studies, all of them or those the account coordinates, newest first. */
    public List<StudySummary> summaries(Long coordinatorId) {
        String sql = """
                select s.id, s.name, s.status, s.case_set_id, cs.name as case_set_name, s.created_at,
                       (select count(*) from case_set_member m where m.case_set_id = s.case_set_id) as cases,
                       (select count(*) from participation p where p.study_id = s.id) as readers
                  from study s join case_set cs on cs.id = s.case_set_id
                """ + (coordinatorId == null ? "" : """
                 where exists (select 1 from study_coordinator c where c.study_id = s.id and c.account_id = :me)
                """) + " order by s.id desc";
        var statement = jdbc.sql(sql);
        if (coordinatorId != null) {
            statement = statement.param("me", coordinatorId);
        }
        return statement.query((rs, row) -> new StudySummary(rs.getLong("id"), rs.getString("name"),
                StudyStatus.valueOf(rs.getString("status")), rs.getLong("case_set_id"), rs.getString("case_set_name"),
                rs.getInt("cases"), rs.getInt("readers"), rs.getTimestamp("created_at").toInstant())).list();
    }

    public boolean anyStudyOpenedWith(long caseSetId) {
        return jdbc.sql("select exists (select 1 from study where case_set_id = :id and status <> 'DRAFT')")
                .param("id", caseSetId).query(Boolean.class).single();
    }

    /** Adds a participation unless the reader already has one; true when added. */
    public boolean addParticipation(long studyId, long readerId, long orderSeed) {
        return jdbc.sql("""
                        insert into participation (study_id, reader_id, order_seed) values (:study, :reader, :seed)
                        on conflict (study_id, reader_id) do nothing
                        """)
                .param("study", studyId).param("reader", readerId).param("seed", orderSeed).update() == 1;
    }

    public int removeUnstartedParticipation(long studyId, long participationId) {
        return jdbc.sql("""
                        delete from participation p where p.id = :id and p.study_id = :study and p.started_at is null
                           and not exists (select 1 from case_presentation c where c.participation_id = p.id)
                           and not exists (select 1 from answer a where a.participation_id = p.id)
                        """)
                .param("id", participationId).param("study", studyId).update();
    }

    public List<Participant> participants(long studyId) {
        return jdbc.sql("""
                        select p.id, p.reader_id, a.username, a.display_name, p.order_seed, p.invited_at,
                               p.started_at, p.phase_order, p.second_phase_opens_at, p.arm, p.arm_group,
                               p.arm_rank
                          from participation p join account a on a.id = p.reader_id
                         where p.study_id = :study order by lower(a.username)
                        """)
                .param("study", studyId)
                .query((rs, row) -> new Participant(rs.getLong("id"), new AccountId(rs.getLong("reader_id")),
                        rs.getString("username"), rs.getString("display_name"), rs.getLong("order_seed"),
                        rs.getTimestamp("invited_at").toInstant(), instant(rs, "started_at"),
                        rs.getString("phase_order") == null ? null : PhaseOrder.valueOf(rs.getString("phase_order")),
                        instant(rs, "second_phase_opens_at"), rs.getString("arm"),
                        rs.getString("arm_group") == null ? null : ExperienceGroup.valueOf(rs.getString("arm_group")),
                        (Integer) rs.getObject("arm_rank")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Study map(ResultSet rs, int row) throws SQLException {
        int batch = rs.getInt("batch_size");
        Integer batchOrNull = rs.wasNull() ? null : batch;
        long id = rs.getLong("id");
        StudyOptions options = new StudyOptions(rs.getBoolean("shuffle"), rs.getBoolean("allow_back"),
                ConfidenceScale.valueOf(rs.getString("confidence_scale")), rs.getBoolean("feedback"),
                rs.getBoolean("ai_assisted_phase"), rs.getBoolean("show_clinical"), batchOrNull,
                rs.getInt("washout_days"), rs.getBoolean("randomise_phase_order"), rs.getBoolean("feedback_cases"));
        String model = rs.getString("model_sha256");
        return new Study(id, rs.getString("name"), rs.getString("description"),
                StudyStatus.valueOf(rs.getString("status")), options, labels(id), rs.getLong("case_set_id"),
                model == null ? null : model.trim(), arms(id));
    }
}
