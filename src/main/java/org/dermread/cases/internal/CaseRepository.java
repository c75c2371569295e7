package org.dermread.cases.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dermread.cases.CaseFilter;
import org.dermread.cases.CaseImage;
import org.dermread.cases.CaseSource;
import org.dermread.cases.ImportFailedException;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProblems;
import org.dermread.cases.LibraryCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to the case library tables. Callers own transactions and security checks. */
@Repository
public class CaseRepository {

    private static final String SELECT_CASE = """
            select c.id, c.source_id, s.name as source_name, s.synthetic, c.external_id, c.image_sha256,
                   i.media_type, i.width, i.height, c.diagnosis, c.age, c.sex, c.body_site, c.confirmation
              from clinical_case c
              join case_source s on s.id = c.source_id
              join case_image i on i.sha256 = c.image_sha256
            """;

    /** The first key of the import advisory locks (an arbitrary constant that no other lock uses). */
    private static final int IMPORT_LOCK_CLASS = 1207;

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the import lock of one person for the current transaction; false when another import of theirs holds it
     * (on any instance sharing the database). Released when the transaction ends.
     */
    public boolean tryLockImportsOf(String username) {
        return jdbc.sql("select pg_try_advisory_xact_lock(" + IMPORT_LOCK_CLASS + ", hashtext(:user))")
                .param("user", username).query(Boolean.class).single();
    }

    public Optional<Long> sourceWithContent(String contentSha256) {
        return jdbc.sql("select id from case_source where content_sha256 = :sha")
                .param("sha", contentSha256).query(Long.class).optional();
    }

    /** Stores a validated set: its source row, images not yet stored, and one case per row. */
    public long insert(ValidatedSet set, Long importedBy) {
        long sourceId = jdbc.sql("""
                        insert into case_source (name, source, description, synthetic, content_sha256, imported_by,
                                                 taxonomy)
                        values (:name, :source, :description, :synthetic, :sha, :by, :taxonomy) returning id
                        """)
                .param("name", set.name())
                .param("source", set.source())
                .param("description", set.description())
                .param("synthetic", set.synthetic())
                .param("sha", set.contentSha256())
                .param("by", importedBy)
                .param("taxonomy", set.taxonomy())
                .query(Long.class).single();
        for (ValidatedSet.ValidatedCase c : set.cases()) {
            byte[] bytes = imageAsValidated(c);
            jdbc.sql("""
                            insert into case_image (sha256, media_type, width, height, size_bytes, bytes)
                            values (:sha, :type, :width, :height, :size, :bytes) on conflict (sha256) do nothing
                            """)
                    .param("sha", c.imageSha256())
                    .param("type", c.mediaType())
                    .param("width", c.width())
                    .param("height", c.height())
                    .param("size", bytes.length)
                    .param("bytes", bytes)
                    .update();
            jdbc.sql("""
                            insert into clinical_case (source_id, external_id, image_sha256, diagnosis, age, sex,
                                                       body_site, confirmation, lesion_id)
                            values (:source, :external, :sha, :diagnosis, :age, :sex, :site, :confirmation, :lesion)
                            """)
                    .param("source", sourceId)
                    .param("external", c.externalId())
                    .param("sha", c.imageSha256())
                    .param("diagnosis", c.diagnosis())
                    .param("age", c.age())
                    .param("sex", c.sex())
                    .param("site", c.bodySite())
                    .param("confirmation", c.confirmation())
                    .param("lesion", c.lesionId())
                    .update();
        }
        return sourceId;
    }

    public List<CaseSource> sources() {
        return jdbc.sql("""
                        select s.id, s.name, s.source, s.description, s.synthetic, s.content_sha256, s.imported_at,
                               (select count(*) from clinical_case c where c.source_id = s.id) as cases
                          from case_source s order by s.id
                        """)
                .query((rs, row) -> new CaseSource(rs.getLong("id"), rs.getString("name"), rs.getString("source"),
                        rs.getString("description"), rs.getBoolean("synthetic"), rs.getString("content_sha256"),
                        rs.getTimestamp("imported_at").toInstant(), rs.getInt("cases")))
                .list();
    }

    public List<LibraryCase> cases(CaseFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT_CASE).append(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        where(filter, sql, params);
        sql.append(" order by c.id");
        return jdbc.sql(sql.toString()).params(params).query(CaseRepository::map).list();
    }

    public List<LibraryCase> cases(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_CASE + " where c.id in (:ids) order by c.id").param("ids", ids)
                .query(CaseRepository::map).list();
    }

    public Optional<LibraryCase> find(long caseId) {
        return jdbc.sql(SELECT_CASE + " where c.id = :id").param("id", caseId).query(CaseRepository::map).optional();
    }

    /** Number of cases per diagnosis code among those the filter selects. */
    public Map<String, Integer> countsPerClass(CaseFilter filter) {
        return perClass("count(*)", filter);
    }

    /** Number of lesions per diagnosis code (a case without a lesion id is a lesion of its own). */
    public Map<String, Integer> lesionsPerClass(CaseFilter filter) {
        return perClass("count(distinct coalesce(c.lesion_id, 'case ' || c.id))", filter);
    }

    private Map<String, Integer> perClass(String count, CaseFilter filter) {
        StringBuilder sql = new StringBuilder("select c.diagnosis, " + count
                + " as n from clinical_case c join diagnosis d on d.code = c.diagnosis where true");
        Map<String, Object> params = new LinkedHashMap<>();
        where(filter, sql, params);
        sql.append(" group by c.diagnosis, d.position order by d.position");
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            counts.put(rs.getString("diagnosis"), rs.getInt("n"));
        });
        return counts;
    }

    public Optional<CaseImage> image(String sha256) {
        return jdbc.sql("select sha256, media_type, bytes from case_image where sha256 = :sha")
                .param("sha", sha256)
                .query((rs, row) -> new CaseImage(rs.getString("sha256"), rs.getString("media_type"),
                        rs.getBytes("bytes")))
                .optional();
    }

    /** The image's bytes, read again one at a time; refused when they are no longer those validated. */
    private static byte[] imageAsValidated(ValidatedSet.ValidatedCase c) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(c.file());
        } catch (IOException e) {
            throw changed(c);
        }
        if (!StudySetValidator.sha256(bytes).equals(c.imageSha256())) {
            throw changed(c);
        }
        return bytes;
    }

    private static ImportFailedException changed(ValidatedSet.ValidatedCase c) {
        ImportProblems problems = new ImportProblems();
        problems.add(ImportProblem.of("", 0, "cases.problem.changed-during-import", c.externalId()));
        return new ImportFailedException(problems);
    }

    private static void where(CaseFilter filter, StringBuilder sql, Map<String, Object> params) {
        if (!filter.diagnoses().isEmpty()) {
            sql.append(" and c.diagnosis in (:diagnoses)");
            params.put("diagnoses", new ArrayList<>(filter.diagnoses()));
        }
        if (!filter.sourceIds().isEmpty()) {
            sql.append(" and c.source_id in (:sources)");
            params.put("sources", new ArrayList<>(filter.sourceIds()));
        }
    }

    private static LibraryCase map(ResultSet rs, int row) throws SQLException {
        int age = rs.getInt("age");
        Integer ageOrNull = rs.wasNull() ? null : age;
        return new LibraryCase(rs.getLong("id"), rs.getLong("source_id"), rs.getString("source_name"),
                rs.getBoolean("synthetic"), rs.getString("external_id"), rs.getString("image_sha256").trim(),
                rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"), rs.getString("diagnosis"),
                ageOrNull, rs.getString("sex"), rs.getString("body_site"), rs.getString("confirmation"));
    }
}
