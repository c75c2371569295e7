package org.dermread.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dermread.stats.ReferenceValues.PROPORTION;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.TDistribution;
import org.dermread.stats.ReferenceValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a newcomer meets it: --help and --version, usage errors, and every family of figures read from
 * the JSON the commands print, against independent references: R's pROC 1.18 and R code written from the papers
 * (src/test/resources/stats/reference/generate_reference.R) and the output iMRMC 4.0.3 published for its own example
 * (src/test/resources/stats/imrmc).
 */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exit status, standard output and standard error of one run. */
    private record Run(int status, String out, String err) {

        JsonNode json() throws Exception {
            assertThat(status).as(err).isZero();
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String reference(String file) {
        return ReferenceValues.folder().resolve(file).toString();
    }

    @Test
    void help_for_the_application_and_for_each_command_prints_usage_and_exits_zero() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h"},
                new String[] {"help"})) {
            Run r = run(args);
            assertThat(r.status()).isZero();
            assertThat(r.out()).contains("usage: java -jar dermread.jar ").contains("<command> [options]")
                    .contains("analyze").contains("imrmc").contains("roc").contains("size");
            assertThat(r.err()).isEmpty();
        }
        Map<String, List<String>> options = Map.of(
                "analyze", List.of("--bootstrap N", "--seed S", "--level L", "--sens-at-spec", "--report FILE"),
                "imrmc", List.of("--level L", "truth"),
                "roc", List.of("--level L", "--bootstrap N", "--sens-at-spec", "--spec-at-sens"),
                "size", List.of("--effect D", "--power P", "--readers LIST", "--table"));
        for (Map.Entry<String, List<String>> command : options.entrySet()) {
            // --help wins wherever it stands, also after an input that does not exist
            for (String[] args : List.of(new String[] {command.getKey(), "--help"},
                    new String[] {command.getKey(), "no-such-input", "-h"})) {
                Run r = run(args);
                assertThat(r.status()).as(command.getKey()).isZero();
                assertThat(r.out()).startsWith("usage: java -jar dermread.jar " + command.getKey());
                command.getValue().forEach(option -> assertThat(r.out()).contains(option));
                assertThat(r.err()).isEmpty();
            }
        }
    }

    @Test
    void version_prints_the_version_the_pom_declares_and_exits_zero() throws Exception {
        Matcher m = Pattern.compile("<artifactId>dermread</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        Run r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("DermRead " + m.group(1));
    }

    @Test
    void bad_usage_names_the_problem_shows_the_commands_usage_and_exits_two() {
        Map<List<String>, String> cases = new HashMap<>();
        cases.put(List.of("frobnicate"), "unknown command frobnicate");
        cases.put(List.of("analyze"), "missing bundle folder or ZIP");
        cases.put(List.of("roc", "t.csv", "--levle", "0.9"), "unknown option --levle");
        cases.put(List.of("roc", "t.csv", "--level"), "option --level needs a value");
        cases.put(List.of("roc", "t.csv", "--level", "95"), "--level must lie strictly between 0 and 1, got 95");
        cases.put(List.of("roc", "t.csv", "--seed", "4"), "--seed goes with --bootstrap");
        cases.put(List.of("roc", "t.csv", "--bootstrap", "1"), "--bootstrap must be at least 2, got 1");
        cases.put(List.of("roc", "t.csv", "--sens-at-spec", "0.8,,0.9"), "--sens-at-spec has an empty item");
        cases.put(List.of("roc", "t.csv", "--sens-at-spec", "80"), "--sens-at-spec takes proportions");
        cases.put(List.of("roc", "a.csv", "b.csv"), "one ROC table only; unexpected b.csv");
        cases.put(List.of("size", "pilot"), "--effect needs the expected difference");
        cases.put(List.of("size", "pilot", "--effect", "0.05", "--covariance", "bootstrap"),
                "--covariance is jackknife, delong or unbiased, got bootstrap");
        cases.put(List.of("analyze", "b", "--language", "fr", "--report", "r.pdf"), "language must be en or zh");
        cases.put(List.of("imrmc", "f", "--pretty=yes"), "option --pretty takes no value");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            Run r = run(c.getKey().toArray(String[]::new));
            assertThat(r.status()).as(c.getKey().toString()).isEqualTo(2);
            assertThat(r.err()).as(c.getKey().toString()).contains(c.getValue()).contains("usage:");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void bad_input_names_the_file_and_exits_one(@TempDir Path dir) throws Exception {
        Run missing = run("imrmc", dir.resolve("nothing.imrmc").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("file not found").contains("nothing.imrmc");
        Path bad = dir.resolve("bad.imrmc");
        Files.writeString(bad, "BEGIN DATA:\n-1,c1,0,1\nr1,c1,A,high\n");
        Run unreadable = run("imrmc", bad.toString());
        assertThat(unreadable.status()).isEqualTo(1);
        assertThat(unreadable.err()).contains("bad.imrmc line 3: score is not a number: high");
    }

    @Test
    void roc_at_level_90_with_bootstrap_operating_points_coords_and_paired_covariance_matches_pROC()
            throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        JsonNode json = run("roc", reference("asah.csv"), "--level", "0.90", "--bootstrap", "2000", "--seed", "3",
                "--sens-at-spec", "0.8,0.9,0.95", "--spec-at-sens", "0.8,0.9").json();
        assertThat(json.at("/cases").asInt()).isEqualTo(113);
        for (JsonNode score : json.get("scores")) {
            String key = "cli.asah." + score.get("name").asText() + ".";
            JsonNode auc = score.get("auc");
            assertThat(auc.get("confidence_level").asDouble()).isEqualTo(0.9);
            expected.check(key + "lower90", auc.get("lower").asDouble(), STATISTIC);
            expected.check(key + "upper90", auc.get("upper").asDouble(), STATISTIC);
            for (JsonNode point : score.get("operating_points")) {
                String k = key + point.get("criterion").asText() + ".";
                expected.check(k + "sensitivity", point.get("sensitivity").asDouble(), PROPORTION);
                expected.check(k + "specificity", point.get("specificity").asDouble(), PROPORTION);
                expected.check(k + "accuracy", point.get("accuracy").asDouble(), PROPORTION);
                expected.check(k + "tp", point.get("true_positives").asDouble(), 0);
                expected.check(k + "fp", point.get("false_positives").asDouble(), 0);
                expected.check(k + "tn", point.get("true_negatives").asDouble(), 0);
                expected.check(k + "fn", point.get("false_negatives").asDouble(), 0);
                expected.check(k + "ties", point.get("tied_optima").asDouble(), 0);
            }
            assertThat(score.get("operating_points")).hasSize(2);
            for (JsonNode at : score.get("at_specificity")) {
                String target = at.get("target").asText();
                expected.check(key + "sens_at_spec_" + target, at.get("value").asDouble(), PROPORTION);
                expected.check(key + "conservative_sens_at_spec_" + target,
                        at.at("/conservative/sensitivity").asDouble(), PROPORTION);
                assertThat(at.at("/conservative/specificity").asDouble()).isGreaterThanOrEqualTo(at.get("target")
                        .asDouble());
            }
            assertThat(score.get("at_specificity")).hasSize(3);
            for (JsonNode at : score.get("at_sensitivity")) {
                String target = at.get("target").asText();
                expected.check(key + "spec_at_sens_" + target, at.get("value").asDouble(), PROPORTION);
                expected.check(key + "conservative_spec_at_sens_" + target,
                        at.at("/conservative/specificity").asDouble(), PROPORTION);
            }
            assertThat(score.get("at_sensitivity")).hasSize(2);
            // percentile bootstrap, 2000 stratified replicates in each: pROC's and ours differ by Monte Carlo error
            // only (the sd of a 5% quantile of 2000 replicates is about 0.005 here)
            JsonNode boot = score.get("bootstrap");
            assertThat(boot.get("replicates").asInt()).isEqualTo(2000);
            assertThat(boot.get("seed").asLong()).isEqualTo(3);
            assertThat(boot.get("lower").asDouble()).isCloseTo(expected.get(key + "boot_lower90"), within(0.02));
            assertThat(boot.get("upper").asDouble()).isCloseTo(expected.get(key + "boot_upper90"), within(0.02));
        }
        JsonNode pair = json.at("/paired/0");
        assertThat(pair.get("score_a").asText() + "-" + pair.get("score_b").asText()).isEqualTo("s100b-ndka");
        expected.check("cli.asah.s100b.ndka.cov", pair.at("/test/covariance").asDouble(), 1e-12);
        expected.check("cli.asah.s100b.ndka.var_a", pair.at("/test/variance_a").asDouble(), 1e-12);
        expected.check("cli.asah.s100b.ndka.lower90", pair.at("/test/lower").asDouble(), STATISTIC);
        expected.check("cli.asah.s100b.ndka.upper90", pair.at("/test/upper").asDouble(), STATISTIC);
    }

    @Test
    void the_same_bootstrap_seed_gives_the_same_interval_and_another_seed_another() throws Exception {
        JsonNode a = run("roc", reference("asah.csv"), "--bootstrap", "300", "--seed", "11").json();
        JsonNode b = run("roc", reference("asah.csv"), "--bootstrap", "300", "--seed", "11").json();
        JsonNode c = run("roc", reference("asah.csv"), "--bootstrap", "300", "--seed", "12").json();
        assertThat(b.at("/scores/0/bootstrap")).isEqualTo(a.at("/scores/0/bootstrap"));
        assertThat(c.at("/scores/0/bootstrap/lower").asDouble()).isNotEqualTo(a.at("/scores/0/bootstrap/lower")
                .asDouble());
    }

    @Test
    void analyze_options_set_the_level_targets_and_bootstrap_and_a_grouping_in_analysis_json_is_analysed(
            @TempDir Path dir) throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        Path bundle = dir.resolve("bundle");
        Files.createDirectories(bundle);
        try (var files = Files.list(ReferenceValues.folder().resolve("bundle"))) {
            for (Path f : files.toList()) {
                Files.copy(f, bundle.resolve(f.getFileName()));
            }
        }
        // the reference study's own grouping (generate_reference.R): MN and BCC against SK, Pso and DF
        Files.writeString(bundle.resolve("analysis.json"), """
                {"bootstrap_replicates": 200, "seed": 7, "experience_cut_points": [3, 10],
                 "grouping": {"name": "ab", "groups": {"groupA": ["MN", "BCC"], "groupB": ["SK", "Pso", "DF"]}}}""");
        JsonNode json = run("analyze", bundle.toString(), "--level", "0.9", "--bootstrap", "20", "--seed", "5",
                "--sens-at-spec", "0.9").json();
        assertThat(json.at("/settings/confidence_level").asDouble()).isEqualTo(0.9);
        assertThat(json.at("/settings/bootstrap_replicates").asInt()).isEqualTo(20);
        assertThat(json.at("/settings/seed").asLong()).isEqualTo(5);
        for (JsonNode c : json.at("/ai/classes")) {
            String code = c.get("code").asText();
            if (code.equals("DF")) {
                continue;
            }
            expected.check("cli.ai." + code + ".lower90", c.at("/auc/lower").asDouble(), STATISTIC);
            expected.check("cli.ai." + code + ".upper90", c.at("/auc/upper").asDouble(), STATISTIC);
            expected.check("cli.ai." + code + ".sens_at_spec_0.9", c.at("/at_specificity/0/value").asDouble(),
                    PROPORTION);
        }
        JsonNode grouped = json.get("grouped");
        assertThat(grouped.at("/grouping/groups").toString()).isEqualTo("[\"groupA\",\"groupB\"]");
        assertThat(grouped.at("/study/labels").toString()).isEqualTo("[\"groupA\",\"groupB\"]");
        expected.check("grouped.ai.auc", grouped.at("/ai/classes/0/auc/auc").asDouble(), PROPORTION);
        expected.check("grouped.ai.top1_accuracy", grouped.at("/ai/top1_accuracy").asDouble(), PROPORTION);
        int readers = 0;
        for (JsonNode phase : grouped.get("phases")) {
            for (JsonNode r : phase.get("reader_results")) {
                String key = "grouped." + phase.get("phase").asText() + ".reader." + r.get("reader_id").asText() + ".";
                expected.check(key + "accuracy", r.get("accuracy").asDouble(), PROPORTION);
                expected.check(key + "sensitivity", r.at("/per_class/0/sensitivity").asDouble(), PROPORTION);
                expected.check(key + "specificity", r.at("/per_class/0/specificity").asDouble(), PROPORTION);
                readers++;
            }
        }
        assertThat(readers).isEqualTo(20);
        assertThat(grouped.at("/mrmc/accuracy")).isNotNull();

        Files.writeString(bundle.resolve("analysis.json"),
                "{\"grouping\": {\"groups\": {\"a\": [\"MN\", \"MEL\"], \"b\": [\"BCC\", \"SK\", \"Pso\", \"DF\"]}}}");
        Run wrong = run("analyze", bundle.toString(), "--bootstrap", "0");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("names labels the study lacks: [MEL]");
    }

    @Test
    void imrmc_reads_imrmcs_own_example_as_published_and_matches_the_published_imrmc_output() throws Exception {
        Path input = Path.of(CommandLineTest.class.getResource("/stats/imrmc/input.imrmc").toURI());
        Map<String, Double> published = published();
        JsonNode json = run("imrmc", input.toString()).json();
        assertThat(json.get("cases").asInt()).isEqualTo(80);
        JsonNode u = json.at("/comparisons/0/u_statistics");
        for (JsonNode r : u.get("reader_auc")) {
            String key = "perReader." + r.get("reader").asText() + "." + r.get("modality").asText() + ".NO_MOD.";
            check(published, key + "AUCA", r.get("auc").asDouble());
            check(published, key + "varAUCA", r.get("variance").asDouble());
        }
        for (JsonNode m : u.get("modality_auc")) {
            String key = "Ustat." + m.get("modality").asText() + ".NO_MOD.";
            check(published, key + "AUCA", m.get("auc").asDouble());
            check(published, key + "varAUCA", m.get("variance").asDouble());
            check(published, key + "dfHillis", m.at("/tests/hillis/df").asDouble());
            check(published, key + "botCIHillis", m.at("/tests/hillis/lower").asDouble());
            check(published, key + "topCIHillis", m.at("/tests/hillis/upper").asDouble());
        }
        JsonNode d = u.at("/differences/0");
        assertThat(d.get("modality_a").asText() + "-" + d.get("modality_b").asText()).isEqualTo("testA-testB");
        check(published, "Ustat.testA.testB.AUCAminusAUCB", d.get("estimate").asDouble());
        check(published, "Ustat.testA.testB.varAUCAminusAUCB", d.get("variance").asDouble());
        check(published, "Ustat.testA.testB.pValueHillis", d.at("/tests/hillis/p").asDouble());
        check(published, "Ustat.testA.testB.botCIHillis", d.at("/tests/hillis/lower").asDouble());

        // OR with U-statistic (unbiased) covariances: iMRMC's published OR components
        JsonNode unbiased = json.at("/comparisons/0/unbiased");
        assertThat(unbiased.get("covariance_method").asText()).isEqualTo("UNBIASED");
        check(published, "OR.testA.testB.ERROR", unbiased.at("/components/error_variance").asDouble());
        check(published, "OR.testA.testB.COV1", unbiased.at("/components/cov1").asDouble());
        check(published, "OR.testA.testB.COV2", unbiased.at("/components/cov2").asDouble());
        check(published, "OR.testA.testB.COV3", unbiased.at("/components/cov3").asDouble());
        check(published, "OR.testA.testB.TR", unbiased.at("/components/var_treatment_reader").asDouble());
        check(published, "Ustat.testA.testB.dfHillis", unbiased.at("/random_readers_random_cases/df2").asDouble());

        // --level 0.90: iMRMC's own rule (its R hypothesisTest_t: Student's t with floor(df) degrees of freedom; its
        // printed 95% interval above follows it) applied to its published estimate, variance and BDG df
        JsonNode at90 = run("imrmc", input.toString(), "--level", "0.90").json()
                .at("/comparisons/0/u_statistics/differences/0/tests/bdg");
        double half = new TDistribution(Math.floor(published.get("Ustat.testA.testB.dfBDG")))
                .inverseCumulativeProbability(0.95) * Math.sqrt(published.get("Ustat.testA.testB.varAUCAminusAUCB"));
        assertThat(at90.get("lower").asDouble()).isCloseTo(
                published.get("Ustat.testA.testB.AUCAminusAUCB") - half, within(1e-6));
        assertThat(at90.get("upper").asDouble()).isCloseTo(
                published.get("Ustat.testA.testB.AUCAminusAUCB") + half, within(1e-6));
    }

    @Test
    void imrmc_dbm_on_the_van_dyke_data_matches_the_published_jafroc_and_or_dbm_mrmc_output() throws Exception {
        // JAFROC 4.2.1 (RJafroc inst/JAFROC/VanDykeROC.txt) and OR-DBM MRMC 2.51 (RJafroc inst/IowaResults/VanDyke.txt)
        Path file = Path.of(CommandLineTest.class.getResource("/stats/vandyke/vandyke.imrmc").toURI());
        JsonNode dbm = run("imrmc", file.toString()).json().at("/comparisons/0/dbm");
        assertThat(dbm.get("cases").asInt()).isEqualTo(114);
        double[][] meanSquares = {
            {dbm.at("/anova/treatment/mean_square").asDouble(), 0.54676316},
            {dbm.at("/anova/reader/mean_square").asDouble(), 0.43732679},
            {dbm.at("/anova/cases/mean_square").asDouble(), 0.39686891},
            {dbm.at("/anova/treatment_reader/mean_square").asDouble(), 0.06281753},
            {dbm.at("/anova/treatment_case/mean_square").asDouble(), 0.09984813},
            {dbm.at("/anova/reader_case/mean_square").asDouble(), 0.06450099},
            {dbm.at("/anova/treatment_reader_case/mean_square").asDouble(), 0.03997167}};
        for (double[] ms : meanSquares) {
            // JAFROC rounds its AUCs (reader 2: 0.85877615 for 0.85877617), so 5e-6 relative
            assertThat(ms[0]).isCloseTo(ms[1], within(5e-6 * ms[1]));
        }
        assertThat(dbm.at("/components/cases").asDouble()).isCloseTo(0.02724923, within(5e-9));
        assertThat(dbm.at("/components/treatment_reader").asDouble()).isCloseTo(0.00020040, within(5e-9));
        assertThat(dbm.at("/random_readers_random_cases/statistic").asDouble()).isCloseTo(4.46, within(0.005));
        assertThat(dbm.at("/random_readers_random_cases/df2").asDouble()).isCloseTo(15.26, within(0.005));
        assertThat(dbm.at("/random_readers_random_cases/p").asDouble()).isCloseTo(0.0517, within(0.00005));
        assertThat(dbm.at("/fixed_readers_random_cases/statistic").asDouble()).isCloseTo(5.48, within(0.005));
        assertThat(dbm.at("/fixed_readers_random_cases/p").asDouble()).isCloseTo(0.0210, within(0.00005));
        assertThat(dbm.at("/random_readers_fixed_cases/statistic").asDouble()).isCloseTo(8.70, within(0.005));
        assertThat(dbm.at("/reader_differences/4/difference/estimate").asDouble()).isCloseTo(-0.10016,
                within(0.000005));
    }

    @Test
    void size_from_a_bundle_pilot_matches_a_power_search_in_R() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        JsonNode json = run("size", reference("bundle"), "--effect", "0.05", "--power", "0.8", "--figure",
                "sensitivity", "--class", "MN", "--readers", "5,10", "--cases", "150").json();
        assertThat(json.at("/pilot/components/cases").asInt()).isEqualTo(150);
        expected.check("sizing.bundle.varTR", json.at("/pilot/components/var_treatment_reader").asDouble(), 1e-9);
        JsonNode table = json.get("for_power");
        assertThat(table.at("/0/readers").asInt()).isEqualTo(5);
        assertThat(table.at("/0/cases").asDouble()).isEqualTo(expected.get("sizing.bundle.power80.J5.K"));
        assertThat(table.at("/1/cases").asDouble()).isEqualTo(expected.get("sizing.bundle.power80.J10.K"));
        assertThat(table.at("/0/power").asDouble()).isBetween(0.8, 0.81);
        expected.check("sizing.bundle.J5.K150.power", json.at("/grid/0/power").asDouble(), 1e-6);
        expected.check("sizing.bundle.J10.K150.power", json.at("/grid/1/power").asDouble(), 1e-6);

        Run text = run("size", reference("bundle"), "--effect", "0.05", "--figure", "sensitivity", "--class", "MN",
                "--readers", "5,10", "--table");
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("readers    cases    power")
                .containsPattern("\\n\\s+5\\s+" + (int) expected.get("sizing.bundle.power80.J5.K") + "\\s+0\\.80")
                .containsPattern("\\n\\s+10\\s+" + (int) expected.get("sizing.bundle.power80.J10.K") + "\\s+0\\.80");
    }

    @Test
    void size_from_an_imrmc_pilot_matches_a_power_search_in_R() throws Exception {
        ReferenceValues expected = ReferenceValues.load();
        JsonNode json = run("size", reference("mrmc-complete.imrmc"), "--effect", "0.05", "--readers", "4,8",
                "--cases", "200", "--covariance", "jackknife").json();
        assertThat(json.at("/pilot/figure_of_merit").asText()).isEqualTo("AUC");
        assertThat(json.at("/for_power/0/cases").asDouble()).isEqualTo(expected.get("sizing.imrmc.power80.J4.K"));
        assertThat(json.at("/for_power/1/cases").asDouble()).isEqualTo(expected.get("sizing.imrmc.power80.J8.K"));
        expected.check("sizing.imrmc.J4.K200.power", json.at("/grid/0/power").asDouble(), 1e-6);
        expected.check("sizing.imrmc.J8.K200.power", json.at("/grid/1/power").asDouble(), 1e-6);
        Run bundleOnly = run("size", reference("mrmc-complete.imrmc"), "--effect", "0.05", "--figure", "accuracy");
        assertThat(bundleOnly.status()).isEqualTo(2);
        assertThat(bundleOnly.err()).contains("--figure and --class go with bundles");
    }

    /** iMRMC 4.0.3's published output for its example (extract_published.R). */
    private static Map<String, Double> published() throws Exception {
        Map<String, Double> map = new HashMap<>();
        Path csv = Path.of(CommandLineTest.class.getResource("/stats/imrmc/imrmc-4.0.3-output.csv").toURI());
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("key,")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            String v = line.substring(comma + 1).trim();
            map.put(line.substring(0, comma), v.equals("NA") ? Double.NaN : Double.parseDouble(v));
        }
        return map;
    }

    /** To iMRMC's printed precision (6 to 9 significant digits). */
    private static void check(Map<String, Double> published, String key, double actual) {
        Double expected = published.get(key);
        assertThat(expected).as("published " + key).isNotNull();
        assertThat(actual).as(key).isCloseTo(expected, within(2e-6 * Math.abs(expected) + 1e-9));
    }
}
