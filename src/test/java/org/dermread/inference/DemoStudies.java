package org.dermread.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dermread.accounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Studies of demo cases for tests, written straight into the tables (the case-import feature is built elsewhere):
 * a case source, the demo images from {@code study-sets/demo}, a case set, a study with its label set and its
 * coordinator.
 */
@Component
public class DemoStudies {

    public static final Path DEMO_SET = Path.of("study-sets/demo");

    /** A study made for a test. */
    public record DemoStudy(long studyId, List<Long> caseIds, Map<Long, Path> images) {
    }

    private final JdbcClient jdbc;

    public DemoStudies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The demo set's rows: relative image path and diagnosis, in manifest order. */
    public static List<String[]> manifest() {
        try {
            List<String> lines = Files.readAllLines(DEMO_SET.resolve("manifest.csv"));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                rows.add(new String[] {fields[0], fields[1], fields[2]});
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A study over the first {@code caseCount} demo cases whose diagnosis is in {@code labels}.
     *
     * @param aiAssistedPhase whether the study has an AI-assisted reading phase
     */
    public DemoStudy create(Account coordinator, List<String> labels, int caseCount, boolean aiAssistedPhase) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long source = jdbc.sql("""
                insert into case_source (name, source, synthetic, content_sha256, imported_by)
                values (:name, 'test', true, :sha, :by) returning id
                """).param("name", "demo " + tag).param("sha", sha256(tag.getBytes()))
                .param("by", coordinator.id().value()).query(Long.class).single();
        long caseSet = jdbc.sql("insert into case_set (name, created_by) values (:n, :by) returning id")
                .param("n", "set " + tag).param("by", coordinator.id().value()).query(Long.class).single();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into case_set_label (case_set_id, position, diagnosis) values (:s, :p, :d)")
                    .param("s", caseSet).param("p", i + 1).param("d", labels.get(i)).update();
        }
        Map<Long, Path> images = new LinkedHashMap<>();
        for (String[] row : manifest()) {
            if (images.size() == caseCount) {
                break;
            }
            if (!labels.contains(row[2])) {
                continue;
            }
            Path image = DEMO_SET.resolve(row[1]);
            byte[] bytes = read(image);
            String sha = sha256(bytes);
            jdbc.sql("""
                    insert into case_image (sha256, media_type, width, height, size_bytes, bytes)
                    values (:sha, 'image/jpeg', 256, 256, :size, :bytes) on conflict do nothing
                    """).param("sha", sha).param("size", bytes.length).param("bytes", bytes).update();
            long caseId = jdbc.sql("""
                    insert into clinical_case (source_id, external_id, image_sha256, diagnosis)
                    values (:src, :ext, :sha, :d) returning id
                    """).param("src", source).param("ext", row[0]).param("sha", sha).param("d", row[2])
                    .query(Long.class).single();
            jdbc.sql("insert into case_set_member (case_set_id, case_id) values (:s, :c)")
                    .param("s", caseSet).param("c", caseId).update();
            images.put(caseId, image);
        }
        long study = jdbc.sql("""
                insert into study (name, case_set_id, created_by, ai_assisted_phase) values (:n, :s, :by, :ai)
                returning id
                """).param("n", "study " + tag).param("s", caseSet).param("by", coordinator.id().value())
                .param("ai", aiAssistedPhase).query(Long.class).single();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into study_label (study_id, position, diagnosis) values (:s, :p, :d)")
                    .param("s", study).param("p", i + 1).param("d", labels.get(i)).update();
        }
        jdbc.sql("insert into study_coordinator (study_id, account_id) values (:s, :a)")
                .param("s", study).param("a", coordinator.id().value()).update();
        return new DemoStudy(study, List.copyOf(images.keySet()), images);
    }

    /**
     * A study on the ISIC taxonomy: the first {@code caseCount} demo images, labelled round-robin with
     * {@code labels} (codes of the taxonomy {@code isic}), from a case source and a case set of that taxonomy. The
     * importer for ISIC/HAM10000 folders is built elsewhere; this writes the tables as it would.
     */
    public DemoStudy createIsic(Account coordinator, List<String> labels, int caseCount) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long source = jdbc.sql("""
                insert into case_source (name, source, synthetic, content_sha256, imported_by, taxonomy)
                values (:name, 'test', true, :sha, :by, 'isic') returning id
                """).param("name", "isic " + tag).param("sha", sha256(("isic" + tag).getBytes()))
                .param("by", coordinator.id().value()).query(Long.class).single();
        long caseSet = jdbc.sql("""
                insert into case_set (name, created_by, taxonomy) values (:n, :by, 'isic') returning id""")
                .param("n", "isic set " + tag).param("by", coordinator.id().value()).query(Long.class).single();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into case_set_label (case_set_id, position, diagnosis) values (:s, :p, :d)")
                    .param("s", caseSet).param("p", i + 1).param("d", labels.get(i)).update();
        }
        Map<Long, Path> images = new LinkedHashMap<>();
        for (String[] row : manifest()) {
            if (images.size() == caseCount) {
                break;
            }
            Path image = DEMO_SET.resolve(row[1]);
            byte[] bytes = read(image);
            String sha = sha256(bytes);
            jdbc.sql("""
                    insert into case_image (sha256, media_type, width, height, size_bytes, bytes)
                    values (:sha, 'image/jpeg', 256, 256, :size, :bytes) on conflict do nothing
                    """).param("sha", sha).param("size", bytes.length).param("bytes", bytes).update();
            long caseId = jdbc.sql("""
                    insert into clinical_case (source_id, external_id, image_sha256, diagnosis, lesion_id)
                    values (:src, :ext, :sha, :d, :lesion) returning id
                    """).param("src", source).param("ext", row[0]).param("sha", sha)
                    .param("d", labels.get(images.size() % labels.size())).param("lesion", "L" + row[0])
                    .query(Long.class).single();
            jdbc.sql("insert into case_set_member (case_set_id, case_id) values (:s, :c)")
                    .param("s", caseSet).param("c", caseId).update();
            images.put(caseId, image);
        }
        long study = jdbc.sql("""
                insert into study (name, case_set_id, created_by, ai_assisted_phase) values (:n, :s, :by, false)
                returning id
                """).param("n", "isic study " + tag).param("s", caseSet).param("by", coordinator.id().value())
                .query(Long.class).single();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into study_label (study_id, position, diagnosis) values (:s, :p, :d)")
                    .param("s", study).param("p", i + 1).param("d", labels.get(i)).update();
        }
        jdbc.sql("insert into study_coordinator (study_id, account_id) values (:s, :a)")
                .param("s", study).param("a", coordinator.id().value()).update();
        return new DemoStudy(study, List.copyOf(images.keySet()), images);
    }

    /** Invites a reader; {@code finishedUnaided} marks the unaided phase as finished. */
    public void addReader(long studyId, Account reader, boolean finishedUnaided) {
        jdbc.sql("""
                insert into participation (study_id, reader_id, order_seed, unaided_finished_at)
                values (:s, :r, 1, case when :done then now() end)
                """).param("s", studyId).param("r", reader.id().value()).param("done", finishedUnaided).update();
    }

    public void finishUnaided(long studyId, Account reader) {
        jdbc.sql("update participation set unaided_finished_at = now() where study_id = :s and reader_id = :r")
                .param("s", studyId).param("r", reader.id().value()).update();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
