package org.dermread.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dermread.analysis.figures.FigureText;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.MetricsJson;
import org.dermread.stats.ReferenceValues;
import org.dermread.stats.StudyReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The study report of the R reference bundle (10 readers, 150 cases, 5 labels of which DF has no case, two phases,
 * AI predictions) and of a one-reader study without AI: its tables against metrics.json read back with Jackson, no
 * raw NaN in either language, and the same bytes every time. The PDFs land in target/report/ to be looked at.
 */
class StudyReportDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BundleFiles files;
    private static BundleStudy study;
    private static StudyReport report;
    private static byte[] metrics;

    @BeforeAll
    static void analyseTheReferenceBundle() throws IOException {
        files = BundleFiles.readFolder(ReferenceValues.folder().resolve("bundle"), BundleReader.INPUT_FILES);
        study = BundleReader.read(files);
        report = study.analyze();
        metrics = MetricsJson.bytes(report);
    }

    private static StudyReportDocument.ReportInput input() {
        return StudyReportDocument.ReportInput.of("Reference study", "ab".repeat(32), "demo-skin-cnn", "2.0.0",
                study.study(), report, metrics, files);
    }

    @Test
    void the_report_tables_hold_the_numbers_of_metrics_json() throws IOException {
        JsonNode json = JSON.readTree(metrics);
        Document html = Jsoup.parse(new String(HtmlReport.write(StudyReportDocument.of(input(), Locale.ENGLISH)),
                StandardCharsets.UTF_8));

        JsonNode unaided = json.path("phases").get(0);
        assertThat(unaided.path("phase").asText()).isEqualTo("unaided");
        List<String> labels = JSON.convertValue(json.path("study").path("labels"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        Map<String, List<String>> rows = rows(html.getElementById("table-2-unaided"));
        for (int k = 0; k < labels.size(); k++) {
            String code = labels.get(k);
            List<String> row = rows.get(code);
            assertThat(row.get(1)).isEqualTo(json.path("study").path("cases_per_class").get(k).asText());
            JsonNode sensitivity = unaided.path("panel").path("per_class").get(k).path("sensitivity");
            assertThat(row.get(2)).isEqualTo(percentWithInterval(sensitivity));
            JsonNode auc = json.path("ai").path("classes").get(k).path("auc");
            assertThat(row.get(5)).isEqualTo(auc.isNull() ? "not estimable" : String.format(Locale.ROOT,
                    "%.3f (%.3f to %.3f)", auc.path("auc").asDouble(), auc.path("lower").asDouble(),
                    auc.path("upper").asDouble()));
            JsonNode point = unaided.path("ai_comparison").path("operating_points").get(k)
                    .path("ai_sensitivity_at_mean_specificity");
            assertThat(row.get(4)).isEqualTo(point.path("estimate").isNull() ? "not estimable"
                    : percentWithInterval(point.path("estimate"), point.path("lower"), point.path("upper")));
        }
        assertThat(rows.get("DF").get(2)).as("DF has no case").isEqualTo("not estimable");

        Map<String, List<String>> mrmc = rows(html.getElementById("table-mrmc"));
        JsonNode test = json.path("mrmc").path("accuracy").path("jackknife").path("random_readers_random_cases");
        JsonNode difference = test.path("differences").get(0);
        assertThat(difference.path("modality_a").asText()).isEqualTo("unaided");
        assertThat(mrmc.get("Top-1 accuracy").get(3)).as("aided - unaided = -(unaided - aided)")
                .isEqualTo(String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", -difference.path("estimate").asDouble(),
                        -difference.path("upper").asDouble(), -difference.path("lower").asDouble()));
        double p = difference.path("p").asDouble();
        assertThat(mrmc.get("Top-1 accuracy").get(5)).isEqualTo(p < 0.0001 ? "< 0.0001"
                : String.format(Locale.ROOT, "%.4f", p));

        Map<String, List<String>> readers = rows(html.getElementById("table-1"));
        assertThat(readers.get("Readers").get(1)).isEqualTo(String.valueOf(json.path("study").path("readers")
                .asInt()));
        assertThat(html.text()).contains(BundleFiles.sha256(metrics));
    }

    @Test
    void no_raw_nan_reaches_the_report_in_either_language() throws IOException {
        for (Locale locale : FigureText.LANGUAGES) {
            ReportDocument document = StudyReportDocument.of(input(), locale);
            String html = Jsoup.parse(new String(HtmlReport.write(document), StandardCharsets.UTF_8)).text();
            String pdf = pdfText(PdfReport.write(document));
            for (String text : List.of(html, pdf)) {
                assertThat(text).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("!report.");
            }
            assertThat(pdf).contains(locale.equals(FigureText.CHINESE) ? "无法估计" : "not estimable");
            assertThat(pdf).contains(locale.equals(FigureText.CHINESE) ? "阅片研究报告" : "Reader study report");
        }
    }

    @Test
    void the_same_analysis_gives_the_same_report_bytes() throws IOException {
        for (Locale locale : FigureText.LANGUAGES) {
            byte[] first = PdfReport.write(StudyReportDocument.of(input(), locale));
            byte[] second = PdfReport.write(StudyReportDocument.of(input(), locale));
            assertThat(second).isEqualTo(first);
            assertThat(HtmlReport.write(StudyReportDocument.of(input(), locale)))
                    .isEqualTo(HtmlReport.write(StudyReportDocument.of(input(), locale)));
            Files.createDirectories(Path.of("target/report"));
            Files.write(Path.of("target/report/reference-" + locale.getLanguage() + ".pdf"), first);
            Files.write(Path.of("target/report/reference-" + locale.getLanguage() + ".html"),
                    HtmlReport.write(StudyReportDocument.of(input(), locale)));
        }
    }

    @Test
    void a_one_reader_study_without_ai_says_so_once_and_shows_no_nan() throws IOException {
        String readings = "reader_id,case_id,phase,label,confidence\n" + "R001,c1,unaided,MN,\n"
                + "R001,c2,unaided,MN,\n" + "R001,c3,unaided,BCC,\n" + "R001,c4,unaided,BCC,\n";
        BundleFiles one = BundleFiles.of(Map.of("labels.csv", bytes("position,code\n1,MN\n2,BCC\n"),
                "cases.csv", bytes("case_id,truth\nc1,MN\nc2,BCC\nc3,BCC\nc4,MN\n"),
                "readings.csv", bytes(readings), "ai_predictions.csv", bytes("case_id,p_MN,p_BCC\n")));
        BundleStudy oneStudy = BundleReader.read(one);
        StudyReport oneReport = oneStudy.analyze();
        assertThat(oneReport.ai()).as("an AI file without rows is no AI").isNull();
        assertThat(oneReport.warnings()).noneMatch(w -> w.contains("the others"));
        byte[] oneMetrics = MetricsJson.bytes(oneReport);
        var input = StudyReportDocument.ReportInput.of("One reader", null, null, null, oneStudy.study(), oneReport,
                oneMetrics, one);
        for (Locale locale : FigureText.LANGUAGES) {
            ReportDocument document = StudyReportDocument.of(input, locale);
            String pdf = pdfText(PdfReport.write(document));
            String html = Jsoup.parse(new String(HtmlReport.write(document), StandardCharsets.UTF_8)).text();
            assertThat(pdf).doesNotContain("NaN");
            assertThat(html).doesNotContain("NaN");
            Files.createDirectories(Path.of("target/report"));
            Files.write(Path.of("target/report/one-reader-" + locale.getLanguage() + ".pdf"),
                    PdfReport.write(document));
        }
        String english = Jsoup.parse(new String(HtmlReport.write(StudyReportDocument.of(input, Locale.ENGLISH)),
                StandardCharsets.UTF_8)).text();
        assertThat(english).contains("This study has no AI predictions").doesNotContain("AI AUC");
    }

    /**
     * The reference bundle with names and a malignancy grouping (BCC malignant, the other four benign), as a bundle
     * of a study on a taxonomy with groups carries them.
     */
    private static BundleFiles groupedFiles() {
        return files.with(Map.of("analysis.json", bytes("""
                        {"bootstrap_replicates": 200, "seed": 7, "experience_cut_points": [3, 10],
                         "grouping": {"name": "malignancy", "groups": {"malignant": ["BCC"],
                                      "benign": ["MN", "SK", "Pso", "DF"]}}}
                        """), "labels.csv", bytes("""
                        position,code,name_en,name_zh,group
                        1,MN,melanocytic nevus,色素痣,benign
                        2,BCC,basal cell carcinoma,基底细胞癌,malignant
                        3,SK,seborrheic keratosis,脂溢性角化病,benign
                        4,Pso,psoriasis,银屑病,benign
                        5,DF,dermatofibroma,皮肤纤维瘤,benign
                        """)));
    }

    @Test
    void the_malignant_versus_benign_tables_hold_the_grouped_numbers_of_metrics_json() throws IOException {
        BundleFiles grouped = groupedFiles();
        BundleStudy groupedStudy = BundleReader.read(grouped);
        StudyReport groupedReport = groupedStudy.analyze();
        byte[] groupedMetrics = MetricsJson.bytes(groupedReport);
        var input = StudyReportDocument.ReportInput.of("Grouped study", "ab".repeat(32), "demo-skin-cnn", "2.0.0",
                groupedStudy.study(), groupedReport, groupedMetrics, grouped);
        JsonNode json = JSON.readTree(groupedMetrics).path("grouped");
        assertThat(json.path("study").path("labels").toString()).isEqualTo("[\"malignant\",\"benign\"]");
        Document html = Jsoup.parse(new String(HtmlReport.write(StudyReportDocument.of(input, Locale.ENGLISH)),
                StandardCharsets.UTF_8));

        assertThat(html.text()).contains("malignant: BCC (basal cell carcinoma); benign: MN (melanocytic nevus), "
                + "SK (seborrheic keratosis), Pso (psoriasis), DF (dermatofibroma)");
        assertThat(json.path("phases").size()).isEqualTo(2);
        for (JsonNode phase : json.path("phases")) {
            Map<String, List<String>> rows = rows(html.getElementById("table-grouped-" + phase.path("phase")
                    .asText()));
            for (int k = 0; k < 2; k++) {
                String group = json.path("study").path("labels").get(k).asText();
                List<String> row = rows.get(group);
                assertThat(row.get(1)).isEqualTo(json.path("study").path("cases_per_class").get(k).asText());
                JsonNode panel = phase.path("panel").path("per_class").get(k);
                assertThat(panel.path("code").asText()).isEqualTo(group);
                assertThat(row.get(2)).isEqualTo(percentWithInterval(panel.path("sensitivity")));
                assertThat(row.get(3)).isEqualTo(percentWithInterval(panel.path("specificity")));
                JsonNode point = phase.path("ai_comparison").path("operating_points").get(k)
                        .path("ai_sensitivity_at_mean_specificity");
                assertThat(row.get(4)).isEqualTo(percentWithInterval(point.path("estimate"), point.path("lower"),
                        point.path("upper")));
                JsonNode auc = json.path("ai").path("classes").get(k).path("auc");
                assertThat(row.get(5)).isEqualTo(String.format(Locale.ROOT, "%.3f (%.3f to %.3f)",
                        auc.path("auc").asDouble(), auc.path("lower").asDouble(), auc.path("upper").asDouble()));
            }
            assertThat(rows.get("Top-1 accuracy").get(2)).isEqualTo(percentWithInterval(phase.path("panel")
                    .path("accuracy")));
            // the empty cell under specificity is not among the row's texts
            assertThat(rows.get("Top-1 accuracy").get(3)).isEqualTo(String.format(Locale.ROOT, "AI: %.1f%%",
                    100 * json.path("ai").path("top1_accuracy").asDouble()));
        }
        Map<String, List<String>> mrmc = rows(html.getElementById("table-grouped-mrmc"));
        JsonNode difference = json.path("mrmc").path("accuracy").path("jackknife")
                .path("random_readers_random_cases").path("differences").get(0);
        assertThat(difference.path("modality_a").asText()).isEqualTo("unaided");
        assertThat(mrmc.get("Top-1 accuracy").get(3)).as("aided - unaided = -(unaided - aided)")
                .isEqualTo(String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", -difference.path("estimate").asDouble(),
                        -difference.path("upper").asDouble(), -difference.path("lower").asDouble()));
        assertThat(mrmc).containsKey("AUC malignant");

        for (Locale locale : FigureText.LANGUAGES) {
            ReportDocument document = StudyReportDocument.of(input, locale);
            String text = Jsoup.parse(new String(HtmlReport.write(document), StandardCharsets.UTF_8)).text();
            String pdf = pdfText(PdfReport.write(document));
            for (String written : List.of(text, pdf)) {
                assertThat(written).doesNotContain("NaN").doesNotContain("!report.");
            }
            Files.createDirectories(Path.of("target/report"));
            Files.write(Path.of("target/report/grouped-" + locale.getLanguage() + ".pdf"), PdfReport.write(document));
            Files.write(Path.of("target/report/grouped-" + locale.getLanguage() + ".html"),
                    HtmlReport.write(document));
        }
        Document chinese = Jsoup.parse(new String(HtmlReport.write(StudyReportDocument.of(input,
                FigureText.CHINESE)), StandardCharsets.UTF_8));
        assertThat(rows(chinese.getElementById("table-grouped-unaided"))).containsKeys("恶性", "良性");
        assertThat(chinese.text()).contains("恶性与良性").contains("BCC（基底细胞癌）");
    }

    @Test
    void an_analysis_without_a_grouping_has_no_malignancy_tables() {
        Document html = Jsoup.parse(new String(HtmlReport.write(StudyReportDocument.of(input(), Locale.ENGLISH)),
                StandardCharsets.UTF_8));
        assertThat(html.getElementById("table-grouped-unaided")).isNull();
        assertThat(html.text()).doesNotContain("Malignant versus benign");
    }

    private static String percentWithInterval(JsonNode estimate) {
        return percentWithInterval(estimate.path("mean"), estimate.path("mean_lower"), estimate.path("mean_upper"));
    }

    private static String percentWithInterval(JsonNode value, JsonNode lower, JsonNode upper) {
        if (value.isNull()) {
            return "not estimable";
        }
        String percent = String.format(Locale.ROOT, "%.1f%%", 100 * value.asDouble());
        return lower.isNull() ? percent : percent + String.format(Locale.ROOT, " (%.1f to %.1f)",
                100 * lower.asDouble(), 100 * upper.asDouble());
    }

    /** A table's body rows by their first cell. */
    private static Map<String, List<String>> rows(Element table) {
        assertThat(table).isNotNull();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element row : table.select("tbody tr")) {
            List<String> cells = row.select("td").eachText();
            rows.putIfAbsent(cells.get(0), cells);
        }
        return rows;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
