package org.dermread.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dermread.stats.ReferenceValues.PROPORTION;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

import org.dermread.bundle.ImrmcFile;
import org.dermread.stats.CovarianceMethod;
import org.dermread.stats.FigureOfMerit;
import org.dermread.stats.ImrmcReport;
import org.dermread.stats.ObuchowskiRockette;
import org.dermread.stats.OrResult;
import org.dermread.stats.MrmcData;
import org.dermread.stats.ReferenceValues;
import org.dermread.stats.RocCurve;
import org.dermread.stats.RocTableReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imrmc and roc modes against pROC and an independent R implementation of OR-Hillis. */
class ImrmcAndRocCommandTest {

    @Test
    void or_hillis_with_delong_covariances_matches_R_built_on_pROC_var_and_cov() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        MrmcData data = ImrmcFile.read(ReferenceValues.folder().resolve("mrmc-complete.imrmc"));
        assertThat(data.readers()).hasSize(6);
        ImrmcReport report = ImrmcReport.analyze(data, 0.95);
        OrChecks.check(expected, "complete.delong", report.comparisons().get(0).delong());
        OrChecks.check(expected, "complete.jackknife", report.comparisons().get(0).jackknife());
        for (int j = 1; j <= 6; j++) {
            expected.check("complete.reader" + j + ".modA.auc", report.readerAuc().get(j - 1).auc().auc(),
                    PROPORTION);
        }
    }

    @Test
    void sensitivity_and_specificity_or_hillis_match_R_with_delong_and_jackknife_covariances() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        MrmcData data = ImrmcFile.read(ReferenceValues.folder().resolve("mrmc-complete.imrmc"));
        double[][][] ratings = data.ratings();
        for (int j = 0; j < ratings[0].length; j++) {
            for (int c = 0; c < ratings[0][j].length; c++) {
                ratings[0][j][c] = ratings[0][j][c] >= 3 ? 1 : 0;
                ratings[1][j][c] = ratings[1][j][c] >= 1 ? 1 : 0;
            }
        }
        MrmcData binary = new MrmcData(data.modalities(), data.readers(), data.caseIds(), data.truth(), ratings);
        for (String what : new String[] {"sens", "spec"}) {
            FigureOfMerit fom = what.equals("sens") ? FigureOfMerit.SENSITIVITY : FigureOfMerit.SPECIFICITY;
            List<OrResult> both = ObuchowskiRockette.analyze(binary, fom,
                    List.of(CovarianceMethod.DELONG, CovarianceMethod.JACKKNIFE), 0.95);
            OrChecks.check(expected, "complete." + what + ".delong", both.get(0));
            OrChecks.check(expected, "complete." + what + ".jackknife", both.get(1));
        }
    }

    @Test
    void the_imrmc_mode_reproduces_the_published_van_dyke_or_dbm_output() throws Exception {
        Path file = Path.of(ImrmcAndRocCommandTest.class.getResource("/stats/vandyke/vandyke.imrmc").toURI());
        ImrmcReport report = ImrmcReport.analyze(ImrmcFile.read(file), 0.95);
        OrResult.OrTest rrrc = report.comparisons().get(0).jackknife().randomReadersRandomCases();
        assertThat(rrrc.statistic()).isCloseTo(4.46, within(0.005));
        assertThat(rrrc.df2()).isCloseTo(15.26, within(0.005));
        assertThat(rrrc.p()).isCloseTo(0.0517, within(0.00005));
        assertThat(rrrc.differences().get(0).lower()).isCloseTo(-0.08796, within(0.000005));
        assertThat(report.comparisons().get(0).jackknife().fixedReadersRandomCases().statistic())
                .isCloseTo(5.47595, within(0.000005));
        assertThat(report.readerAuc().get(0).auc().auc()).isCloseTo(0.91964573, within(1e-8));
    }

    @Test
    void jackknife_or_hillis_handles_readers_who_skipped_cases() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        MrmcData data = ImrmcFile.read(ReferenceValues.folder().resolve("mrmc-partial.imrmc"));
        ImrmcReport report = ImrmcReport.analyze(data, 0.95);
        OrChecks.check(expected, "partial.jackknife", report.comparisons().get(0).jackknife());
    }

    @Test
    void roc_table_aucs_intervals_coordinates_and_paired_tests_match_pROC() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        RocTableReader.Table table = RocTableReader.read(ReferenceValues.folder().resolve("roc-table.csv"));
        RocTableReport report = RocTableReport.analyze(table.names(), table.scores(), table.truth(), 0.95);
        for (RocTableReport.Score s : report.scores()) {
            String key = "roc." + s.name();
            expected.check(key + ".auc", s.auc().auc(), PROPORTION);
            expected.check(key + ".lower", s.auc().lower(), STATISTIC);
            expected.check(key + ".upper", s.auc().upper(), STATISTIC);
            assertThat((double) s.roc().size()).isEqualTo(expected.get(key + ".points"));
            expected.check(key + ".youden_sensitivity", s.youden().sensitivity(), PROPORTION);
            expected.check(key + ".youden_specificity", s.youden().specificity(), PROPORTION);
            RocCurve curve = new RocCurve(s.roc(), 0, 0);
            for (String spec : new String[] {"0.5", "0.8", "0.9"}) {
                expected.check(key + ".sens_at_spec_" + spec, curve.sensitivityAtSpecificity(Double.parseDouble(spec)),
                        PROPORTION);
            }
        }
        for (RocTableReport.Pair p : report.paired()) {
            String key = "roc." + p.scoreA() + "." + p.scoreB();
            expected.check(key + ".z", p.test().z(), STATISTIC);
            expected.check(key + ".p", p.test().p(), STATISTIC);
            expected.check(key + ".lower", p.test().lower(), STATISTIC);
            expected.check(key + ".upper", p.test().upper(), STATISTIC);
        }
    }

    @Test
    void the_roc_mode_reproduces_pROC_on_its_published_aSAH_example() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        RocTableReader.Table table = RocTableReader.read(ReferenceValues.folder().resolve("asah.csv"));
        RocTableReport report = RocTableReport.analyze(table.names(), table.scores(), table.truth(), 0.95);
        assertThat(report.cases()).isEqualTo(113);
        for (RocTableReport.Score s : report.scores()) {
            expected.check("asah." + s.name() + ".auc", s.auc().auc(), PROPORTION);
            expected.check("asah." + s.name() + ".lower", s.auc().lower(), STATISTIC);
            expected.check("asah." + s.name() + ".upper", s.auc().upper(), STATISTIC);
        }
        RocTableReport.Pair pair = report.paired().get(0);
        assertThat(pair.scoreA() + "-" + pair.scoreB()).isEqualTo("s100b-ndka");
        expected.check("asah.s100b.ndka.z", pair.test().z(), STATISTIC);
        expected.check("asah.s100b.ndka.p", pair.test().p(), STATISTIC);
        expected.check("asah.s100b.ndka.lower", pair.test().lower(), STATISTIC);
        expected.check("asah.s100b.ndka.upper", pair.test().upper(), STATISTIC);
    }

    @Test
    void the_cli_writes_json_files_for_each_mode_with_null_for_undefined_numbers(@TempDir Path dir)
            throws Exception {
        Path folder = ReferenceValues.folder();
        Path metrics = dir.resolve("metrics.json");
        assertThat(AnalyzeCommand.run(new String[] {"analyze", folder.resolve("bundle").toString(), "--out",
                metrics.toString(), "--bootstrap", "20"})).isZero();
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("schema_version", "settings", "study", "warnings", "ai", "phases", "mrmc",
                        "grouped", "collaboration");
        assertThat(json.get("collaboration").isNull()).as("a bundle without arms has no collaboration analysis")
                .isTrue();
        assertThat(json.at("/settings/bootstrap_replicates").asInt()).isEqualTo(20);
        assertThat(json.at("/settings/seed").asLong()).isEqualTo(7);
        assertThat(json.at("/ai/classes/4/auc").isNull()).isTrue();
        assertThat(json.at("/ai/classes/0/roc/0/threshold").isNumber()).isTrue();
        assertThat(json.at("/phases/0/phase").asText()).isEqualTo("unaided");
        assertThat(Files.readString(metrics)).doesNotContain("NaN").doesNotContain("Infinity");

        Path mrmc = dir.resolve("mrmc.json");
        assertThat(AnalyzeCommand.run(new String[] {"imrmc", folder.resolve("mrmc-complete.imrmc").toString(),
                "--out", mrmc.toString()})).isZero();
        assertThat(new ObjectMapper().readTree(mrmc.toFile())
                .at("/comparisons/0/delong/random_readers_random_cases/df2").asDouble()).isPositive();

        Path roc = dir.resolve("roc.json");
        assertThat(AnalyzeCommand.run(new String[] {"roc", folder.resolve("roc-table.csv").toString(), "--out",
                roc.toString()})).isZero();
        assertThat(new ObjectMapper().readTree(roc.toFile()).at("/scores/0/name").asText()).isEqualTo("model_a");
    }

    @Test
    void bad_usage_returns_status_two() throws Exception {
        assertThat(AnalyzeCommand.run(new String[] {"analyze"})).isEqualTo(2);
        assertThat(AnalyzeCommand.run(new String[] {"frobnicate", "x"})).isEqualTo(2);
    }
}
