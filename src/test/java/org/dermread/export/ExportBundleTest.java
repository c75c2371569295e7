package org.dermread.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.data.Offset;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.analysis.StudyResultsService;
import org.dermread.analysis.figures.RocPlot;
import org.dermread.cli.AnalyzeCommand;
import org.dermread.bundle.BundleFiles;
import org.dermread.reading.Phase;
import org.dermread.stats.StudyReport;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.Zips;
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
 * A finished two-phase study with AI predictions from the real demo model: its bundle has every file, anonymised,
 * with checksums; exports are reproducible; the analyze command on the unpacked bundle gives its metrics.json.
 */
@DermReadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportBundleTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    StudyResultsService results;
    @Autowired
    ExportService export;
    @Autowired
    TestReadings readings;

    Account coordinator;
    Account statistician;
    List<Account> readers;
    TestStudy study;
    byte[] bundle;

    @BeforeAll
    void aFinishedStudyWithPredictions() throws Exception {
        coordinator = accounts.create("export-coord", Role.COORDINATOR);
        statistician = accounts.create("export-stat", Role.STATISTICIAN);
        study = studies.openStudy(coordinator, 24, LABELS, Options.defaults().withConfidence().withAidedPhase());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        readers = List.of(accounts.create("export-reader", Role.READER), accounts.create("export-reader", Role.READER),
                accounts.create("export-reader", Role.READER));
        for (int r = 0; r < readers.size(); r++) {
            int seat = r;
            studies.giveProfile(readers.get(r), 2 + 6 * r);
            long participation = studies.invite(study, readers.get(r), 100 + r);
            readings.readAll(readers.get(r), participation, new TestReadings.Answerer() {
                @Override
                public String answer(long caseId, int i, Phase phase) {
                    // readers right on most cases, more often with the AI; wrong answers differ by reader
                    String truth = study.truth().get(caseId);
                    boolean right = (i + seat) % (phase == Phase.UNAIDED ? 3 : 5) != 0;
                    return right ? truth : LABELS.get((LABELS.indexOf(truth) + 1 + seat) % LABELS.size());
                }

                @Override
                public Integer confidence(long caseId, int i, Phase phase) {
                    return 1 + (i + seat) % 5;
                }
            }, Phase.UNAIDED, Phase.AIDED);
        }
        SignIn.as(statistician);
        bundle = export.bundle(study.studyId());
        SignIn.out();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void the_bundle_holds_every_file_with_the_expected_rows_and_columns() throws IOException {
        Map<String, byte[]> files = unzip(bundle);

        assertThat(files).containsKeys("cases.csv", "labels.csv", "readings.csv", "readers.csv", "ai_predictions.csv",
                "analysis.json", "metrics.json", "data-dictionary.md", "manifest.json", "imrmc/MN.imrmc",
                "plots/roc-unaided-MN.svg", "plots/roc-unaided-MN.png", "plots/roc-aided-BCC.pdf",
                "plots/roc-average-unaided.svg", "plots/roc-average-aided.pdf", "plots/tsne.svg", "plots/tsne.png",
                "plots/roc-panel-unaided.svg", "plots/confusion-aided.png", "report.pdf", "report.html");
        List<String> cases = lines(files, "cases.csv");
        assertThat(cases.get(0)).isEqualTo("case_id,truth,age,sex,body_site,confirmation,image_sha256");
        assertThat(cases).hasSize(1 + 24);
        List<String> readings = lines(files, "readings.csv");
        assertThat(readings.get(0))
                .isEqualTo("reader_id,case_id,phase,label,confidence,shown_at,answered_at,revision");
        assertThat(readings).hasSize(1 + 3 * 24 * 2);
        assertThat(readings.stream().skip(1).map(line -> line.split(",")[0]).distinct())
                .containsExactly("R001", "R002", "R003");
        assertThat(lines(files, "readers.csv")).hasSize(1 + 3);
        List<String> ai = lines(files, "ai_predictions.csv");
        assertThat(ai).hasSize(1 + 24);
        assertThat(ai.get(0)).startsWith("case_id,p_MN,p_BCC,p_SK,p_DF,p_AV,p_LP,p_Rosa,p_VW,raw_p_LP,raw_p_Rosa");
        for (String row : ai.subList(1, ai.size())) {
            String[] cells = row.split(",");
            double sum = 0;
            for (int i = 1; i <= LABELS.size(); i++) {
                sum += Double.parseDouble(cells[i]);
            }
            assertThat(sum).isCloseTo(1.0, Offset.offset(1e-6));
        }
        String imrmc = new String(files.get("imrmc/MN.imrmc"), StandardCharsets.UTF_8);
        assertThat(imrmc).contains("BEGIN DATA:");
        assertThat(imrmc.lines().filter(line -> line.startsWith("-1,"))).hasSize(24);
    }

    @Test
    void the_manifest_lists_every_other_file_with_its_sha256() throws IOException {
        Map<String, byte[]> files = unzip(bundle);
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        Matcher entry = Pattern.compile("\"([^\"]+)\": \\{\"sha256\": \"([0-9a-f]{64})\", \"bytes\": (\\d+)\\}")
                .matcher(manifest);
        int listed = 0;
        while (entry.find()) {
            byte[] content = files.get(entry.group(1));
            assertThat(content).as(entry.group(1)).isNotNull();
            assertThat(BundleFiles.sha256(content)).isEqualTo(entry.group(2));
            assertThat(content.length).isEqualTo(Integer.parseInt(entry.group(3)));
            listed++;
        }
        assertThat(listed).isEqualTo(files.size() - 1);
        assertThat(manifest).contains("\"model_sha256\": \"").contains("\"software\": \"DermRead ");
    }

    @Test
    void no_reader_name_or_login_appears_anywhere_in_the_bundle() throws IOException {
        for (Map.Entry<String, byte[]> file : unzip(bundle).entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.ISO_8859_1);
            for (Account reader : readers) {
                assertThat(text).as(file.getKey()).doesNotContain(reader.username())
                        .doesNotContain(reader.displayName());
            }
        }
    }

    @Test
    void exporting_the_same_study_twice_gives_identical_files_apart_from_the_manifest_time() throws IOException {
        SignIn.as(statistician);
        Map<String, byte[]> again = unzip(export.bundle(study.studyId()));
        Map<String, byte[]> first = unzip(bundle);

        assertThat(again.keySet()).isEqualTo(first.keySet());
        for (String name : first.keySet()) {
            if (name.equals("manifest.json")) {
                assertThat(withoutCreationTime(again.get(name))).isEqualTo(withoutCreationTime(first.get(name)));
            } else {
                assertThat(again.get(name)).as(name).isEqualTo(first.get(name));
            }
        }
    }

    @Test
    void the_analyze_command_on_the_unpacked_bundle_or_its_zip_reproduces_its_metrics(@TempDir Path folder)
            throws IOException {
        Map<String, byte[]> files = unzip(bundle);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Path out = folder.resolve("reanalysis.json");

        Path zip = Files.write(folder.resolve("bundle.zip"), bundle);
        Path outOfZip = folder.resolve("reanalysis-of-zip.json");

        AnalyzeCommand.main(new String[] {"analyze", folder.toString(), "--out", out.toString()});
        AnalyzeCommand.main(new String[] {"analyze", zip.toString(), "--out", outOfZip.toString()});

        assertThat(Files.readAllBytes(out)).isEqualTo(files.get("metrics.json"));
        assertThat(Files.readAllBytes(outOfZip)).isEqualTo(files.get("metrics.json"));
        String metrics = new String(files.get("metrics.json"), StandardCharsets.UTF_8);
        assertThat(metrics).contains("\"mrmc\":{").contains("\"top1_accuracy\":");
    }

    @Test
    void the_analyze_command_writes_the_bundles_own_report_byte_for_byte_in_either_language(@TempDir Path folder)
            throws IOException {
        SignIn.as(statistician);
        Map<String, byte[]> chinese = unzip(export.bundle(study.studyId(), Locale.SIMPLIFIED_CHINESE));
        assertThat(new String(chinese.get("manifest.json"), StandardCharsets.UTF_8))
                .contains("\"report_language\": \"zh\"").contains("\"model_name\": \"demo-skin-cnn\"");
        for (var language : List.of(Map.entry("en", unzip(bundle)), Map.entry("zh", chinese))) {
            Path unpacked = folder.resolve(language.getKey());
            for (Map.Entry<String, byte[]> file : language.getValue().entrySet()) {
                Path target = unpacked.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Path pdf = folder.resolve("report-" + language.getKey() + ".pdf");
            Path html = folder.resolve("report-" + language.getKey() + ".html");
            AnalyzeCommand.main(new String[] {"analyze", unpacked.toString(), "--report", pdf.toString(),
                "--language", language.getKey()});
            AnalyzeCommand.main(new String[] {"analyze", unpacked.toString(), "--report", html.toString(),
                "--language", language.getKey()});

            assertThat(Files.readAllBytes(pdf)).as("report.pdf, " + language.getKey())
                    .isEqualTo(language.getValue().get("report.pdf"));
            assertThat(Files.readAllBytes(html)).as("report.html, " + language.getKey())
                    .isEqualTo(language.getValue().get("report.html"));
            assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        assertThat(chinese).containsKeys("plots/roc-panel-unaided.svg", "plots/roc-panel-aided.png",
                "plots/confusion-unaided.pdf");
    }

    @Test
    void the_roc_plot_svg_parses_and_draws_one_point_per_reader_and_the_pdf_is_a_pdf() throws Exception {
        SignIn.as(statistician);
        StudyReport report = report();
        RocPlot plot = RocPlot.of(report, "MN", "unaided", Locale.ENGLISH);

        assertThat(plot.readerPoints()).isEqualTo(3);
        Files.createDirectories(Path.of("target/plots"));
        Files.write(Path.of("target/plots/roc-unaided-MN.svg"), plot.svgBytes());
        Files.write(Path.of("target/plots/roc-unaided-MN.png"), plot.png(300));
        Files.write(Path.of("target/plots/roc-unaided-MN.pdf"), plot.pdf());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(plot.svgBytes()));
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(countReaderMarks(plot.svg())).isEqualTo(3);
        byte[] pdf = plot.pdf();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1).strip()).endsWith("%%EOF");
        var png = ImageIO.read(new ByteArrayInputStream(plot.png(300)));
        assertThat(png.getWidth()).isEqualTo(Math.round(RocPlot.WIDTH * 300 / 72.0));
    }

    @Test
    void readers_and_other_coordinators_cannot_export_or_see_results() {
        SignIn.as(readers.get(0));
        assertThatThrownBy(() -> export.bundle(study.studyId())).isInstanceOf(AccessDeniedException.class);
        SignIn.as(accounts.create("other-coord", Role.COORDINATOR));
        assertThatThrownBy(() -> report()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> export.bundle(study.studyId())).isInstanceOf(AccessDeniedException.class);
        SignIn.as(coordinator);
        assertThat(report().study().cases()).isEqualTo(24);
    }

    private StudyReport report() {
        return results.analyse(results.snapshot(study.studyId())).report();
    }

    /**
     * Reader points: shapes filled with an experience-group colour inside the data area (the legend's samples of
     * the same colours are clipped to the whole chart, clip 0).
     */
    private static long countReaderMarks(String svg) {
        return Pattern.compile("fill:rgb\\((230,159,0|0,158,115|204,121,167|86,180,233|153,153,153)\\);stroke:none' "
                + "clip-path='url\\(#dermreadclip-(\\d+)\\)'").matcher(svg).results()
                .filter(match -> !match.group(2).equals("0")).count();
    }

    private static String withoutCreationTime(byte[] manifest) {
        return new String(manifest, StandardCharsets.UTF_8).replaceAll("\"created_at\": \"[^\"]+\"", "");
    }

    private static List<String> lines(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8).lines().toList();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        return Zips.unzip(zip);
    }
}
