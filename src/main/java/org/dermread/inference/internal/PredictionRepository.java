package org.dermread.inference.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dermread.inference.ClassifierOutput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Predictions per (model, case) and their mapping onto studies' label sets. */
@Repository
public class PredictionRepository {

    /** A stored prediction of a case, in the model's class order. */
    public record CaseRow(long caseId, double[] logits, double[] probabilities, Instant predictedAt) {
    }

    /** A study's mapped prediction with the case's raw probabilities. */
    public record StudyRow(long caseId, String modelSha256, List<String> labels, double[] probabilities,
            double[] raw) {
    }

    /** An embedding with the case's ground truth, for a t-SNE view. */
    public record EmbeddingRow(long caseId, String diagnosis, float[] embedding) {
    }

    private final JdbcClient jdbc;

    public PredictionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseRow> find(String modelSha256, long caseId) {
        return jdbc.sql("""
                select case_id, logits, probabilities, predicted_at from case_prediction
                where model_sha256 = :m and case_id = :c
                """).param("m", modelSha256).param("c", caseId)
                .query((rs, row) -> new CaseRow(rs.getLong(1), doubles(rs.getArray(2)), doubles(rs.getArray(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /**
     * Stores a case's prediction unless one is there already; returns whether it was stored.
     *
     * @param variantSha256 the variant that computed it, or null for the model of record itself
     */
    public boolean insert(String modelSha256, long caseId, ClassifierOutput output, double forwardMs, long jobId,
            String variantSha256) {
        return jdbc.sql("""
                insert into case_prediction (model_sha256, case_id, logits, probabilities, aux_logits, embedding,
                                             forward_ms, job_id, variant_sha256)
                values (:m, :c, :logits, :p, :aux, :e, :ms, :job, :variant)
                on conflict do nothing
                """)
                .param("m", modelSha256).param("c", caseId).param("logits", boxed(output.logits()))
                .param("p", boxed(output.probabilities())).param("aux", boxed(output.auxLogits()))
                .param("e", boxed(output.embedding())).param("ms", forwardMs).param("job", jobId)
                .param("variant", variantSha256)
                .update() == 1;
    }

    /** Which variant computed the stored predictions of a model over these cases: variant SHA-256 (or "") to count. */
    public Map<String, Integer> computedWith(String modelSha256, List<Long> caseIds) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("""
                select coalesce(variant_sha256, '') as variant, count(*) as n from case_prediction
                where model_sha256 = :m and case_id = any(:ids) group by 1
                """).param("m", modelSha256).param("ids", caseIds.toArray(Long[]::new))
                .query((rs, row) -> counts.put(rs.getString(1).strip(), rs.getInt(2))).list();
        return counts;
    }

    public void insertMapping(long studyId, String modelSha256, long caseId, List<String> labels,
            double[] probabilities) {
        jdbc.sql("""
                insert into study_case_prediction (study_id, model_sha256, case_id, labels, probabilities)
                values (:s, :m, :c, :labels, :p)
                on conflict do nothing
                """)
                .param("s", studyId).param("m", modelSha256).param("c", caseId)
                .param("labels", labels.toArray(String[]::new)).param("p", boxed(probabilities))
                .update();
    }

    /** The study's cases that have no mapped prediction of the model yet, by case id. */
    public List<Long> casesWithoutMapping(long studyId, String modelSha256) {
        return jdbc.sql("""
                select m.case_id from study s join case_set_member m on m.case_set_id = s.case_set_id
                where s.id = :s and not exists (select 1 from study_case_prediction p
                    where p.study_id = s.id and p.model_sha256 = :m and p.case_id = m.case_id)
                order by m.case_id
                """).param("s", studyId).param("m", modelSha256).query(Long.class).list();
    }

    /** How many of the study's current cases have a mapped prediction of the model. */
    public int mappedCount(long studyId, String modelSha256) {
        return jdbc.sql("""
                select count(*) from study s join case_set_member m on m.case_set_id = s.case_set_id
                join study_case_prediction p on p.study_id = s.id and p.model_sha256 = :m and p.case_id = m.case_id
                where s.id = :s
                """).param("s", studyId).param("m", modelSha256).query(Integer.class).single();
    }

    private static final String STUDY_ROWS = """
            select p.case_id, p.model_sha256, p.labels, p.probabilities, c.probabilities as raw
            from study_case_prediction p
            join case_prediction c on c.model_sha256 = p.model_sha256 and c.case_id = p.case_id
            where p.study_id = :s and p.model_sha256 = :m
            """;

    public List<StudyRow> forStudy(long studyId, String modelSha256) {
        return jdbc.sql(STUDY_ROWS + " order by p.case_id").param("s", studyId).param("m", modelSha256)
                .query(PredictionRepository::mapStudyRow).list();
    }

    public Optional<StudyRow> forStudyCase(long studyId, String modelSha256, long caseId) {
        return jdbc.sql(STUDY_ROWS + " and p.case_id = :c").param("s", studyId).param("m", modelSha256)
                .param("c", caseId).query(PredictionRepository::mapStudyRow).optional();
    }

    private static StudyRow mapStudyRow(ResultSet rs, int row) throws SQLException {
        return new StudyRow(rs.getLong(1), rs.getString(2), ModelRepository.strings(rs.getArray(3)),
                doubles(rs.getArray(4)), doubles(rs.getArray(5)));
    }

    public List<EmbeddingRow> embeddings(long studyId, String modelSha256) {
        return jdbc.sql("""
                select c.case_id, k.diagnosis, c.embedding from study_case_prediction p
                join case_prediction c on c.model_sha256 = p.model_sha256 and c.case_id = p.case_id
                join clinical_case k on k.id = c.case_id
                where p.study_id = :s and p.model_sha256 = :m order by c.case_id
                """).param("s", studyId).param("m", modelSha256)
                .query((rs, row) -> new EmbeddingRow(rs.getLong(1), rs.getString(2), floats(rs.getArray(3))))
                .list();
    }

    /** The embedding of a case's stored prediction of the model (empty when none, or the model has none). */
    public Optional<float[]> embedding(String modelSha256, long caseId) {
        return jdbc.sql("select embedding from case_prediction where model_sha256 = :m and case_id = :c")
                .param("m", modelSha256).param("c", caseId)
                .query((rs, row) -> floats(rs.getArray(1))).optional().filter(e -> e.length > 0);
    }

    /** A reference case with its lesion, verified diagnosis and embedding. */
    public record ReferenceRow(long caseId, String lesionId, String diagnosis, float[] embedding) {
    }

    /** The study's reference library with the model's embeddings (cases without a prediction are left out). */
    public List<ReferenceRow> referenceEmbeddings(long studyId, String modelSha256) {
        return jdbc.sql("""
                select c.id, c.lesion_id, c.diagnosis, p.embedding from clinical_case c
                join case_prediction p on p.case_id = c.id and p.model_sha256 = :m
                where cardinality(p.embedding) > 0 and""" + " " + StudyCasesRepository.REFERENCE_CASE
                        + " order by c.id")
                .param("s", studyId).param("m", modelSha256)
                .query((rs, row) -> new ReferenceRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        floats(rs.getArray(4))))
                .list();
    }

    /** How many of the study's reference cases have an embedding of the model (a cheap key for a cached index). */
    public int referenceCount(long studyId, String modelSha256) {
        return jdbc.sql("""
                select count(*) from clinical_case c
                join case_prediction p on p.case_id = c.id and p.model_sha256 = :m
                where cardinality(p.embedding) > 0 and""" + " " + StudyCasesRepository.REFERENCE_CASE)
                .param("s", studyId).param("m", modelSha256).query(Integer.class).single();
    }

    /** The study whose model was most recently run to the end over it, if any. */
    public Optional<String> latestCompletedModel(long studyId) {
        return jdbc.sql("""
                select model_sha256 from inference_job where study_id = :s and status = 'DONE'
                order by finished_at desc, id desc limit 1
                """).param("s", studyId).query(String.class).optional();
    }

    public Optional<byte[]> saliency(String modelSha256, long caseId, String classCode) {
        return jdbc.sql("""
                select png from case_saliency where model_sha256 = :m and case_id = :c and class_code = :k
                """).param("m", modelSha256).param("c", caseId).param("k", classCode).query(byte[].class).optional();
    }

    public void insertSaliency(String modelSha256, long caseId, String classCode, byte[] png) {
        jdbc.sql("""
                insert into case_saliency (model_sha256, case_id, class_code, png) values (:m, :c, :k, :png)
                on conflict do nothing
                """).param("m", modelSha256).param("c", caseId).param("k", classCode).param("png", png).update();
    }

    private static Double[] boxed(double[] values) {
        Double[] result = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    private static Float[] boxed(float[] values) {
        Float[] result = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).doubleValue();
        }
        return result;
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).floatValue();
        }
        return result;
    }
}
