package org.dermread.inference.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dermread.inference.ModelManifest;
import org.dermread.inference.RegisteredModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The model registry's table. */
@Repository
public class ModelRepository {

    private static final String SELECT = """
            select m.sha256, m.name, m.version, m.architecture, m.taxonomy, m.classes, m.embedding_dim, m.size_bytes,
                   m.manifest::text as manifest, a.username, m.registered_at
            from inference_model m left join account a on a.id = m.registered_by
            """;

    private final JdbcClient jdbc;

    public ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The diagnosis codes of a taxonomy, empty when there is no such taxonomy. */
    public Optional<Set<String>> taxonomyCodes(String taxonomy) {
        boolean exists = jdbc.sql("select count(*) from taxonomy where code = :taxonomy").param("taxonomy", taxonomy)
                .query(Integer.class).single() > 0;
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(new LinkedHashSet<>(jdbc.sql(
                        "select diagnosis from taxonomy_diagnosis where taxonomy = :taxonomy order by position")
                .param("taxonomy", taxonomy).query(String.class).list()));
    }

    public Optional<RegisteredModel> find(String sha256) {
        return jdbc.sql(SELECT + " where m.sha256 = :sha").param("sha", sha256).query(ModelRepository::map).optional();
    }

    public Optional<RegisteredModel> findByNameAndVersion(String name, String version) {
        return jdbc.sql(SELECT + " where m.name = :name and m.version = :version")
                .param("name", name).param("version", version).query(ModelRepository::map).optional();
    }

    public List<RegisteredModel> list() {
        return jdbc.sql(SELECT + " order by m.registered_at desc, m.name").query(ModelRepository::map).list();
    }

    /** Inserts a model; returns false when a model with this SHA-256 was already there. */
    public boolean insert(String sha256, ModelManifest manifest, long sizeBytes, Long registeredBy) {
        return jdbc.sql("""
                insert into inference_model (sha256, name, version, architecture, taxonomy, classes, embedding_dim,
                                             size_bytes, manifest, registered_by)
                values (:sha, :name, :version, :architecture, :taxonomy, :classes, :dim, :size,
                        cast(:manifest as jsonb), :by)
                on conflict (sha256) do nothing
                """)
                .param("sha", sha256).param("name", manifest.name()).param("version", manifest.version())
                .param("architecture", manifest.architecture()).param("taxonomy", manifest.taxonomy())
                .param("classes", manifest.classes().toArray(String[]::new))
                .param("dim", manifest.embeddingDim()).param("size", sizeBytes)
                .param("manifest", manifest.json()).param("by", registeredBy)
                .update() == 1;
    }

    static RegisteredModel map(ResultSet rs, int row) throws SQLException {
        return new RegisteredModel(rs.getString("sha256"), rs.getString("name"), rs.getString("version"),
                rs.getString("architecture"), rs.getString("taxonomy"), strings(rs.getArray("classes")),
                rs.getInt("embedding_dim"), rs.getLong("size_bytes"), rs.getString("manifest"),
                rs.getString("username"), rs.getTimestamp("registered_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
