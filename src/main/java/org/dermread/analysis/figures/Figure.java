package org.dermread.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.PDFHints;
import com.orsonpdf.Page;
import org.dermread.stats.RocPoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * One drawing rendered the same way for the screen and for paper: SVG (JFreeSVG), PNG at a given density (the
 * density recorded in the file's {@code pHYs} chunk) and PDF (OrsonPDF). Sizes are in points (1/72 inch) and are the
 * figure's print size, so a font of 7 pt in the drawing is 7 pt on paper. Every text is drawn with the application's
 * own font ({@link FigureFont}). In the SVG, English text stays text (editable, as journals ask); Chinese text is
 * drawn as outlines, because an SVG viewer cannot be assumed to have a CJK font. In the PDF every text is drawn as
 * outlines of that font: OrsonPDF can only name one of the 14 standard PDF fonts and substitutes Courier for any
 * other, whose wider glyphs ran past the space measured with our font (legends were cut) and lack characters such
 * as the middle dot. The same figure always
 * gives the same bytes.
 */
public class Figure {

    /** Points per millimetre. */
    public static final double POINTS_PER_MM = 72 / 25.4;
    /** A journal's single-column width, 85 mm, in points. */
    public static final double SINGLE_COLUMN = 85 * POINTS_PER_MM;
    /** A journal's double-column width, 175 mm, in points. */
    public static final double DOUBLE_COLUMN = 175 * POINTS_PER_MM;
    /** The smallest text of any figure, in points at print size (journals ask for 5-7 pt at least). */
    public static final double SMALLEST_TEXT = 7;
    /** 300 dpi in pixels per metre, as a PNG's {@code pHYs} chunk records it. */
    static final int PNG_300_DPI_PIXELS_PER_METRE = 11_811;

    private final Drawable drawing;
    private final double width;
    private final double height;
    private final Locale locale;
    private final String title;

    protected Figure(Drawable drawing, double width, double height, Locale locale, String title) {
        this.drawing = drawing;
        this.width = width;
        this.height = height;
        this.locale = FigureText.supported(locale);
        this.title = title;
    }

    /** Width in points (its print width). */
    public double width() {
        return width;
    }

    /** Height in points. */
    public double height() {
        return height;
    }

    public Locale locale() {
        return locale;
    }

    /** The figure's title (the PDF's title too). */
    public String title() {
        return title;
    }

    /**
     * An ROC chart: the curves, drawn 1.5 pt wide in the given colours, and the dashed chance diagonal, which the
     * legend leaves out; both axes from 0 to 1.
     */
    protected static JFreeChart rocChart(FigureText text, String title, XYSeriesCollection curves,
            Color... colours) {
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        curves.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart(title, text.get("figure.axis.fpr"),
                text.get("figure.axis.sensitivity"), curves, PlotOrientation.VERTICAL, true, false, false);
        styleUnitSquare(chart);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        int chanceIndex = curves.getSeriesCount() - 1;
        renderer.setSeriesPaint(chanceIndex, Color.GRAY);
        renderer.setSeriesStroke(chanceIndex, new BasicStroke(0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                1f, new float[] {3f, 3f}, 0f));
        renderer.setSeriesVisibleInLegend(chanceIndex, false);
        chart.getXYPlot().setRenderer(0, renderer);
        return chart;
    }

    /**
     * The look shared by the ROC figures: white background, light grid, both axes from 0 to 1 in steps of 0.2,
     * journal-sized text (8.5 pt title, 8 pt axis labels, 7 pt ticks and legend at print size).
     */
    static void styleUnitSquare(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(FigureFont.of(Font.BOLD, 8.5));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setOutlinePaint(new Color(0x99, 0x99, 0x99));
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setRange(0, 1);
            ((NumberAxis) axis).setTickUnit(new NumberTickUnit(0.2));
            axis.setLabelFont(FigureFont.plain(8));
            axis.setTickLabelFont(FigureFont.plain(SMALLEST_TEXT));
        }
        if (chart.getLegend() != null) {
            styleLegend(chart.getLegend());
        }
    }

    /** A legend in the figures' font at the smallest print size. */
    static void styleLegend(LegendTitle legend) {
        legend.setItemFont(FigureFont.plain(SMALLEST_TEXT + 0.5));
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(BlockBorder.NONE);
    }

    /** ROC points in drawing order: from specificity 1 down to 0, rising sensitivity where specificity ties. */
    protected static List<RocPoint> inDrawingOrder(List<RocPoint> points) {
        return points.stream().sorted((a, b) -> a.specificity() != b.specificity()
                ? Double.compare(b.specificity(), a.specificity())
                : Double.compare(a.sensitivity(), b.sensitivity())).toList();
    }

    /** Whether text is drawn as outlines (Chinese) rather than as text (English). */
    boolean textAsOutlines() {
        return locale.equals(FigureText.CHINESE);
    }

    public String svg() {
        return svg(textAsOutlines());
    }

    /**
     * The SVG, its size in points and a view box so that it scales to any width on a page.
     *
     * @param outlines text as outlines (true) or as {@code <text>} elements
     */
    public String svg(boolean outlines) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("dermread"); // not a time-based prefix: the same figure gives the same bytes
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, outlines ? SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR
                : SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        // Viewers without the application's font fall back to a sans-serif font of similar widths.
        g.setFontFunction(family -> FigureFont.FAMILY.equals(family)
                // unquoted names (valid CSS): JFreeSVG writes the list inside a single-quoted style attribute
                ? FigureFont.FAMILY + ", Noto Sans SC, Noto Sans, Arial, Helvetica, sans-serif" : family);
        drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, (int) Math.ceil(width), (int) Math.ceil(height)),
                        null, null) + "\n";
    }

    public byte[] svgBytes() {
        return svg().getBytes(StandardCharsets.UTF_8);
    }

    /** PNG at {@code dpi} dots per inch, with the density recorded in its {@code pHYs} chunk. */
    public byte[] png(int dpi) {
        double scale = dpi / 72.0;
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
        drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        return encodePng(image, dpi);
    }

    public byte[] pdf() {
        PDFDocument document = new PDFDocument();
        document.setTitle(title == null ? "DermRead figure" : title);
        document.setAuthor("DermRead");
        Page page = document.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        // OrsonPDF stamps the current time as CreationDate/ModDate; a fixed date of the same length keeps the
        // cross-reference offsets valid and makes the same figure give the same bytes.
        String pdf = new String(document.getPDFBytes(), StandardCharsets.ISO_8859_1)
                .replaceAll("\\(D:\\d{14}", "(D:19800101000000");
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The PNG with its density in the {@code pHYs} chunk of the {@code javax_imageio_png_1.0} metadata tree (pixels
     * per metre; 300 dpi = 11,811). The format-neutral tree's pixel size is not what the PNG writer turns into it.
     */
    private static byte[] encodePng(BufferedImage image, int dpi) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
            String format = "javax_imageio_png_1.0";
            long pixelsPerMetre = Math.round(dpi / 0.0254);
            IIOMetadataNode density = new IIOMetadataNode("pHYs");
            density.setAttribute("pixelsPerUnitXAxis", Long.toString(pixelsPerMetre));
            density.setAttribute("pixelsPerUnitYAxis", Long.toString(pixelsPerMetre));
            density.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(density);
            metadata.mergeTree(format, root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), null);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
