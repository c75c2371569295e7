package org.dermread.analysis.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.StudyTables;
import org.dermread.stats.ReferenceValues;
import org.dermread.stats.StudyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Figures as a journal takes them: 300 dpi recorded in the PNG, print sizes with no text under 7 pt, Chinese drawn
 * with the font the application ships, the readers' corner magnified. Drawn from the R reference bundle (10
 * readers, 5 labels, two phases, AI); the PNGs land in target/figures/ to be looked at.
 */
class FigureTest {

    private static StudyReport report;
    private static StudyFigures figures;
    private static StudyFigures named;

    @BeforeAll
    static void analyseTheReferenceBundle() throws IOException {
        BundleStudy study = BundleReader.read(BundleFiles.readFolder(ReferenceValues.folder().resolve("bundle"),
                BundleReader.INPUT_FILES));
        report = study.analyze(200, null);
        figures = new StudyFigures(study.study(), report, Map.of());
        named = new StudyFigures(study.study(), report, Map.of(), ClassNames.of(List.of(
                new StudyTables.LabelRecord("MN", "melanocytic nevus", "色素痣", "benign"),
                new StudyTables.LabelRecord("BCC", "basal cell carcinoma", "基底细胞癌", "malignant"),
                new StudyTables.LabelRecord("SK", "seborrheic keratosis", "脂溢性角化病", "benign"),
                new StudyTables.LabelRecord("Pso", "psoriasis", "银屑病", "benign"),
                new StudyTables.LabelRecord("DF", "dermatofibroma", "皮肤纤维瘤", "benign"))));
    }

    @Test
    void every_png_declares_300_dpi_in_its_phys_chunk() throws IOException {
        for (Figure figure : List.of(figures.roc("MN", "unaided", Locale.ENGLISH),
                figures.rocPanel("unaided", Locale.ENGLISH), figures.confusion("aided", Locale.ENGLISH),
                figures.averagedRoc("unaided", Locale.ENGLISH).orElseThrow())) {
            byte[] png = FigureFormat.PNG.render(figure);
            ByteBuffer chunk = chunk(png, "pHYs");
            assertThat(chunk.getInt()).as("pixels per metre, x").isEqualTo(11_811);
            assertThat(chunk.getInt()).as("pixels per metre, y").isEqualTo(11_811);
            assertThat(chunk.get()).as("unit: metre").isEqualTo((byte) 1);
            ByteBuffer header = chunk(png, "IHDR");
            assertThat(header.getInt()).as("width in pixels").isEqualTo((int) Math.round(figure.width() * 300 / 72));
        }
    }

    @Test
    void figures_are_drawn_at_journal_column_widths_with_no_text_under_7_pt() {
        assertThat(figures.roc("MN", "unaided", Locale.ENGLISH).width()).isCloseTo(85 * 72 / 25.4,
                offset(0.01));
        assertThat(figures.rocPanel("unaided", Locale.ENGLISH).width()).isCloseTo(175 * 72 / 25.4,
                offset(0.01));
        for (Figure figure : List.of(figures.roc("MN", "unaided", Locale.ENGLISH),
                figures.rocPanel("unaided", Locale.ENGLISH), figures.confusion("unaided", Locale.ENGLISH))) {
            String svg = figure.svg(false);
            Matcher sizes = Pattern.compile("font-size: ?([0-9.]+)").matcher(svg);
            int count = 0;
            while (sizes.find()) {
                assertThat(Double.parseDouble(sizes.group(1))).as(figure.title()).isGreaterThanOrEqualTo(7.0);
                count++;
            }
            assertThat(count).as("text drawn as text in " + figure.title()).isPositive();
            assertThat(svg).contains("viewBox=");
        }
        assertThat(figures.roc("MN", "unaided", Locale.ENGLISH).svg(false)).contains("Mean reader (95% CI)")
                .contains("1 - specificity");
    }

    @Test
    void the_roc_plot_magnifies_where_the_readers_lie_and_shows_the_mean_reader_ci_both_ways() {
        RocPlot plot = figures.roc("MN", "unaided", Locale.ENGLISH);
        assertThat(plot.readerPoints()).isEqualTo(10);
        RocPlot.Layers layers = RocPlot.Layers.of(report, "MN", "unaided", FigureText.of(Locale.ENGLISH));
        assertThat(layers.mean.getXHighValue(0) - layers.mean.getXLowValue(0)).as("specificity CI").isPositive();
        assertThat(layers.mean.getYHighValue(0) - layers.mean.getYLowValue(0)).as("sensitivity CI").isPositive();
        var region = layers.readerRegion();
        if (region.isPresent()) {
            assertThat(plot.hasInset()).isTrue();
            for (var series : layers.groups.values()) {
                for (int i = 0; i < series.getItemCount(); i++) {
                    assertThat(region.get()[0].contains(series.getX(i).doubleValue())).isTrue();
                    assertThat(region.get()[1].contains(series.getY(i).doubleValue())).isTrue();
                }
            }
        }
    }

