package org.dermread.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dermread.analysis.figures.FigureText;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.MetricsJson;
import org.dermread.bundle.SimulatedCollaboration;
import org.dermread.stats.StudyReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The study report's collaboration chapter, for a simulated two-arm study read from its bundle files: its tables
 * hold the numbers of metrics.json, in English and Chinese, without NaN, in HTML and PDF (written to target/report/ to
 * be looked at); a study without arms has no such chapter.
 */
class CollaborationChapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BundleFiles files;
    private static BundleStudy study;
    private static StudyReport report;
    private static byte[] metrics;

    @BeforeAll
    static void analyse() {
        files = BundleFiles.of(SimulatedCollaboration.files(160, 6, 3, 200, 0.95));
        study = BundleReader.read(files);
        report = study.analyze();
        metrics = MetricsJson.bytes(report);
    }

    private static ReportDocument document(Locale locale) {
        return StudyReportDocument.of(StudyReportDocument.ReportInput.of("Collaboration study", "cd".repeat(32),
                "demo-skin-cnn", "2.0.0", study.study(), report, metrics, files), locale);
    }

    @Test
    void the_chapter_tables_hold_the_numbers_of_metrics_json() throws IOException {
        JsonNode arms = JSON.readTree(metrics).path("collaboration").path("arms");
        Document html = Jsoup.parse(new String(HtmlReport.write(document(Locale.ENGLISH)), StandardCharsets.UTF_8));
        List<Element> rows = html.getElementById("table-collab-arms").select("tbody tr");
        assertThat(rows).hasSize(2);
        for (int a = 0; a < 2; a++) {
            List<String> cells = rows.get(a).select("td").eachText();
            JsonNode arm = arms.get(a);
            assertThat(cells.get(0)).isEqualTo(arm.path("name").asText() + " (" + arm.path("arm").asText() + ")");
            assertThat(cells.get(2)).isEqualTo(arm.path("readers").asText());
            assertThat(cells.get(5)).isEqualTo(percentWithInterval(arm.path("gain")));
        }
        assertThat(rows.get(1).select("td").eachText().get(1)).isEqualTo("similar cases (k = 8), saliency map");
        List<String> reliance = html.getElementById("table-collab-reliance").select("tbody tr").get(0).select("td")
                .eachText();
        assertThat(reliance.get(1)).isEqualTo(percentWithInterval(arms.get(0).path("reliance")));
        JsonNode changes = arms.get(0).path("answer_changes");
        assertThat(reliance.get(5)).isEqualTo(changes.path("wrong_to_right").asInt() + " / "
                + changes.path("right_to_wrong").asInt() + " / " + changes.path("wrong_to_other_wrong").asInt());
        List<String> difference = html.getElementById("table-collab-differences").select("tbody tr").get(0)
                .select("td").eachText();
        assertThat(difference.get(2)).isEqualTo(percentWithInterval(JSON.readTree(metrics).path("collaboration")
                .path("differences").get(0).path("gain_difference")));
        assertThat(html.getElementById("table-collab-readers").select("tbody tr")).hasSize(12);
        assertThat(html.getElementById("table-collab-classes").select("tbody tr"))
                .hasSize(2 * SimulatedCollaboration.K);
        assertThat(html.getElementById("table-collab-mrmc").select("tbody tr")).hasSize(2);
        assertThat(html.text()).contains("Beiden SV, Wagner RF, Campbell G");
    }

    @Test
    void both_languages_in_html_and_pdf_have_the_chapter_and_no_raw_nan() throws IOException {
        for (Locale locale : FigureText.LANGUAGES) {
            ReportDocument document = document(locale);
            String html = Jsoup.parse(new String(HtmlReport.write(document), StandardCharsets.UTF_8)).text();
            byte[] pdfBytes = PdfReport.write(document);
            String pdf;
            try (PDDocument pdfDocument = Loader.loadPDF(pdfBytes)) {
                pdf = new PDFTextStripper().getText(pdfDocument);
            }
            String title = locale.equals(FigureText.CHINESE) ? "人机协作" : "Human-AI collaboration";
            for (String text : List.of(html, pdf)) {
                assertThat(text).contains(title).doesNotContain("NaN").doesNotContain("Infinity")
                        .doesNotContain("!report.");
            }
            Files.createDirectories(Path.of("target/report"));
            Files.write(Path.of("target/report/collaboration-" + locale.getLanguage() + ".pdf"), pdfBytes);
        }
    }

    private static String percentWithInterval(JsonNode interval) {
        return String.format(Locale.ROOT, "%.1f%% (%.1f to %.1f)", 100 * interval.path("estimate").asDouble(),
                100 * interval.path("lower").asDouble(), 100 * interval.path("upper").asDouble());
    }
}
