package org.dermread.analysis.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.SimulatedCollaboration;
import org.dermread.stats.StudyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The collaboration figures (gain by experience and arm; the switching diagram) of a simulated two-arm study: valid
 * SVG, 300 dpi PNG with its pHYs chunk, PDF, journal widths and no text under 7 pt, in English and Chinese; written to
 * target/figures/ to be looked at. A study without arms has neither figure.
 */
class CollaborationFigureTest {

    private static StudyFigures figures;
    private static StudyReport report;

    @BeforeAll
    static void analyse() {
        BundleStudy study = BundleReader.read(BundleFiles.of(SimulatedCollaboration.files(200, 8, 5, 200, 0.95)));
        report = study.analyze();
        figures = new StudyFigures(study.study(), report, Map.of());
    }

    private static List<Figure> all(Locale locale) {
        return List.of(figures.collaborationGain(locale).orElseThrow(), figures.switching(locale).orElseThrow());
    }

    @Test
    void both_figures_render_as_valid_svg_300_dpi_png_and_pdf_in_both_languages() throws Exception {
        Files.createDirectories(Path.of("target/figures"));
        for (Locale locale : FigureText.LANGUAGES) {
            for (Figure figure : all(locale)) {
                Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(figure.svgBytes()));
                assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
                byte[] png = FigureFormat.PNG.render(figure);
                ByteBuffer phys = chunk(png, "pHYs");
                assertThat(phys.getInt()).isEqualTo(11_811);
                assertThat(phys.getInt()).isEqualTo(11_811);
                assertThat(phys.get()).isEqualTo((byte) 1);
                assertThat(chunk(png, "IHDR").getInt()).isEqualTo((int) Math.round(figure.width() * 300 / 72));
                assertThat(new String(figure.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                String name = (figure instanceof SwitchingFigure ? "switching-" : "gain-") + locale.getLanguage();
                Files.write(Path.of("target/figures/collaboration-" + name + ".png"), png);
                Files.write(Path.of("target/figures/collaboration-" + name + ".svg"), figure.svgBytes());
            }
        }
        assertThat(figures.collaborationGain(Locale.ENGLISH).orElseThrow().width()).isCloseTo(85 * 72 / 25.4,
                offset(0.01));
        assertThat(figures.switching(Locale.ENGLISH).orElseThrow().width()).isCloseTo(175 * 72 / 25.4,
                offset(0.01));
        assertThat(figures.switching(Locale.SIMPLIFIED_CHINESE).orElseThrow().svg())
                .as("Chinese as outlines").doesNotContain("<text");
    }

    @Test
    void the_figures_name_every_arm_draw_each_gain_and_keep_text_at_7_pt_or_more() {
        for (Figure figure : all(Locale.ENGLISH)) {
            String svg = figure.svg(false);
            Matcher sizes = Pattern.compile("font-size: ?([0-9.]+)").matcher(svg);
            int count = 0;
            while (sizes.find()) {
                assertThat(Double.parseDouble(sizes.group(1))).as(figure.title()).isGreaterThanOrEqualTo(7.0);
                count++;
            }
            assertThat(count).isPositive();
            assertThat(svg).contains("Top-1 only (A)").contains("Similar cases with saliency (B)");
        }
        // all readers and two experience groups, one point per arm in each
        String gain = figures.collaborationGain(Locale.ENGLISH).orElseThrow().svg(false);
        assertThat(Pattern.compile("<ellipse").matcher(gain).results().count()).isEqualTo(3 * 2 + 2);
        StudyReport.Switching aiWrong = report.collaboration().arms().get(0).switching().get(1);
        assertThat(figures.switching(Locale.ENGLISH).orElseThrow().svg(false))
                .contains("wrong to right " + aiWrong.wrongToRight() + ", right to wrong " + aiWrong.rightToWrong());
    }

    @Test
    void a_study_without_arms_has_no_collaboration_figures() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(SimulatedCollaboration.files(40, 2, 1, 0, 0.95));
        files.remove("arms.csv");
        files.put("readers.csv", "reader_id\nR001\n".getBytes(StandardCharsets.UTF_8));
        BundleStudy study = BundleReader.read(BundleFiles.of(files));
        StudyFigures plain = new StudyFigures(study.study(), study.analyze(), Map.of());
        assertThat(plain.collaborationGain(Locale.ENGLISH)).isEmpty();
        assertThat(plain.bundleFigures(Locale.ENGLISH)).doesNotContainKeys("collaboration-gain",
                "collaboration-switching");
        assertThat(figures.bundleFigures(Locale.ENGLISH)).containsKeys("collaboration-gain",
                "collaboration-switching");
    }

    private static ByteBuffer chunk(byte[] png, String type) {
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.position(8);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] name = new byte[4];
            buffer.get(name);
            if (new String(name, StandardCharsets.US_ASCII).equals(type)) {
                return ByteBuffer.wrap(png, buffer.position(), length).slice();
            }
            buffer.position(buffer.position() + length + 4);
        }
        throw new AssertionError("no " + type + " chunk");
    }
}
