package org.dermread.cases;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.common.AnyCaller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The diagnostic taxonomy, read once from the seeded {@code diagnosis} table (reference data, not secret: every
 * role may read it).
 */
@Service
@AnyCaller("reference data, the same for every role, also read before anyone signs in")
public class Taxonomy {

    /** The seeded default: the 14 classes of Zhu et al., Front. Med. 2021 (doi 10.3389/fmed.2021.626369). */
    public static final String DEFAULT_TAXONOMY = "zhu2021";

    private final JdbcClient jdbc;
    private volatile List<Diagnosis> all;

    public Taxonomy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every class of the default taxonomy, in the paper's order. */
    public List<Diagnosis> all() {
        List<Diagnosis> result = all;
        if (result == null) {
            result = jdbc.sql("""
                            select d.code, m.position, d.name_en, d.name_zh
                              from taxonomy_diagnosis m join diagnosis d on d.code = m.diagnosis
                             where m.taxonomy = :taxonomy order by m.position""")
                    .param("taxonomy", DEFAULT_TAXONOMY)
                    .query((rs, row) -> new Diagnosis(rs.getString("code"), rs.getInt("position"),
                            rs.getString("name_en"), rs.getString("name_zh")))
                    .list();
            all = List.copyOf(result);
        }
        return result;
    }

    public Map<String, Diagnosis> byCode() {
        return all().stream().collect(Collectors.toMap(Diagnosis::code, Function.identity()));
    }

    public Optional<Diagnosis> find(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    /**
     * The diagnosis codes of any taxonomy by its code (for validating an import against the taxonomy its set names),
     * or empty when no such taxonomy exists. Read on each call: imports are rare and taxonomies may grow.
     */
    public Optional<Set<String>> codesOf(String taxonomyCode) {
        boolean exists = jdbc.sql("select count(*) from taxonomy where code = :taxonomy")
                .param("taxonomy", taxonomyCode).query(Long.class).single() > 0;
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(jdbc.sql("select diagnosis from taxonomy_diagnosis where taxonomy = :taxonomy")
                .param("taxonomy", taxonomyCode).query(String.class).list()));
    }

    /** The given codes sorted by the taxonomy's order; unknown codes are refused. */
    public List<String> inTaxonomyOrder(Collection<String> codes) {
        Map<String, Diagnosis> known = byCode();
        for (String code : codes) {
            if (!known.containsKey(code)) {
                throw new CaseLibraryException("diagnosis.error.unknown", code);
            }
        }
        return codes.stream().distinct().sorted(Comparator.comparingInt(code -> known.get(code).position()))
                .toList();
    }
}
