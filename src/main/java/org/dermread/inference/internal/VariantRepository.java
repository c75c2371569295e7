package org.dermread.inference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.dermread.inference.MemoryFormat;
import org.dermread.inference.ModelVariant;
import org.dermread.inference.Precision;
import org.dermread.inference.VariantParity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Variants of registered models (bf16, channels-last) with their parity figures. */
@Repository
public class VariantRepository {

    private static final String SELECT = """
            select v.sha256, v.model_sha256, m.name || ' ' || m.version as model_label, v.precision, v.memory_format,
                   v.size_bytes, v.parity_images, v.argmax_agreement, v.max_abs_dp, v.p99_abs_dp, v.bound, v.offered,
                   v.measured_on, a.username, v.registered_at
            from inference_model_variant v
            join inference_model m on m.sha256 = v.model_sha256
            left join account a on a.id = v.registered_by
            """;

    private final JdbcClient jdbc;

    public VariantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ModelVariant> find(String sha256) {
        return jdbc.sql(SELECT + " where v.sha256 = :sha").param("sha", sha256).query(VariantRepository::map)
                .optional();
    }

    public Optional<ModelVariant> find(String modelSha256, Precision precision, MemoryFormat format) {
        return jdbc.sql(SELECT + " where v.model_sha256 = :m and v.precision = :p and v.memory_format = :f")
                .param("m", modelSha256).param("p", precision.code()).param("f", format.code())
                .query(VariantRepository::map).optional();
    }

    public List<ModelVariant> forModel(String modelSha256) {
        return jdbc.sql(SELECT + " where v.model_sha256 = :m order by v.precision, v.memory_format")
                .param("m", modelSha256).query(VariantRepository::map).list();
    }

    public List<ModelVariant> list() {
        return jdbc.sql(SELECT + " order by v.registered_at desc, v.sha256").query(VariantRepository::map).list();
    }

    /** Inserts a variant; returns false when one with this SHA-256 was already there. */
    public boolean insert(String sha256, String modelSha256, Precision precision, MemoryFormat format, long sizeBytes,
            String manifestJson, VariantParity.Result parity, String bound, boolean offered, String measuredOn,
            Long registeredBy) {
        return jdbc.sql("""
                insert into inference_model_variant (sha256, model_sha256, precision, memory_format, size_bytes,
                    manifest, parity_images, argmax_agreement, max_abs_dp, p99_abs_dp, bound, offered, measured_on,
                    registered_by)
                values (:sha, :model, :precision, :format, :size, cast(:manifest as jsonb), :images, :agreement,
                    :max, :p99, :bound, :offered, :measuredOn, :by)
                on conflict (sha256) do nothing
                """)
                .param("sha", sha256).param("model", modelSha256).param("precision", precision.code())
                .param("format", format.code()).param("size", sizeBytes).param("manifest", manifestJson)
                .param("images", parity.images()).param("agreement", parity.argmaxAgreement())
                .param("max", parity.maxAbsDp()).param("p99", parity.p99AbsDp()).param("bound", bound)
                .param("offered", offered).param("measuredOn", measuredOn).param("by", registeredBy)
                .update() == 1;
    }

    static ModelVariant map(ResultSet rs, int row) throws SQLException {
        return new ModelVariant(rs.getString("sha256"), rs.getString("model_sha256"), rs.getString("model_label"),
                Precision.fromCode(rs.getString("precision")).orElseThrow(),
                MemoryFormat.fromCode(rs.getString("memory_format")).orElseThrow(), rs.getLong("size_bytes"),
                new VariantParity.Result(rs.getInt("parity_images"), rs.getDouble("argmax_agreement"),
                        rs.getDouble("max_abs_dp"), rs.getDouble("p99_abs_dp")),
                rs.getString("bound"), rs.getBoolean("offered"), rs.getString("measured_on"),
                rs.getString("username"), rs.getTimestamp("registered_at").toInstant());
    }
}
