package org.dermread.testing;

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
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.dermread.accounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds studies straight in the database for tests of features that read them (quiz, inference, results),
 * using the synthetic demo images of {@code study-sets/demo}. Not a substitute for the import feature's own tests.
 */
@Component
public class TestStudies {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Path DEMO = Path.of("study-sets/demo");

    private final JdbcClient jdbc;

    public TestStudies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Options of a test study; defaults: shuffled, no going back, no confidence, no feedback, no AI phase. */
    public record Options(boolean shuffle, boolean allowBack, boolean confidence, boolean feedback,
            boolean aidedPhase, boolean showClinical, Integer batchSize) {

        public static Options defaults() {
            return new Options(true, false, false, false, false, false, null);
        }

        public Options withAllowBack() {
            return new Options(shuffle, true, confidence, feedback, aidedPhase, showClinical, batchSize);
        }

        public Options withConfidence() {
            return new Options(shuffle, allowBack, true, feedback, aidedPhase, showClinical, batchSize);
        }

        public Options withFeedback() {
            return new Options(shuffle, allowBack, confidence, true, aidedPhase, showClinical, batchSize);
        }

        public Options withAidedPhase() {
            return new Options(shuffle, allowBack, confidence, feedback, true, showClinical, batchSize);
        }
    }

    /** A study's ids: the study, its cases (ascending id) and their true diagnoses. */
    public record TestStudy(long studyId, long caseSetId, List<Long> caseIds, Map<Long, String> truth,
            List<String> labels) {
    }

    /** An OPEN study over the first {@code cases} rows of the demo manifest whose diagnosis is among the labels. */
    public TestStudy openStudy(Account coordinator, int cases, List<String> labels, Options options) {
        int n = COUNTER.incrementAndGet();
        long source = jdbc.sql("""
                        insert into case_source (name, source, description, synthetic, content_sha256)
                        values (:name, 'test', 'synthetic test cases', true, :sha) returning id
                        """)
                .param("name", "test source " + n)
                .param("sha", sha256(("test-source-" + n + "-" + System.nanoTime()).getBytes()))
                .query(Long.class).single();
        Map<Long, String> truth = new LinkedHashMap<>();
        List<Long> caseIds = new ArrayList<>();
        for (String[] row : manifest()) {
            if (caseIds.size() == cases) {
                break;
            }
            if (!labels.contains(row[2])) {
                continue;
            }
            byte[] bytes = read(DEMO.resolve(row[1]));
            String sha = sha256(bytes);
            int[] size = dimensions(bytes);
            jdbc.sql("""
                            insert into case_image (sha256, media_type, width, height, size_bytes, bytes)
                            values (:sha, 'image/jpeg', :w, :h, :size, :bytes) on conflict do nothing
                            """)
                    .param("sha", sha).param("w", size[0]).param("h", size[1]).param("size", bytes.length)
                    .param("bytes", bytes).update();
            long caseId = jdbc.sql("""
                            insert into clinical_case (source_id, external_id, image_sha256, diagnosis, age, sex,
                                                       body_site)
                            values (:source, :ext, :sha, :dx, 40, 'F', 'back') returning id
                            """)
                    .param("source", source).param("ext", row[0]).param("sha", sha).param("dx", row[2])
                    .query(Long.class).single();
            caseIds.add(caseId);
            truth.put(caseId, row[2]);
        }
        long caseSet = jdbc.sql("""
                        insert into case_set (name, created_by, locked) values (:name, :by, true) returning id
                        """)
                .param("name", "test set " + n).param("by", coordinator.id().value())
                .query(Long.class).single();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into case_set_label (case_set_id, position, diagnosis) values (:s, :p, :d)")
                    .param("s", caseSet).param("p", i + 1).param("d", labels.get(i)).update();
        }
        for (long caseId : caseIds) {
            jdbc.sql("insert into case_set_member (case_set_id, case_id) values (:s, :c)")
                    .param("s", caseSet).param("c", caseId).update();
        }
        long study = jdbc.sql("""
                        insert into study (name, description, case_set_id, status, shuffle, allow_back,
                                           confidence_scale, feedback, ai_assisted_phase, show_clinical, batch_size,
                                           created_by, opened_at)
                        values (:name, 'a test study', :set, 'OPEN', :shuffle, :back, :conf, :feedback, :aided,
                                :clinical, :batch, :by, now())
                        returning id
                        """)
                .param("name", "Test study " + n).param("set", caseSet).param("shuffle", options.shuffle())
                .param("back", options.allowBack()).param("conf", options.confidence() ? "ONE_TO_FIVE" : "NONE")
                .param("feedback", options.feedback()).param("aided", options.aidedPhase())
                .param("clinical", options.showClinical()).param("batch", options.batchSize())
                .param("by", coordinator.id().value())
                .query(Long.class).single();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into study_label (study_id, position, diagnosis) values (:s, :p, :d)")
                    .param("s", study).param("p", i + 1).param("d", labels.get(i)).update();
        }
        jdbc.sql("insert into study_coordinator (study_id, account_id) values (:s, :a)")
                .param("s", study).param("a", coordinator.id().value()).update();
        return new TestStudy(study, caseSet, List.copyOf(caseIds), truth, List.copyOf(labels));
    }

    /** Invites a reader; returns the participation id. */
    public long invite(TestStudy study, Account reader, long orderSeed) {
        return jdbc.sql("""
                        insert into participation (study_id, reader_id, order_seed) values (:s, :r, :seed)
                        returning id
                        """)
                .param("s", study.studyId()).param("r", reader.id().value()).param("seed", orderSeed)
                .query(Long.class).single();
    }

    /** A reader invited to a study. */
    public record InvitedReader(Account account, long participation) {
    }

    /**
     * Creates {@code count} new readers with profiles (years of dermatology cycling 0-19) and invites them, with
     * order seeds {@code firstSeed}, {@code firstSeed + 1}, ...
     */
    public List<InvitedReader> inviteNewReaders(TestAccounts accounts, TestStudy study, int count, String prefix,
            long firstSeed) {
        List<InvitedReader> readers = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Account reader = accounts.create(prefix, org.dermread.accounts.Role.READER);
            giveProfile(reader, r % 20);
            readers.add(new InvitedReader(reader, invite(study, reader, firstSeed + r)));
        }
        return readers;
    }

    /** Gives a reader an experience profile (needed before starting a study). */
    public void giveProfile(Account reader, int yearsDermatology) {
        jdbc.sql("""
                        insert into reader_profile (account_id, years_dermatology, years_dermoscopy, board_certified,
                                                    title, hospital_level)
                        values (:a, :y, :y, true, 'ATTENDING', 'TERTIARY_A') on conflict do nothing
                        """)
                .param("a", reader.id().value()).param("y", yearsDermatology).update();
    }

    private static List<String[]> manifest() {
        try {
            return Files.readAllLines(DEMO.resolve("manifest.csv")).stream().skip(1)
                    .map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] dimensions(byte[] bytes) {
        try {
            var image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            return new int[] {image.getWidth(), image.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
