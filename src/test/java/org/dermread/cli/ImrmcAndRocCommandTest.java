package org.dermread.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dermread.stats.ReferenceValues.PROPORTION;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dermread.stats.ImrmcReport;
import org.dermread.stats.MrmcData;
import org.dermread.stats.ReferenceValues;
import org.dermread.stats.RocTableReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imrmc and roc modes against pROC and an independent R implementation of OR-Hillis. */
class ImrmcAndRocCommandTest {

    @Test
    void or_hillis_with_delong_covariances_matches_R_built_on_pROC_var_and_cov() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        MrmcData data = ImrmcReader.read(ReferenceValues.folder().resolve("mrmc-complete.imrmc"));
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
    void jackknife_or_hillis_handles_readers_who_skipped_cases() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        MrmcData data = ImrmcReader.read(ReferenceValues.folder().resolve("mrmc-partial.imrmc"));
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
            org.dermread.stats.RocCurve curve = new org.dermread.stats.RocCurve(s.roc(), 0, 0);
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
    void the_cli_writes_json_files_for_each_mode_with_null_for_undefined_numbers(@TempDir Path dir)
            throws Exception {
        Path folder = ReferenceValues.folder();
        Path metrics = dir.resolve("metrics.json");
        assertThat(AnalyzeCommand.run(new String[] {"analyze", folder.resolve("bundle").toString(), "--out",
                metrics.toString(), "--bootstrap", "20"})).isZero();
        JsonNode json = new ObjectMapper().readTree(metrics.toFile());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("schema_version", "settings", "study", "warnings", "ai", "phases", "mrmc");
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
