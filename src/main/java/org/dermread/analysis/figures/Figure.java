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
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.Page;
import org.dermread.stats.RocPoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * One JFreeChart drawing rendered the same way for the screen and for paper: SVG (JFreeSVG), PNG at a given
 * density and PDF (OrsonPDF). Sizes are in points (1/72 inch). The same figure always gives the same bytes.
 */
public class Figure {

    private final JFreeChart chart;
    private final int width;
    private final int height;

    protected Figure(JFreeChart chart, int width, int height) {
        this.chart = chart;
        this.width = width;
        this.height = height;
    }

    /**
     * An ROC chart: the curves, drawn 2 pt wide in the given colours, and the dashed chance diagonal, which the
     * legend leaves out; both axes from 0 to 1.
     */
    protected static JFreeChart rocChart(String title, XYSeriesCollection curves, Color... colours) {
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        curves.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "1 - specificity", "Sensitivity", curves,
                PlotOrientation.VERTICAL, true, false, false);
        styleUnitSquare(chart);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        int chanceIndex = curves.getSeriesCount() - 1;
        renderer.setSeriesPaint(chanceIndex, Color.GRAY);
        renderer.setSeriesStroke(chanceIndex, new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                1f, new float[] {4f, 4f}, 0f));
        renderer.setSeriesVisibleInLegend(chanceIndex, false);
        chart.getXYPlot().setRenderer(0, renderer);
        return chart;
    }

    /**
     * The look shared by the ROC figures: white background, light grid, both axes from 0 to 1 in steps of 0.2,
     * journal-sized fonts.
     */
    private static void styleUnitSquare(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setRange(0, 1);
            ((NumberAxis) axis).setTickUnit(new NumberTickUnit(0.2));
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    }

    /** ROC points in drawing order: from specificity 1 down to 0, rising sensitivity where specificity ties. */
    protected static List<RocPoint> inDrawingOrder(List<RocPoint> points) {
        return points.stream().sorted((a, b) -> a.specificity() != b.specificity()
                ? Double.compare(b.specificity(), a.specificity())
                : Double.compare(a.sensitivity(), b.sensitivity())).toList();
    }

    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("dermread"); // not a time-based prefix: the same figure gives the same bytes
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    public byte[] svgBytes() {
        return svg().getBytes(StandardCharsets.UTF_8);
    }

    /** PNG at {@code dpi} dots per inch, with the density recorded in the file. */
    public byte[] png(int dpi) {
        double scale = dpi / 72.0;
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        return encodePng(image, dpi);
    }

    public byte[] pdf() {
        PDFDocument document = new PDFDocument();
        document.setTitle(chart.getTitle() == null ? "DermRead figure" : chart.getTitle().getText());
        document.setAuthor("DermRead");
        Page page = document.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D g = page.getGraphics2D();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        // OrsonPDF stamps the current time as CreationDate/ModDate; a fixed date of the same length keeps the
        // cross-reference offsets valid and makes the same figure give the same bytes.
        String pdf = new String(document.getPDFBytes(), StandardCharsets.ISO_8859_1)
                .replaceAll("\\(D:\\d{14}", "(D:19800101000000");
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] encodePng(BufferedImage image, int dpi) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
            double millimetresPerDot = 25.4 / dpi;
            IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
            horizontal.setAttribute("value", Double.toString(millimetresPerDot));
            IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
            vertical.setAttribute("value", Double.toString(millimetresPerDot));
            IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
            dimension.appendChild(horizontal);
            dimension.appendChild(vertical);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
            root.appendChild(dimension);
            metadata.mergeTree("javax_imageio_1.0", root);
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
