package org.dermread.studies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to {@code case_set}, its labels and members. Callers own transactions and security checks. */
@Repository
public class CaseSetRepository {

    private static final String SELECT = """
            select s.id, s.name, s.description, s.sampling_seed, s.sampling_per_class, s.sampling_images_per_lesion,
                   s.locked, s.created_by, a.display_name, s.created_at, s.taxonomy,
                   (select count(*) from case_set_member m where m.case_set_id = s.id) as cases
              from case_set s join account a on a.id = s.created_by
            """;

    private final JdbcClient jdbc;

    public CaseSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(CaseSetDesign design, long createdBy) {
        long id = jdbc.sql("""
                        insert into case_set (name, description, sampling_seed, sampling_per_class,
                                              sampling_images_per_lesion, created_by, taxonomy)
                        values (:name, :description, :seed, :perClass, :perLesion, :by, :taxonomy) returning id
                        """)
                .param("taxonomy", design.taxonomy())
                .param("name", design.name())
                .param("description", design.description())
                .param("seed", design.samplingSeed())
                .param("perClass", design.samplingPerClass())
                .param("perLesion", design.samplingImagesPerLesion())
                .param("by", createdBy)
                .query(Long.class).single();
        writeContent(id, design);
        return id;
    }

    public void update(long id, CaseSetDesign design) {
        jdbc.sql("""
                        update case_set set name = :name, description = :description, sampling_seed = :seed,
                               sampling_per_class = :perClass, sampling_images_per_lesion = :perLesion,
                               taxonomy = :taxonomy
                         where id = :id
                        """)
                .param("taxonomy", design.taxonomy())
                .param("name", design.name())
                .param("description", design.description())
                .param("seed", design.samplingSeed())
                .param("perClass", design.samplingPerClass())
                .param("perLesion", design.samplingImagesPerLesion())
                .param("id", id)
                .update();
        jdbc.sql("delete from case_set_label where case_set_id = :id").param("id", id).update();
        jdbc.sql("delete from case_set_member where case_set_id = :id").param("id", id).update();
        writeContent(id, design);
    }

    private void writeContent(long id, CaseSetDesign design) {
        int position = 1;
        for (String code : design.labels()) {
            jdbc.sql("insert into case_set_label (case_set_id, position, diagnosis) values (:id, :position, :code)")
                    .param("id", id).param("position", position++).param("code", code).update();
        }
        for (Long caseId : design.caseIds()) {
            jdbc.sql("insert into case_set_member (case_set_id, case_id) values (:id, :caseId)")
                    .param("id", id).param("caseId", caseId).update();
        }
    }

    public void lock(long id) {
        jdbc.sql("update case_set set locked = true where id = :id").param("id", id).update();
    }

    public Optional<CaseSet> find(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks the row for the rest of the transaction, so a concurrent change cannot slip past a lock check. */
    public Optional<CaseSet> findForUpdate(long id) {
        jdbc.sql("select id from case_set where id = :id for update").param("id", id).query(Long.class).optional();
        return find(id);
    }

    public List<CaseSet> findAll() {
        return jdbc.sql(SELECT + " order by s.id desc").query(this::map).list();
    }

    public List<String> labels(long id) {
        return jdbc.sql("select diagnosis from case_set_label where case_set_id = :id order by position")
                .param("id", id).query(String.class).list();
    }

    public List<Long> caseIds(long id) {
        return jdbc.sql("select case_id from case_set_member where case_set_id = :id order by case_id")
                .param("id", id).query(Long.class).list();
    }

    /** Cases per ground-truth class among the members, in taxonomy order. */
    public Map<String, Integer> distribution(long id) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.diagnosis, count(*) as n
                          from case_set_member m join clinical_case c on c.id = m.case_id
                          join diagnosis d on d.code = c.diagnosis
                         where m.case_set_id = :id
                         group by c.diagnosis, d.position order by d.position
                        """)
                .param("id", id)
                .query(rs -> {
                    counts.put(rs.getString("diagnosis"), rs.getInt("n"));
                });
        return counts;
    }

    /** Ground-truth class of each given case id that exists; ids not in the library are absent. */
    public Map<Long, String> diagnoses(List<Long> caseIds) {
        Map<Long, String> result = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select id, diagnosis from clinical_case where id in (:ids)").param("ids", caseIds)
                .query(rs -> {
                    result.put(rs.getLong("id"), rs.getString("diagnosis"));
                });
        return result;
    }

    /**
     * Library cases of one class from case sources of a taxonomy (optionally some sources only), ascending by id,
     * each with its lesion: the source and lesion id, or the case itself when it has no lesion id (then it is a
     * lesion of its own).
     */
    public List<LesionCase> libraryCasesByLesion(String diagnosis, Set<Long> sourceIds, String taxonomy) {
        String sql = """
                select id, case when lesion_id is null then 'case:' || id
                                else 'lesion:' || source_id || ':' || lesion_id end as lesion
                  from clinical_case where diagnosis = :code
                   and source_id in (select id from case_source where taxonomy = :taxonomy)"""
                + (sourceIds.isEmpty() ? "" : " and source_id in (:sources)") + " order by id";
        var statement = jdbc.sql(sql).param("code", diagnosis).param("taxonomy", taxonomy);
        if (!sourceIds.isEmpty()) {
            statement = statement.param("sources", List.copyOf(sourceIds));
        }
        return statement.query((rs, row) -> new LesionCase(rs.getLong("id"), rs.getString("lesion"))).list();
    }

    /** A library case and the lesion it shows. */
    public record LesionCase(long caseId, String lesion) {
    }

    /** Lesion ids (with their source) that have more than {@code limit} images among the given cases. */
    public List<String> lesionsAbove(List<Long> caseIds, int limit) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select lesion_id from clinical_case where id in (:ids) and lesion_id is not null
                         group by source_id, lesion_id having count(*) > :limit order by lesion_id
                        """).param("ids", caseIds).param("limit", limit).query(String.class).list();
    }

    private CaseSet map(ResultSet rs, int row) throws SQLException {
        long seed = rs.getLong("sampling_seed");
        Long seedOrNull = rs.wasNull() ? null : seed;
        int perClass = rs.getInt("sampling_per_class");
        Integer perClassOrNull = rs.wasNull() ? null : perClass;
        int perLesion = rs.getInt("sampling_images_per_lesion");
        Integer perLesionOrNull = rs.wasNull() ? null : perLesion;
        long id = rs.getLong("id");
        return new CaseSet(id, rs.getString("name"), rs.getString("description"), labels(id), seedOrNull,
                perClassOrNull, rs.getBoolean("locked"), rs.getLong("created_by"), rs.getString("display_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("cases"), perLesionOrNull,
                rs.getString("taxonomy"));
    }

    /** The case sources whose cases are labelled with codes of a taxonomy. */
    public Set<Long> sourceIdsOf(String taxonomy) {
        return Set.copyOf(jdbc.sql("select id from case_source where taxonomy = :taxonomy")
                .param("taxonomy", taxonomy).query(Long.class).list());
    }

    /** Of the given cases, those whose case source is of another taxonomy, ascending. */
    public List<Long> casesOutsideTaxonomy(List<Long> caseIds, String taxonomy) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id from clinical_case c join case_source s on s.id = c.source_id
                         where c.id in (:ids) and s.taxonomy <> :taxonomy order by c.id""")
                .param("ids", caseIds).param("taxonomy", taxonomy).query(Long.class).list();
    }
}
