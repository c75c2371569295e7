package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.bundle.BundleFiles;
import org.dermread.export.ExportService;
import org.dermread.inference.InferenceService;
import org.dermread.inference.SaliencyService;
import org.dermread.inference.StudyCasePrediction;
import org.dermread.studies.ArmAllocation;
import org.dermread.studies.ExperienceGroup;
import org.dermread.studies.Participant;
import org.dermread.studies.StudyArm;
import org.dermread.studies.StudyMonitor;
import org.dermread.studies.StudyMonitoringService;
import org.dermread.studies.StudyService;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.InvitedReader;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Human-AI collaboration studies on the reader's side: each reader's arm is drawn when they start, balanced within
 * experience groups, reproducible from the study's seed and never drawn again; in the AI-assisted phase a reader
 * receives only their own arm's forms of help, and the similar cases' images only while their arm shows them.
 */
@DermReadTest
class CollaborationArmsTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");
    static final StudyArm TOP1 = new StudyArm("A", "Top-1", true, false, false, false, null, false);
    static final StudyArm PROBABILITIES = new StudyArm("B", "Probabilities", false, true, false, false, null, false);
    static final StudyArm MALIGNANCY = new StudyArm("C", "Malignancy", false, false, true, false, null, false);
    static final StudyArm SIMILAR = new StudyArm("D", "Similar cases and saliency", false, false, false, true, 3,
            true);

    @Autowired
    ReadingService reading;
    @Autowired
    StudyService studyService;
    @Autowired
    StudyMonitoringService monitoring;
    @Autowired
    InferenceService inference;
    @Autowired
    SaliencyService saliency;
    @Autowired
    ExportService export;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void arms_are_balanced_within_experience_groups_reproducible_from_the_seed_and_drawn_once() {
        Account coordinator = accounts.create("arms-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudy(coordinator, 2, LABELS, Options.defaults().withAidedPhase());
        studies.addArms(study, TOP1, PROBABILITIES, MALIGNANCY);
        // Years in dermatology 0..19, then 0..9: 6 beginners (<3), 15 intermediates (3-10), 9 experts (>10).
        List<InvitedReader> invited = studies.inviteNewReaders(accounts, study, 30, "arms-reader", 700);
        for (InvitedReader r : invited) {
            SignIn.as(r.account());
            reading.begin(r.participation());
            SignIn.out();
        }
        Map<Long, String> drawn = arms(study);
        for (InvitedReader r : invited) {
            SignIn.as(r.account());
            reading.begin(r.participation());
            reading.open(r.participation(), Phase.UNAIDED);
            SignIn.out();
        }
        assertThat(arms(study)).as("resuming draws nothing again").isEqualTo(drawn);

        long seed = jdbc.sql("select arm_seed from study where id = :s").param("s", study.studyId())
                .query(Long.class).single();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select arm, arm_group, arm_rank, years_dermatology from participation
                         where study_id = :s order by arm_group, arm_rank
                        """).param("s", study.studyId()).query().listOfRows();
        assertThat(rows).hasSize(30);
        Map<ExperienceGroup, Map<String, Integer>> counts = new EnumMap<>(ExperienceGroup.class);
        for (Map<String, Object> row : rows) {
            ExperienceGroup group = ExperienceGroup.valueOf((String) row.get("arm_group"));
            int years = (Integer) row.get("years_dermatology");
            assertThat(group).isEqualTo(years < 3 ? ExperienceGroup.BEGINNER
                    : years <= 10 ? ExperienceGroup.INTERMEDIATE : ExperienceGroup.EXPERT);
            String arm = (String) row.get("arm");
            assertThat(arm).as("reproducible from seed, group and rank").isEqualTo(ArmAllocation.armFor(seed, group,
                    (Integer) row.get("arm_rank"), List.of("A", "B", "C")));
            counts.computeIfAbsent(group, g -> new HashMap<>()).merge(arm, 1, Integer::sum);
        }
        assertThat(counts.get(ExperienceGroup.BEGINNER)).containsOnlyKeys("A", "B", "C").containsValues(2, 2, 2);
        assertThat(counts.get(ExperienceGroup.INTERMEDIATE)).containsValues(5, 5, 5);
        assertThat(counts.get(ExperienceGroup.EXPERT)).containsValues(3, 3, 3);
        for (ExperienceGroup group : ExperienceGroup.values()) {
            List<Integer> ranks = rows.stream().filter(row -> group.name().equals(row.get("arm_group")))
                    .map(row -> (Integer) row.get("arm_rank")).toList();
            assertThat(ranks).as("ranks 1..n, each once").isEqualTo(
                    IntStream.rangeClosed(1, ranks.size()).boxed().toList());
        }

        SignIn.as(coordinator);
        StudyMonitor monitor = monitoring.monitor(study.studyId());
        assertThat(monitor.hasArms()).isTrue();
        Map<String, String> names = Map.of("A", "A · Top-1", "B", "B · Probabilities", "C", "C · Malignancy");
        assertThat(monitor.readers()).hasSize(30).allSatisfy(progress -> assertThat(progress.arm())
                .isEqualTo(names.get(drawn.get(progress.participationId()))));
        List<Participant> participants = studyService.participants(study.studyId());
        assertThat(participants).allSatisfy(p -> {
            assertThat(p.arm()).isEqualTo(drawn.get(p.participationId()));
            assertThat(p.armGroup()).isNotNull();
            assertThat(p.armRank()).isPositive();
        });
    }

    @Test
    void a_reader_receives_only_the_help_of_their_own_arm_and_similar_case_images_only_in_a_similar_cases_arm()
            throws Exception {
        Account coordinator = accounts.create("help-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudyOf(coordinator, List.of("MN", "BCC", "SK", "DF"), LABELS,
                Options.defaults().withAidedPhase());
        studies.addArms(study, TOP1, PROBABILITIES, MALIGNANCY, SIMILAR);
        List<Long> library = studies.addLibraryCases(study, List.of("MN", "MN", "BCC", "SK", "DF", "DF", "BCC"));
        // The library's first case is another image of the study's first case: it must never be shown (it would
        // tell that case's diagnosis), nor served.
        long lesionMate = library.get(0);
        studies.sameLesion("lesion-1", study.caseIds().get(0), lesionMate);
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        assertThat(jdbc.sql("select count(*) from case_prediction where case_id in (:ids)")
                .param("ids", library).query(Integer.class).single())
                .as("the run embedded the reference library too (except the lesion's other image)")
                .isEqualTo(library.size() - 1);

        // Four readers of one experience group fill one block: one reader per arm.
        List<InvitedReader> invited = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Account reader = accounts.create("help-reader", Role.READER);
            studies.giveProfile(reader, 5);
            invited.add(new InvitedReader(reader, studies.invite(study, reader, 900 + i)));
        }
        Map<String, InvitedReader> byArm = new HashMap<>();
        for (InvitedReader r : invited) {
            SignIn.as(r.account());
            reading.begin(r.participation());
            SignIn.out();
        }
        arms(study).forEach((participation, arm) -> byArm.put(arm, invited.stream()
                .filter(r -> r.participation() == participation).findFirst().orElseThrow()));
        assertThat(byArm).containsOnlyKeys("A", "B", "C", "D");
        for (InvitedReader r : invited) {
            readings.readAll(r.account(), r.participation(), (caseId, index, phase) -> "MN", Phase.UNAIDED);
        }

        Map<String, List<AiAdvice>> seen = new HashMap<>();
        byArm.forEach((arm, r) -> seen.put(arm, aidedAdvice(r)));

        assertThat(seen.get("A")).hasSize(4).allSatisfy(advice -> {
            assertThat(advice.top1()).isIn(LABELS);
            assertThat(advice.codes()).isEmpty();
            assertThat(advice.probabilities()).isEmpty();
            assertThat(advice.malignancy()).isNull();
            assertThat(advice.similarCases()).isEmpty();
            assertThat(advice.saliencyPng()).isNull();
        });
        assertThat(seen.get("B")).hasSize(4).allSatisfy(advice -> {
            assertThat(advice.codes()).containsExactlyElementsOf(LABELS);
            assertThat(advice.probabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    Offset.offset(1e-9));
            assertThat(advice.top1()).isNull();
            assertThat(advice.malignancy()).isNull();
            assertThat(advice.similarCases()).isEmpty();
            assertThat(advice.saliencyPng()).isNull();
        });
        SignIn.as(coordinator);
        Map<Long, StudyCasePrediction> predictions = inference.predictionsForStudy(study.studyId());
        SignIn.out();
        assertThat(seen.get("C")).hasSize(4).allSatisfy(advice -> {
            assertThat(advice.malignancy()).isBetween(0.0, 1.0);
            assertThat(advice.codes()).isEmpty();
            assertThat(advice.top1()).isNull();
            assertThat(advice.similarCases()).isEmpty();
            assertThat(advice.saliencyPng()).isNull();
        });
        // The malignancy score is the AI's label-set probability of BCC, the one malignant label here.
        assertThat(seen.get("C").stream().map(AiAdvice::malignancy).sorted().toList()).isEqualTo(
                predictions.values().stream().map(p -> p.probabilityOf("BCC")).sorted().toList());
        Set<Long> studyCases = new HashSet<>(study.caseIds());
        List<Long> shownSimilar = new ArrayList<>();
        assertThat(seen.get("D")).hasSize(4).allSatisfy(advice -> {
            assertThat(advice.similarCases()).hasSize(3);
            assertThat(advice.similarCases()).allSatisfy(similar -> {
                assertThat(studyCases).as("never a case of the study").doesNotContain(similar.caseId());
                assertThat(similar.caseId()).as("never an image of a study case's lesion").isNotEqualTo(lesionMate);
                assertThat(library).contains(similar.caseId());
                assertThat(similar.diagnosis()).isEqualTo(jdbc.sql("select diagnosis from clinical_case where id = :c")
                        .param("c", similar.caseId()).query(String.class).single());
            });
            assertThat(advice.similarCases()).extracting(AiAdvice.SimilarCase::similarity).isSortedAccordingTo(
                    (a, b) -> Double.compare(b, a));
            assertThat(advice.saliencyPng()).isNotEmpty();
            assertThat(advice.codes()).isEmpty();
            assertThat(advice.top1()).isNull();
            assertThat(advice.malignancy()).isNull();
            advice.similarCases().forEach(similar -> shownSimilar.add(similar.caseId()));
        });

        // The similar cases' images: to the similar-cases reader only, and only library cases.
        InvitedReader similarReader = byArm.get("D");
        SignIn.as(similarReader.account());
        assertThat(reading.similarCaseImage(similarReader.participation(), shownSimilar.get(0)).bytes()).isNotEmpty();
        assertThatThrownBy(() -> reading.similarCaseImage(similarReader.participation(), lesionMate))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.similarCaseImage(similarReader.participation(), study.caseIds().get(1)))
                .isInstanceOf(AccessDeniedException.class);
        SignIn.out();
        for (String arm : List.of("A", "B", "C")) {
            InvitedReader other = byArm.get(arm);
            SignIn.as(other.account());
            long caseId = study.caseIds().get(0);
            assertThatThrownBy(() -> reading.similarCaseImage(other.participation(), shownSimilar.get(0)))
                    .as("arm " + arm + " gets no similar case image").isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reading.similarCaseImage(similarReader.participation(), shownSimilar.get(0)))
                    .as("nor through another reader's participation").isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> saliency.aidedPhaseSaliencyPng(study.studyId(), caseId))
                    .as("arm " + arm + " gets no saliency map").isInstanceOf(AccessDeniedException.class);
            if (!arm.equals("B")) {
                assertThatThrownBy(() -> inference.aidedPhasePrediction(study.studyId(), caseId))
                        .as("arm " + arm + " gets no probabilities").isInstanceOf(AccessDeniedException.class);
            } else {
                assertThat(inference.aidedPhasePrediction(study.studyId(), caseId)).isPresent();
            }
            SignIn.out();
        }
        SignIn.as(similarReader.account());
        assertThatThrownBy(() -> inference.aidedPhasePrediction(study.studyId(), study.caseIds().get(0)))
                .isInstanceOf(AccessDeniedException.class);
        SignIn.out();

        // Before the AI-assisted phase opens (a fifth reader who has not read unaided), no image either.
        Account late = accounts.create("help-late", Role.READER);
        studies.giveProfile(late, 5);
        long lateParticipation = studies.invite(study, late, 77L);
        SignIn.as(late);
        reading.begin(lateParticipation);
        String lateArm = arms(study).get(lateParticipation);
        assertThat(lateArm).isNotNull();
        assertThatThrownBy(() -> reading.similarCaseImage(lateParticipation, shownSimilar.get(0)))
                .isInstanceOf(RuntimeException.class);
        SignIn.out();

        // The bundle: each reader's arm with the seed, group and rank that reproduce it, and arms.csv.
        Account statistician = accounts.create("help-stat", Role.STATISTICIAN);
        SignIn.as(statistician);
        BundleFiles bundle = BundleFiles.readZip(export.bundle(study.studyId()));
        long seed = jdbc.sql("select arm_seed from study where id = :s").param("s", study.studyId())
                .query(Long.class).single();
        List<String> readers = text(bundle, "readers.csv");
        assertThat(readers.get(0)).endsWith(",second_phase_opens_at,arm,arm_seed,arm_group,arm_rank");
        Map<String, Integer> exportedArms = new HashMap<>();
        for (String line : readers.subList(1, readers.size())) {
            String[] cells = line.split(",", -1);
            String arm = cells[cells.length - 4];
            assertThat(Long.parseLong(cells[cells.length - 3])).isEqualTo(seed);
            assertThat(cells[cells.length - 2]).isEqualTo("intermediate");
            assertThat(ArmAllocation.armFor(seed, ExperienceGroup.INTERMEDIATE,
                    Integer.parseInt(cells[cells.length - 1]), List.of("A", "B", "C", "D")))
                    .as("the exported seed, group and rank reproduce the arm").isEqualTo(arm);
            exportedArms.merge(arm, 1, Integer::sum);
        }
        assertThat(exportedArms).isEqualTo(Map.of("A", 1, "B", 1, "C", 1, "D", 1).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getKey().equals(lateArm) ? 2 : 1)));
        assertThat(text(bundle, "arms.csv")).containsExactly(
                "arm,name,top1,probabilities,malignancy,similar_cases,similar_k,saliency",
                "A,Top-1,true,false,false,false,,false",
                "B,Probabilities,false,true,false,false,,false",
                "C,Malignancy,false,false,true,false,,false",
                "D,Similar cases and saliency,false,false,false,true,3,true");
    }

    private static List<String> text(BundleFiles bundle, String path) {
        return new String(bundle.require(path), StandardCharsets.UTF_8).lines().toList();
    }

    /** Every case of the reader's AI-assisted phase with the advice shown, answering each as it comes. */
    private List<AiAdvice> aidedAdvice(InvitedReader r) {
        SignIn.as(r.account());
        try {
            List<AiAdvice> advice = new ArrayList<>();
            reading.open(r.participation(), Phase.AIDED);
            var next = reading.next(r.participation(), Phase.AIDED);
            while (next.isPresent()) {
                advice.add(next.get().advice().orElseThrow());
                reading.answer(r.participation(), Phase.AIDED, next.get().caseId(), "MN", null);
                next = reading.next(r.participation(), Phase.AIDED);
            }
            return advice;
        } finally {
            SignIn.out();
        }
    }

    private Map<Long, String> arms(TestStudy study) {
        Map<Long, String> arms = new HashMap<>();
        jdbc.sql("select id, arm from participation where study_id = :s").param("s", study.studyId())
                .query((rs, row) -> arms.put(rs.getLong(1), rs.getString(2))).list();
        return arms;
    }
}
