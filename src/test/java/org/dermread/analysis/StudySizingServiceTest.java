package org.dermread.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cli.AnalyzeCommand;
import org.dermread.export.ExportService;
import org.dermread.reading.Phase;
import org.dermread.stats.CovarianceMethod;
import org.dermread.stats.FigureOfMerit;
import org.dermread.stats.StudySizing;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Study sizing on the results page: the service's table for a finished two-phase study is the CLI's {@code size}
 * output on the same study's export bundle, one design's power agrees with an independent computation, and a study
 * that cannot be a pilot says why.
 */
@DermReadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudySizingServiceTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");

    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    StudyResultsService results;
    @Autowired
    ExportService export;

    Account coordinator;
    Account statistician;
    TestStudy twoPhases;
    TestStudy unaidedOnly;
    TestStudy oneReader;

    @BeforeAll
    void studies() throws InterruptedException {
        coordinator = accounts.create("sizing-coord", Role.COORDINATOR);
        statistician = accounts.create("sizing-stat", Role.STATISTICIAN);
        twoPhases = studies.openStudy(coordinator, 30, LABELS, Options.defaults().withConfidence().withAidedPhase());
        // the aided phase opens once the AI has predicted every case (the real demo model)
        assertThat(readings.predictWithDemoModel(coordinator, twoPhases)).isTrue();
        read(twoPhases, 5, Phase.UNAIDED, Phase.AIDED);
        unaidedOnly = studies.openStudy(coordinator, 20, LABELS, Options.defaults().withConfidence());
        read(unaidedOnly, 3, Phase.UNAIDED);
        oneReader = studies.openStudy(coordinator, 20, LABELS, Options.defaults().withConfidence().withAidedPhase());
        assertThat(readings.predictWithDemoModel(coordinator, oneReader)).isTrue();
        read(oneReader, 1, Phase.UNAIDED, Phase.AIDED);
    }

    /** Readers right on most cases, more often with the AI; who is wrong where differs by reader and phase. */
    private void read(TestStudy study, int count, Phase... phases) {
        for (int r = 0; r < count; r++) {
            Account reader = accounts.create("sizing-reader", Role.READER);
            int seat = r;
            studies.giveProfile(reader, 2 + 4 * r);
            long participation = studies.invite(study, reader, 300 + r);
            readings.readAll(reader, participation, new TestReadings.Answerer() {
                @Override
                public String answer(long caseId, int i, Phase phase) {
                    String truth = study.truth().get(caseId);
                    boolean right = (caseId * 7 + seat * 3) % (phase == Phase.UNAIDED ? 3 + seat % 2 : 5) != 0;
                    return right ? truth : LABELS.get((LABELS.indexOf(truth) + 1 + seat) % LABELS.size());
                }

                @Override
                public Integer confidence(long caseId, int i, Phase phase) {
                    return 1 + (int) ((caseId + i + seat) % 5);
                }
            }, phases);
        }
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private StudyAnalysis analysis(TestStudy study) {
        return results.analyse(results.snapshot(study.studyId()));
    }

    @Test
    void the_sizing_table_is_the_size_command_s_table_for_the_study_s_export_bundle(@TempDir Path dir)
            throws Exception {
        SignIn.as(statistician);
        StudyAnalysis analysis = analysis(twoPhases);
        Path bundle = dir.resolve("bundle.zip");
        Files.write(bundle, export.bundle(twoPhases.studyId()));
        for (String[] figure : new String[][] {{"accuracy", null}, {"auc", "MN"}}) {
            FigureOfMerit fom = figure[1] == null ? FigureOfMerit.PROPORTION : FigureOfMerit.AUC;
            SizingResult sizing = results.size(analysis,
                    new SizingRequest(fom, figure[1], CovarianceMethod.JACKKNIFE, 0.1, 0.8, 0.05));
            assertThat(sizing.unavailable()).as(sizing.detail()).isNull();
            Path out = dir.resolve(figure[0] + ".json");
            List<String> args = new ArrayList<>(List.of("size", bundle.toString(), "--effect", "0.1", "--power", "0.8",
                    "--alpha", "0.05", "--figure", figure[0], "--out", out.toString()));
            if (figure[1] != null) {
                args.addAll(List.of("--class", figure[1]));
            }
            AnalyzeCommand.main(args.toArray(String[]::new));
            JsonNode cli = new ObjectMapper().readTree(out.toFile());
            JsonNode rows = cli.get("for_power");
            assertThat(sizing.designs()).hasSize(rows.size()).hasSize(StudySizing.DEFAULT_READERS.size());
            for (int i = 0; i < rows.size(); i++) {
                StudySizing.Design d = sizing.designs().get(i);
                assertThat(d.readers()).isEqualTo(rows.get(i).get("readers").asInt());
                assertThat(d.cases()).isEqualTo(rows.get(i).get("cases").asInt());
                assertThat(d.power()).isEqualTo(rows.get(i).get("power").asDouble());
            }
            assertThat(sizing.readers()).isEqualTo(5).isEqualTo(cli.get("pilot").get("readers").asInt());
            assertThat(sizing.pilot().cases()).isEqualTo(30);
            assertThat(sizing.pilot().cov1()).isEqualTo(cli.get("pilot").get("components").get("cov1").asDouble());
            assertThat(sizing.designs()).anySatisfy(d -> assertThat(d.cases()).isPositive());
        }
    }

    /**
     * The power of one design from the pilot's components, computed here without the application's noncentral F:
     * D, ddf and lambda written out again from Hillis, Obuchowski &amp; Berbaum (2011, Acad Radiol 18:129-142), and,
     * since F'(1, ddf, lambda) is the square of a noncentral t with ddf df and noncentrality sqrt(lambda) (Johnson,
     * Kotz &amp; Balakrishnan, Continuous Univariate Distributions vol. 2, 2nd ed., ch. 30-31), the power
     * P(F' &gt; F(1 - alpha; 1, ddf)) as the chi-square mixture of normal tails
     * E[P(|Z + sqrt(lambda)| &gt; t sqrt(V / ddf))], V ~ chi^2(ddf), integrated numerically with commons-math's
     * central distributions.
     */
    @Test
    void a_design_s_power_agrees_with_an_independent_noncentral_t_computation() {
        SignIn.as(coordinator);
        SizingResult sizing = results.size(analysis(twoPhases),
                new SizingRequest(FigureOfMerit.PROPORTION, null, CovarianceMethod.JACKKNIFE, 0.1, 0.8, 0.05));
        StudySizing.Pilot p = sizing.pilot();
        StudySizing.Design design = sizing.designs().stream().filter(d -> d.cases() > 0).findFirst().orElseThrow();
        int r = design.readers();
        double scale = (double) p.cases() / design.cases();
        double varTr = Math.max(p.varTreatmentReader(), 0);
        double cov23 = Math.max(p.cov2() - p.cov3(), 0);
        double denominator = varTr + scale * (p.errorVariance() - p.cov1() + (r - 1) * cov23);
        double msTr = varTr + scale * (p.errorVariance() - p.cov1() - cov23);
        double ddf = (r - 1) * denominator * denominator / (msTr * msTr);
        double lambda = r * 0.1 * 0.1 / (2 * denominator);
        double t = Math.sqrt(new FDistribution(null, 1, ddf).inverseCumulativeProbability(0.95));
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, ddf);
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        double delta = Math.sqrt(lambda);
        // Simpson's rule over the chi-square density, far into both tails
        double lo = chi.inverseCumulativeProbability(1e-12);
        double hi = chi.inverseCumulativeProbability(1 - 1e-12);
        int steps = 20_000;
        double h = (hi - lo) / steps;
        double power = 0;
        for (int i = 0; i <= steps; i++) {
            double v = lo + i * h;
            double c = t * Math.sqrt(v / ddf);
            double tail = z.cumulativeProbability(-c - delta) + 1 - z.cumulativeProbability(c - delta);
            power += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * tail * chi.density(v);
        }
        power *= h / 3;
        assertThat(design.ddf()).isCloseTo(ddf, within(1e-9 * ddf));
        assertThat(design.power()).isCloseTo(power, within(1e-6));
        assertThat(design.power()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void a_study_that_cannot_be_a_pilot_says_why_instead_of_a_table() {
        SignIn.as(statistician);
        SizingRequest accuracy = new SizingRequest(FigureOfMerit.PROPORTION, null, CovarianceMethod.JACKKNIFE, 0.05,
                0.8, 0.05);
        SizingResult single = results.size(analysis(unaidedOnly), accuracy);
        assertThat(single.unavailable()).isEqualTo(SizingResult.Unavailable.NO_COMPARISON);
        assertThat(single.designs()).isEmpty();
        SizingResult alone = results.size(analysis(oneReader), accuracy);
        assertThat(alone.unavailable()).isEqualTo(SizingResult.Unavailable.TOO_FEW_READERS);
        SizingResult unknown = results.size(analysis(twoPhases),
                new SizingRequest(FigureOfMerit.AUC, "VASC", CovarianceMethod.JACKKNIFE, 0.05, 0.8, 0.05));
        assertThat(unknown.unavailable()).isEqualTo(SizingResult.Unavailable.NOT_ESTIMATED);
        assertThat(unknown.detail()).contains("no class VASC");
        assertThatThrownBy(() -> new SizingRequest(FigureOfMerit.PROPORTION, null, CovarianceMethod.JACKKNIFE, 0,
                0.8, 0.05)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-zero");
    }

    @Test
    void only_those_who_may_read_the_study_s_results_get_a_sizing() {
        SignIn.as(statistician);
        StudyAnalysis analysis = analysis(twoPhases);
        SizingRequest accuracy = new SizingRequest(FigureOfMerit.PROPORTION, null, CovarianceMethod.JACKKNIFE, 0.05,
                0.8, 0.05);
        SignIn.as(accounts.create("sizing-other-coord", Role.COORDINATOR));
        assertThatThrownBy(() -> results.size(analysis, accuracy)).isInstanceOf(AccessDeniedException.class);
        SignIn.as(accounts.create("sizing-reader-snoop", Role.READER));
        assertThatThrownBy(() -> results.size(analysis, accuracy)).isInstanceOf(AccessDeniedException.class);
    }
}