    @Test
    void chinese_figures_are_drawn_with_the_font_the_application_ships() throws IOException {
        for (String file : List.of("i18n/report_zh_CN.properties", "i18n/results_zh_CN.properties")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(FigureFont.cannotDisplayFrom(text)).as(file + " drawable by " + FigureFont.RESOURCE)
                        .isEqualTo(-1);
            }
        }
        assertThat(FigureFont.cannotDisplayFrom("扁平苔藓 玫瑰痤疮 病毒疣 寻常痤疮 瘢痕疙瘩与增生性瘢痕 湿疹皮炎 皮肤纤维瘤 "
                + "脂溢性皮炎 脂溢性角化病 色素痣 黑素细胞痣 血管瘤 银屑病 鲜红斑痣 基底细胞癌 住院医师 主治医师 副主任医师 主任医师 "
                + "三级甲等 二级 一级 皮肤科执业医师 皮肤镜 κ ≥ ≤ ± −")).isEqualTo(-1);
        RocPlot chinese = figures.roc("MN", "unaided", Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.title()).contains("独立阅片");
        assertThat(chinese.svg()).as("Chinese text as outlines, not as text a viewer must find a font for")
                .doesNotContain("<text");
        assertThat(chinese.svg(false)).contains("1 - 特异度").contains(FigureFont.FAMILY);
        Files.createDirectories(Path.of("target/figures"));
        Files.write(Path.of("target/figures/roc-MN-zh.png"), chinese.png(300));
        Files.write(Path.of("target/figures/roc-MN-en.png"), figures.roc("MN", "unaided", Locale.ENGLISH).png(300));
        Files.write(Path.of("target/figures/roc-panel-zh.png"),
                figures.rocPanel("unaided", Locale.SIMPLIFIED_CHINESE).png(300));
        Files.write(Path.of("target/figures/roc-panel-en.png"), figures.rocPanel("aided", Locale.ENGLISH).png(300));
        Files.write(Path.of("target/figures/roc-panel-en.pdf"), figures.rocPanel("aided", Locale.ENGLISH).pdf());
        Files.write(Path.of("target/figures/confusion-en.png"), figures.confusion("aided", Locale.ENGLISH).png(300));
    }

    @Test
    void figures_name_the_classes_as_the_taxonomy_does_in_the_figure_language_with_codes_where_space_is_short()
            throws IOException {
        assertThat(named.roc("BCC", "unaided", Locale.ENGLISH).svg(false))
                .contains("BCC (basal cell carcinoma), unaided");
        assertThat(named.rocPanel("unaided", Locale.ENGLISH).svg(false)).contains(">MN (melanocytic nevus)<")
                .contains(">BCC (basal cell carcinoma)<").contains(">Pso (psoriasis)<");
        String confusion = named.confusion("aided", Locale.ENGLISH).svg(false);
        assertThat(confusion).as("codes on the axes").contains(">BCC<").contains(">SK<");
        assertThat(confusion).as("and a key under the matrices")
                .contains("MN melanocytic nevus; BCC basal cell carcinoma; SK seborrheic keratosis; Pso psoriasis");
        assertThat(named.rocPanel("unaided", Locale.SIMPLIFIED_CHINESE).svg(false)).contains(">BCC（基底细胞癌）<")
                .contains(">MN（色素痣）<");
        assertThat(named.confusion("unaided", Locale.SIMPLIFIED_CHINESE).svg(false)).contains("BCC 基底细胞癌");
        assertThat(named.roc("SK", "aided", Locale.SIMPLIFIED_CHINESE).title()).startsWith("SK（脂溢性角化病）");
        assertThat(named.confusion("aided", Locale.ENGLISH).height())
                .as("the key takes its own room").isGreaterThan(figures.confusion("aided", Locale.ENGLISH).height());
        assertThat(figures.rocPanel("unaided", Locale.ENGLISH).svg(false)).as("without names, codes as before")
                .doesNotContain("(basal").contains(">BCC<");
        byte[] panelPdf = named.rocPanel("unaided", Locale.ENGLISH).pdf();
        try (PDDocument pdf = Loader.loadPDF(panelPdf)) {
            assertThat(new PDFTextStripper().getText(pdf)).as("text drawn as outlines of the application's font")
                    .isBlank();
        }
        assertThat(new String(panelPdf, StandardCharsets.ISO_8859_1)).as("no standard font substituted for ours")
                .doesNotContain("/Courier").doesNotContain("/Helvetica");
        Files.createDirectories(Path.of("target/figures"));
        Files.write(Path.of("target/figures/named-roc-panel-en.pdf"), named.rocPanel("aided", Locale.ENGLISH).pdf());
        Files.write(Path.of("target/figures/named-roc-panel-en.png"), named.rocPanel("aided", Locale.ENGLISH)
                .png(150));
        Files.write(Path.of("target/figures/named-roc-panel-zh.png"), named.rocPanel("aided",
                Locale.SIMPLIFIED_CHINESE).png(150));
        Files.write(Path.of("target/figures/named-confusion-zh.png"), named.confusion("aided",
                Locale.SIMPLIFIED_CHINESE).png(150));
        Files.write(Path.of("target/figures/named-roc-BCC-en.png"), named.roc("BCC", "unaided", Locale.ENGLISH)
                .png(150));
    }

    @Test
    void the_same_figure_gives_the_same_bytes() {
        for (Locale locale : FigureText.LANGUAGES) {
            Figure a = figures.rocPanel("unaided", locale);
            Figure b = figures.rocPanel("unaided", locale);
            assertThat(a.svgBytes()).isEqualTo(b.svgBytes());
            assertThat(a.pdf()).isEqualTo(b.pdf());
            assertThat(a.png(300)).isEqualTo(b.png(300));
        }
    }

    /** The data of the first chunk of a type, after PNG's 8-byte signature. */
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
