package org.dermread.inference.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What inference reads about studies, cases, coordinators and readers (tables owned by other features). */
@Repository
public class StudyCasesRepository {

    /** A study as inference sees it. */
    public record StudyRow(long id, String name, String status, boolean aiAssistedPhase, String modelSha256,
            int caseCount) {
    }

    private static final String STUDY = """
            select s.id, s.name, s.status, s.ai_assisted_phase, s.model_sha256,
                   (select count(*) from case_set_member m where m.case_set_id = s.case_set_id) as case_count
            from study s
            """;

    private final JdbcClient jdbc;

    public StudyCasesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }


    public Optional<StudyRow> study(long studyId) {
        return jdbc.sql(STUDY + " where s.id = :id").param("id", studyId).query(StudyRow.class).optional();
    }

    public List<StudyRow> allStudies() {
        return jdbc.sql(STUDY + " order by s.created_at desc, s.id desc").query(StudyRow.class).list();
    }

    public List<StudyRow> studiesCoordinatedBy(long accountId) {
        return jdbc.sql(STUDY + """
                 where exists (select 1 from study_coordinator c where c.study_id = s.id and c.account_id = :a)
                 order by s.created_at desc, s.id desc
                """).param("a", accountId).query(StudyRow.class).list();
    }

    /** The study's label set in display order. */
    public List<String> labels(long studyId) {
        return jdbc.sql("select diagnosis from study_label where study_id = :id order by position")
                .param("id", studyId).query(String.class).list();
    }

    /** The study's cases (its case set's members), by case id. */
    public List<Long> caseIds(long studyId) {
        return jdbc.sql("""
                select m.case_id from study s join case_set_member m on m.case_set_id = s.case_set_id
                where s.id = :id order by m.case_id
                """).param("id", studyId).query(Long.class).list();
    }

    public boolean caseInStudy(long studyId, long caseId) {
        return jdbc.sql("""
                select exists (select 1 from study s join case_set_member m on m.case_set_id = s.case_set_id
                               where s.id = :s and m.case_id = :c)
                """).param("s", studyId).param("c", caseId).query(Boolean.class).single();
    }

    /**
     * A study's reference library for the "similar cases" form of help, as a condition on {@code c}
     * ({@code clinical_case}) with the study as {@code :s}: cases of the sources of the study's cases, with a
     * diagnosis of its label set, outside its case set and outside every lesion of its case set (another image of a
     * study case's lesion would tell its ground truth).
     */
    public static final String REFERENCE_CASE = """
            c.source_id in (select k.source_id from study s join case_set_member m on m.case_set_id = s.case_set_id
                            join clinical_case k on k.id = m.case_id where s.id = :s)
            and c.diagnosis in (select l.diagnosis from study_label l where l.study_id = :s)
            and not exists (select 1 from study s join case_set_member m on m.case_set_id = s.case_set_id
                            where s.id = :s and m.case_id = c.id)
            and not (c.lesion_id is not null and exists (
                     select 1 from study s join case_set_member m on m.case_set_id = s.case_set_id
                     join clinical_case k on k.id = m.case_id
                     where s.id = :s and k.source_id = c.source_id and k.lesion_id = c.lesion_id))
            """;

    /** Whether the study has an arm that shows similar cases (then its model run embeds the reference library). */
    public boolean showsSimilarCases(long studyId) {
        return jdbc.sql("select exists (select 1 from study_arm where study_id = :s and similar_cases)")
                .param("s", studyId).query(Boolean.class).single();
    }

    /** The study's reference cases that have no stored prediction of the model yet, by case id. */
    public List<Long> referenceCasesWithoutPrediction(long studyId, String modelSha256) {
        return jdbc.sql("select c.id from clinical_case c where " + REFERENCE_CASE + """
                 and not exists (select 1 from case_prediction p where p.model_sha256 = :m and p.case_id = c.id)
                 order by c.id
                """).param("s", studyId).param("m", modelSha256).query(Long.class).list();
    }

    public boolean isReferenceCase(long studyId, long caseId) {
        return jdbc.sql("select exists (select 1 from clinical_case c where c.id = :c and " + REFERENCE_CASE + ")")
                .param("s", studyId).param("c", caseId).query(Boolean.class).single();
    }

    /** The taxonomy of the study's case set (its labels' groups give the malignancy score). */
    public String taxonomy(long studyId) {
        return jdbc.sql("select cs.taxonomy from study s join case_set cs on cs.id = s.case_set_id where s.id = :s")
                .param("s", studyId).query(String.class).single();
    }

    /** A case's lesion (null when unknown). */
    public Optional<String> lesionOf(long caseId) {
        return jdbc.sql("select lesion_id from clinical_case where id = :c").param("c", caseId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).single();
    }

    /** The case's image bytes, as imported. */
    public Optional<byte[]> imageBytes(long caseId) {
        return jdbc.sql("""
                select i.bytes from clinical_case c join case_image i on i.sha256 = c.image_sha256 where c.id = :id
                """).param("id", caseId).query(byte[].class).optional();
    }

    /** External id and ground truth of the study's cases, for the coordinator's table. */
    public record CaseRow(long id, String externalId, String diagnosis) {
    }

    public List<CaseRow> cases(long studyId) {
        return jdbc.sql("""
                select c.id, c.external_id, c.diagnosis from study s
                join case_set_member m on m.case_set_id = s.case_set_id join clinical_case c on c.id = m.case_id
                where s.id = :id order by c.external_id, c.id
                """).param("id", studyId).query(CaseRow.class).list();
    }
}
