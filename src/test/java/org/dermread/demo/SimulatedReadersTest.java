package org.dermread.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.accounts.Role;
import org.dermread.analysis.StudyAnalysis;
import org.dermread.analysis.StudyResultsService;
import org.dermread.cases.DatabaseSnapshot;
import org.dermread.cases.SignedIn;
import org.dermread.studies.DemoStudy;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo mode's finished study, built through the features' services: 12 simulated readers who cannot sign in, both
 * phases of every case, the demo model's real predictions, the study closed. Checked in the database, the way a
 * statistician's export would read it.
 */
@DermReadTest
class SimulatedReadersTest {

    @Autowired
    SimulatedReaders simulated;
    @Autowired
    DemoStudy demoStudy;
    @Autowired
    AccountBootstrap bootstrap;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StudyResultsService results;
    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void twelve_simulated_readers_read_every_demo_case_unaided_and_then_with_the_demo_models_predictions()
            throws IOException {
        bootstrap.ensureDemoAccounts(PasswordPolicy.generate());
        demoStudy.ensure().orElseThrow();

        long studyId = simulated.build(simulated.plan().orElseThrow());

        assertThat(jdbc.sql("select status from study where id = :s").param("s", studyId).query(String.class)
                .single()).isEqualTo("CLOSED");
        List<Map<String, Object>> readers = jdbc.sql("""
                        select a.username, a.enabled, p.years_dermatology, p.years_dermoscopy,
                               p.started_at is not null and p.unaided_finished_at < p.aided_finished_at as finished,
                               (select count(*) from answer x where x.participation_id = p.id
                                   and x.phase = 'UNAIDED') as unaided,
                               (select count(*) from answer x where x.participation_id = p.id
                                   and x.phase = 'AIDED') as aided
                          from participation p join account a on a.id = p.reader_id
                         where p.study_id = :s order by a.username
                        """).param("s", studyId).query().listOfRows();
        assertThat(readers).hasSize(SimulatedReaders.READERS).allSatisfy(reader -> {
            assertThat((String) reader.get("username")).startsWith("demo-sim-");
            assertThat(reader.get("enabled")).as("simulated readers cannot sign in").isEqualTo(false);
            assertThat((Integer) reader.get("years_dermoscopy"))
                    .isLessThanOrEqualTo((Integer) reader.get("years_dermatology"));
            assertThat(reader.get("finished")).isEqualTo(true);
            assertThat(reader.get("unaided")).isEqualTo(80L);
            assertThat(reader.get("aided")).isEqualTo(80L);
        });
        assertThat(jdbc.sql("""
                        select count(*) from answer a join participation p on p.id = a.participation_id
                         where p.study_id = :s and (a.answered_at < a.shown_at or a.answered_at > now())
                        """).param("s", studyId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from study_case_prediction where study_id = :s").param("s", studyId)
                .query(Integer.class).single()).as("the demo model's predictions of every case").isEqualTo(80);
        double unaidedAgreement = agreementWithTheAi(studyId, "UNAIDED");
        double aidedAgreement = agreementWithTheAi(studyId, "AIDED");
        assertThat(aidedAgreement).as("with the AI readers take its answer more often")
                .isGreaterThan(unaidedAgreement + 0.05);

        double ai = jdbc.sql("""
                        select avg(case when c.diagnosis = (
                                   select pr.labels[i] from generate_subscripts(pr.probabilities, 1) as i
                                    order by pr.probabilities[i] desc limit 1) then 1.0 else 0.0 end)
                          from study_case_prediction pr join clinical_case c on c.id = pr.case_id
                         where pr.study_id = :s
                        """).param("s", studyId).query(Double.class).single();
        List<Double> unaided = accuracyPerReader(studyId, "UNAIDED");
        List<Double> aided = accuracyPerReader(studyId, "AIDED");
        assertThat(ai).as("the demo model is about as accurate as a good dermatologist").isBetween(0.65, 0.95);
        assertThat(unaided).as("readers on both sides of the AI").anyMatch(a -> a < ai).anyMatch(a -> a > ai);
        assertThat(aided.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .as("readers are more accurate with the AI, on average")
                .isGreaterThan(unaided.stream().mapToDouble(Double::doubleValue).average().orElseThrow());

        // The two-arm collaboration study: 12 other simulated readers, each arm drawn balanced within groups.
        List<Map<String, Object>> arms = jdbc.sql("""
                        select p.arm, p.arm_group, s.status,
                               (select count(*) from answer x where x.participation_id = p.id) as answers
                          from participation p join study s on s.id = p.study_id
                         where s.name = :name
                        """).param("name", SimulatedReaders.COLLABORATION_NAME).query().listOfRows();
        assertThat(arms).hasSize(SimulatedReaders.READERS).allSatisfy(reader -> {
            assertThat(reader.get("status")).isEqualTo("CLOSED");
            assertThat(reader.get("arm")).isIn("A", "B");
            assertThat(reader.get("answers")).isEqualTo(160L);
        });
        Map<Object, Map<Object, Long>> byGroup = arms.stream().collect(Collectors.groupingBy(
                reader -> reader.get("arm_group"), Collectors.groupingBy(reader -> reader.get("arm"),
                        Collectors.counting())));
        assertThat(byGroup.values()).allSatisfy(counts -> assertThat(Math.abs(counts.getOrDefault("A", 0L)
                - counts.getOrDefault("B", 0L))).isLessThanOrEqualTo(1));
        assertThat(jdbc.sql("""
                        select count(*) from study_arm a join study s on s.id = a.study_id where s.name = :name
                        """).param("name", SimulatedReaders.COLLABORATION_NAME).query(Integer.class).single())
                .isEqualTo(2);
        collaborationIsAnalysed(jdbc.sql("select id from study where name = :name")
                .param("name", SimulatedReaders.COLLABORATION_NAME).query(Long.class).single());

        looksLikeAReaderStudy(studyId);

        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        assertThat(simulated.plan()).as("built once").isEmpty();
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    /**
     * What the demo statistician sees (issue 16): the AI's per-class ROC curves are curves, not corners; readers lie
     * on both sides of the AI; the MRMC comparison of the phases has an interval. The figures are printed and the
     * metrics.json written to target/ (the README's demo-study figures come from it).
     */
    private void looksLikeAReaderStudy(long studyId) throws IOException {
        SignedIn.as(accounts.create("demo-check-stats", Role.STATISTICIAN));
        StudyAnalysis analysis = results.analyse(results.snapshot(studyId));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/demo-study-metrics.json"), analysis.metricsJson());
        JsonNode metrics = new ObjectMapper().readTree(analysis.metricsJson());
        JsonNode ai = metrics.path("ai");
        List<Double> aucs = new ArrayList<>();
        ai.path("classes").forEach(c -> aucs.add(c.path("auc").path("auc").asDouble(Double.NaN)));
        List<Double> unaided = new ArrayList<>();
        metrics.path("phases").get(0).path("reader_results").forEach(r -> unaided.add(r.path("accuracy").asDouble()));
        JsonNode difference = metrics.path("mrmc").path("accuracy").path("jackknife")
                .path("random_readers_random_cases").path("differences").get(0);
        System.out.printf("Demo study: AI top-1 %.3f, AI AUC per class %s (macro %.3f); unaided reader accuracy %s;"
                + " MRMC accuracy %s - %s %.3f (%.3f to %.3f), p %.4f%n", ai.path("top1_accuracy").asDouble(), aucs,
                ai.path("macro_auc").asDouble(), unaided.stream().sorted().toList(),
                difference.path("modality_a").asText(), difference.path("modality_b").asText(),
                difference.path("estimate").asDouble(), difference.path("lower").asDouble(),
                difference.path("upper").asDouble(), difference.path("p").asDouble());

        assertThat(aucs).as("one AUC per class, each better than chance").hasSize(8)
                .allSatisfy(auc -> assertThat(auc).isGreaterThan(0.5).isLessThanOrEqualTo(1.0));
        assertThat(aucs.stream().filter(auc -> auc < 1.0).count())
                .as("the AI's ROC plots are mostly curves, not corners (AUC 1)").isGreaterThanOrEqualTo(6);
        double aiAccuracy = ai.path("top1_accuracy").asDouble();
        assertThat(unaided).as("readers on both sides of the AI").anyMatch(a -> a < aiAccuracy)
                .anyMatch(a -> a > aiAccuracy);
        assertThat(difference.path("lower").asDouble()).as("an MRMC interval, not a point")
                .isLessThan(difference.path("upper").asDouble());
    }

    /**
     * The demo's two-arm study reaches the statistician whole: from the database through the snapshot and the
     * bundle's readers.csv and arms.csv to metrics.json's collaboration section, one entry per arm with its readers.
     */
    private void collaborationIsAnalysed(long collaborationStudyId) throws IOException {
        SignedIn.as(accounts.create("demo-check-collaboration", Role.STATISTICIAN));
        StudyAnalysis analysis = results.analyse(results.snapshot(collaborationStudyId));
        JsonNode collaboration = new ObjectMapper().readTree(analysis.metricsJson()).path("collaboration");
        assertThat(collaboration.isObject()).as("metrics.json has the collaboration section").isTrue();
        List<String> armCodes = new ArrayList<>();
        int readers = 0;
        for (JsonNode arm : collaboration.path("arms")) {
            armCodes.add(arm.path("arm").asText());
            readers += arm.path("readers").asInt();
            assertThat(arm.path("help").isObject()).as("arm %s names its form of help", arm.path("arm")).isTrue();
            assertThat(arm.path("gain").path("estimate").isNumber()).isTrue();
        }
        assertThat(armCodes).containsExactly("A", "B");
        assertThat(readers).isEqualTo(SimulatedReaders.READERS);
        assertThat(collaboration.path("differences")).hasSize(1);
    }

    /** Each reader's share of correct answers in the phase, readers in name order. */
    private List<Double> accuracyPerReader(long studyId, String phase) {
        return jdbc.sql("""
                        select avg(case when a.diagnosis = c.diagnosis then 1.0 else 0.0 end)
                          from answer a join participation p on p.id = a.participation_id
                          join clinical_case c on c.id = a.case_id
                         where p.study_id = :s and a.phase = :phase
                         group by p.id order by p.id
                        """).param("s", studyId).param("phase", phase).query(Double.class).list();
    }

    /** Share of the phase's answers equal to the AI's most probable label. */
    private double agreementWithTheAi(long studyId, String phase) {
        return jdbc.sql("""
                        select avg(case when a.diagnosis = (
                                   select pr.labels[i] from generate_subscripts(pr.probabilities, 1) as i
                                    order by pr.probabilities[i] desc limit 1)
                                   then 1.0 else 0.0 end)
                          from answer a join participation p on p.id = a.participation_id
                          join study_case_prediction pr on pr.study_id = p.study_id and pr.case_id = a.case_id
                         where p.study_id = :s and a.phase = :phase
                        """).param("s", studyId).param("phase", phase).query(Double.class).single();
    }
}
