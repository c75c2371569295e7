package org.dermread.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.studies.StudyArm;
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

    /**
     * Options of a test study; defaults: shuffled, no going back, no confidence, no feedback, no AI phase, no washout,
     * unaided phase first, feedback without the list of wrong cases.
     */
    public record Options(boolean shuffle, boolean allowBack, boolean confidence, boolean feedback,
            boolean aidedPhase, boolean showClinical, Integer batchSize, int washoutDays,
            boolean randomisePhaseOrder, boolean feedbackCases) {

        public static Options defaults() {
            return new Options(true, false, false, false, false, false, null, 0, false, false);
        }

        public Options withAllowBack() {
            return new Options(shuffle, true, confidence, feedback, aidedPhase, showClinical, batchSize, washoutDays,
                    randomisePhaseOrder, feedbackCases);
        }

        public Options withConfidence() {
            return new Options(shuffle, allowBack, true, feedback, aidedPhase, showClinical, batchSize, washoutDays,
                    randomisePhaseOrder, feedbackCases);
        }

        public Options withFeedback() {
            return new Options(shuffle, allowBack, confidence, true, aidedPhase, showClinical, batchSize, washoutDays,
                    randomisePhaseOrder, feedbackCases);
        }

        public Options withAidedPhase() {
            return new Options(shuffle, allowBack, confidence, feedback, true, showClinical, batchSize, washoutDays,
                    randomisePhaseOrder, feedbackCases);
        }

        public Options withBatchSize(int size) {
            return new Options(shuffle, allowBack, confidence, feedback, aidedPhase, showClinical, size, washoutDays,
                    randomisePhaseOrder, feedbackCases);
        }

        /** A washout before the second phase (needs the AI-assisted phase). */
        public Options withWashoutDays(int days) {
            return new Options(shuffle, allowBack, confidence, feedback, aidedPhase, showClinical, batchSize, days,
                    randomisePhaseOrder, feedbackCases);
        }

        /** The phase order drawn per reader, balanced within experience groups (needs the AI-assisted phase). */
        public Options withRandomisedPhaseOrder() {
            return new Options(shuffle, allowBack, confidence, feedback, aidedPhase, showClinical, batchSize,
                    washoutDays, true, feedbackCases);
        }

        /** Feedback lists the cases answered wrongly (needs feedback). */
        public Options withFeedbackCases() {
            return new Options(shuffle, allowBack, confidence, feedback, aidedPhase, showClinical, batchSize,
                    washoutDays, randomisePhaseOrder, true);
        }
    }

    /** A study's ids: the study, its cases (ascending id) and their true diagnoses. */
    public record TestStudy(long studyId, long caseSetId, List<Long> caseIds, Map<Long, String> truth,
            List<String> labels) {
    }

    /** An OPEN study over the first {@code cases} rows of the demo manifest whose diagnosis is among the labels. */
    public TestStudy openStudy(Account coordinator, int cases, List<String> labels, Options options) {
        List<String> diagnoses = new ArrayList<>();
        for (String[] row : manifest()) {
            if (diagnoses.size() == cases) {
                break;
            }
            if (labels.contains(row[2])) {
                diagnoses.add(row[2]);
            }
        }
        return openStudyOf(coordinator, diagnoses, labels, options);
    }

    /**
     * An OPEN study with one case per entry of {@code diagnoses} (any of the 14 codes, repeats allowed), in that
     * order of case ids. A code of the demo set takes its next unused demo image; the demo set has 10 of the 14
     * classes, so the others (SD, Hem, Pso, PWS) get a synthetic image drawn here, different for every case.
     */
    public TestStudy openStudyOf(Account coordinator, List<String> diagnoses, List<String> labels,
            Options options) {
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
        Map<String, Integer> used = new HashMap<>();
        List<String[]> manifest = manifest();
        for (String diagnosis : diagnoses) {
            int k = used.merge(diagnosis, 1, Integer::sum) - 1;
            List<String[]> demo = manifest.stream().filter(row -> row[2].equals(diagnosis)).toList();
            String externalId;
            byte[] bytes;
            if (k < demo.size()) {
                externalId = demo.get(k)[0];
                bytes = read(DEMO.resolve(demo.get(k)[1]));
            } else {
                externalId = "gen-" + diagnosis + "-" + n + "-" + k;
                bytes = drawn(diagnosis, n * 1000 + k);
            }
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
                    .param("source", source).param("ext", externalId).param("sha", sha).param("dx", diagnosis)
                    .query(Long.class).single();
            caseIds.add(caseId);
            truth.put(caseId, diagnosis);
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
                                           created_by, opened_at, washout_days, randomise_phase_order,
                                           feedback_cases)
                        values (:name, 'a test study', :set, 'OPEN', :shuffle, :back, :conf, :feedback, :aided,
                                :clinical, :batch, :by, now(), :washout, :randomise, :feedbackCases)
                        returning id
                        """)
                .param("name", "Test study " + n).param("set", caseSet).param("shuffle", options.shuffle())
                .param("back", options.allowBack()).param("conf", options.confidence() ? "ONE_TO_FIVE" : "NONE")
                .param("feedback", options.feedback()).param("aided", options.aidedPhase())
                .param("clinical", options.showClinical()).param("batch", options.batchSize())
                .param("by", coordinator.id().value()).param("washout", options.washoutDays())
                .param("randomise", options.randomisePhaseOrder()).param("feedbackCases", options.feedbackCases())
                .query(Long.class).single();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into study_label (study_id, position, diagnosis) values (:s, :p, :d)")
                    .param("s", study).param("p", i + 1).param("d", labels.get(i)).update();
        }
        jdbc.sql("insert into study_coordinator (study_id, account_id) values (:s, :a)")
                .param("s", study).param("a", coordinator.id().value()).update();
        return new TestStudy(study, caseSet, List.copyOf(caseIds), truth, List.copyOf(labels));
    }

    /** Gives an open test study arms (a human-AI collaboration study), in the given order. */
    public void addArms(TestStudy study, StudyArm... arms) {
        int position = 1;
        for (StudyArm arm : arms) {
            jdbc.sql("""
                            insert into study_arm (study_id, code, position, name, top1, probabilities, malignancy,
                                                   similar_cases, similar_k, saliency)
                            values (:s, :code, :position, :name, :top1, :p, :m, :similar, :k, :saliency)
                            """)
                    .param("s", study.studyId()).param("code", arm.code()).param("position", position++)
                    .param("name", arm.name()).param("top1", arm.top1()).param("p", arm.probabilities())
                    .param("m", arm.malignancy()).param("similar", arm.similarCases()).param("k", arm.similarK())
                    .param("saliency", arm.saliency()).update();
        }
    }

    /**
     * Adds cases to the study's case source without adding them to its case set (the library that similar cases
     * come from), each with a synthetic image of its own; returns their ids in order.
     */
    public List<Long> addLibraryCases(TestStudy study, List<String> diagnoses) {
        long source = jdbc.sql("select source_id from clinical_case where id = :c")
                .param("c", study.caseIds().get(0)).query(Long.class).single();
        int n = COUNTER.incrementAndGet();
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < diagnoses.size(); k++) {
            byte[] bytes = drawn(diagnoses.get(k), 500_000 + n * 1000 + k);
            String sha = sha256(bytes);
            int[] size = dimensions(bytes);
            jdbc.sql("""
                            insert into case_image (sha256, media_type, width, height, size_bytes, bytes)
                            values (:sha, 'image/jpeg', :w, :h, :size, :bytes) on conflict do nothing
                            """)
                    .param("sha", sha).param("w", size[0]).param("h", size[1]).param("size", bytes.length)
                    .param("bytes", bytes).update();
            ids.add(jdbc.sql("""
                            insert into clinical_case (source_id, external_id, image_sha256, diagnosis, age, sex,
                                                       body_site)
                            values (:source, :ext, :sha, :dx, 50, 'M', 'arm') returning id
                            """)
                    .param("source", source).param("ext", "lib-" + n + "-" + k).param("sha", sha)
                    .param("dx", diagnoses.get(k)).query(Long.class).single());
        }
        return ids;
    }

    /** Marks cases as images of one lesion. */
    public void sameLesion(String lesionId, Long... caseIds) {
        for (long caseId : caseIds) {
            jdbc.sql("update clinical_case set lesion_id = :l where id = :c").param("l", lesionId)
                    .param("c", caseId).update();
        }
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
            Account reader = accounts.create(prefix, Role.READER);
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

    /**
     * A synthetic "lesion" for a class the demo set lacks: a blurred blob whose hue depends on the code and whose
     * shape and position on {@code variant}, so every drawn image differs (and so does its SHA-256).
     */
    private static byte[] drawn(String code, int variant) {
        Random random = new Random(code.hashCode() * 31L + variant);
        BufferedImage image = new BufferedImage(600, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(222, 190, 170));
        g.fillRect(0, 0, 600, 450);
        float hue = (code.hashCode() & 0xff) / 255f;
        for (int ring = 12; ring > 0; ring--) {
            g.setColor(Color.getHSBColor(hue, 0.35f + ring * 0.04f, 0.9f - ring * 0.04f));
            int w = 120 + ring * 14 + random.nextInt(20);
            int h = 90 + ring * 11 + random.nextInt(20);
            g.fillOval(300 - w / 2 + random.nextInt(30) - 15, 225 - h / 2 + random.nextInt(30) - 15, w, h);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            var image = ImageIO.read(new ByteArrayInputStream(bytes));
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
