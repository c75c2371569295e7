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
