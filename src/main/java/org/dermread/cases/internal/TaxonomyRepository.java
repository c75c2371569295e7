package org.dermread.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.DiagnosisGroup;
import org.dermread.cases.TaxonomySummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The taxonomies and the one registry of diagnosis codes. */
@Repository
public class TaxonomyRepository {

    private final JdbcClient jdbc;

    public TaxonomyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TaxonomySummary> taxonomies() {
        return jdbc.sql("""
                select t.code, t.version, t.name_en, t.name_zh, t.reference, t.created_by is null as seeded,
                       (select count(*) from taxonomy_diagnosis m where m.taxonomy = t.code) as size
                  from taxonomy t
                 order by t.code <> 'zhu2021', t.created_by is not null, t.created_at, t.code""")
                .query(TaxonomyRepository::summary).list();
    }

    public Optional<TaxonomySummary> taxonomy(String code) {
        return jdbc.sql("""
                select t.code, t.version, t.name_en, t.name_zh, t.reference, t.created_by is null as seeded,
                       (select count(*) from taxonomy_diagnosis m where m.taxonomy = t.code) as size
                  from taxonomy t where t.code = :code""")
                .param("code", code).query(TaxonomyRepository::summary).optional();
    }

    public List<Diagnosis> diagnoses(String taxonomy) {
        return jdbc.sql("""
                select d.code, m.position, d.name_en, d.name_zh, m.grp, m.parent
                  from taxonomy_diagnosis m join diagnosis d on d.code = m.diagnosis
                 where m.taxonomy = :taxonomy order by m.position""")
                .param("taxonomy", taxonomy).query(TaxonomyRepository::diagnosis).list();
    }

    /** Every code of the registry, with its names (position = the registry's own order; no group). */
    public List<Diagnosis> registry() {
        return jdbc.sql("select code, position, name_en, name_zh, null as grp, null as parent from diagnosis"
                + " order by position").query(TaxonomyRepository::diagnosis).list();
    }

    public boolean nameVersionTaken(String nameEn, String version) {
        return jdbc.sql("select count(*) from taxonomy where lower(name_en) = lower(:name) and version = :version")
                .param("name", nameEn).param("version", version).query(Integer.class).single() > 0;
    }

    public void insertTaxonomy(String code, String version, String nameEn, String nameZh, String reference,
            long createdBy) {
        jdbc.sql("""
                insert into taxonomy (code, version, name_en, name_zh, reference, created_by)
                values (:code, :version, :en, :zh, :reference, :by)""")
                .param("code", code).param("version", version).param("en", nameEn).param("zh", nameZh)
                .param("reference", reference).param("by", createdBy).update();
    }

    /** Adds a code to the registry at the end of the registry's order. */
    public void insertRegistryCode(String code, String nameEn, String nameZh) {
        jdbc.sql("""
                insert into diagnosis (code, position, name_en, name_zh)
                values (:code, (select coalesce(max(position), 0) + 1 from diagnosis), :en, :zh)""")
                .param("code", code).param("en", nameEn).param("zh", nameZh).update();
    }

    /** Appends a registry code to a taxonomy; returns its position. */
    public int appendToTaxonomy(String taxonomy, String code, DiagnosisGroup group, String parent) {
        return jdbc.sql("""
                insert into taxonomy_diagnosis (taxonomy, diagnosis, position, grp, parent)
                values (:taxonomy, :code,
                        (select coalesce(max(position), 0) + 1 from taxonomy_diagnosis where taxonomy = :taxonomy),
                        :grp, :parent)
                returning position""")
                .param("taxonomy", taxonomy).param("code", code).param("grp", group == null ? null : group.code())
                .param("parent", parent).query(Integer.class).single();
    }

    /** Serialises changes to one taxonomy (positions are max + 1). */
    public void lockTaxonomy(String taxonomy) {
        jdbc.sql("select code from taxonomy where code = :code for update").param("code", taxonomy)
                .query(String.class).optional();
    }

    /**
     * Where a code is used: one line per kind of use ("cases: 12"), empty when it is used nowhere (cases, case set
     * labels, study labels, answers and their revisions, model classes, saliency maps, other taxonomies' parents).
     */
    public List<String> uses(String code) {
        return jdbc.sql("""
                select 'cases' as what, count(*) as n from clinical_case where diagnosis = :code
                union all select 'case set labels', count(*) from case_set_label where diagnosis = :code
                union all select 'study labels', count(*) from study_label where diagnosis = :code
                union all select 'answers', count(*) from answer where diagnosis = :code
                union all select 'answer revisions', count(*) from answer_revision where diagnosis = :code
                union all select 'model classes', count(*) from inference_model where :code = any(classes)
                union all select 'saliency maps', count(*) from case_saliency where class_code = :code
                union all select 'parent in a taxonomy', count(*) from taxonomy_diagnosis where parent = :code""")
                .param("code", code)
                .query((rs, row) -> rs.getLong("n") == 0 ? null : rs.getString("what") + ": " + rs.getLong("n"))
                .list().stream().filter(line -> line != null).toList();
    }

    public int taxonomiesHolding(String code) {
        return jdbc.sql("select count(*) from taxonomy_diagnosis where diagnosis = :code").param("code", code)
                .query(Integer.class).single();
    }

    /** Removes a code from a taxonomy and closes the gap in the taxonomy's order. */
    public void removeFromTaxonomy(String taxonomy, String code) {
        int position = jdbc.sql("delete from taxonomy_diagnosis where taxonomy = :taxonomy and diagnosis = :code"
                        + " returning position")
                .param("taxonomy", taxonomy).param("code", code).query(Integer.class).single();
        // Two steps through a free range, because (taxonomy, position) is unique and not deferrable.
        jdbc.sql("""
                update taxonomy_diagnosis set position = position + 1000000
                 where taxonomy = :taxonomy and position > :position""")
                .param("taxonomy", taxonomy).param("position", position).update();
        jdbc.sql("""
                update taxonomy_diagnosis set position = position - 1000001
                 where taxonomy = :taxonomy and position > 1000000""")
                .param("taxonomy", taxonomy).update();
    }

    public void deleteRegistryCode(String code) {
        jdbc.sql("delete from diagnosis where code = :code").param("code", code).update();
    }

    private static TaxonomySummary summary(ResultSet rs, int row) throws SQLException {
        return new TaxonomySummary(rs.getString("code"), rs.getString("version"), rs.getString("name_en"),
                rs.getString("name_zh"), rs.getString("reference"), rs.getBoolean("seeded"), rs.getInt("size"));
    }

    private static Diagnosis diagnosis(ResultSet rs, int row) throws SQLException {
        return new Diagnosis(rs.getString("code"), rs.getInt("position"), rs.getString("name_en"),
                rs.getString("name_zh"), DiagnosisGroup.fromCode(rs.getString("grp")).orElse(null),
                rs.getString("parent"));
    }
}
