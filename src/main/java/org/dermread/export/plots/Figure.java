package org.dermread.export.plots;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.Page;
import org.jfree.chart.JFreeChart;
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
     * The look shared by the ROC figures: white background, light grid, both axes from 0 to 1 in steps of 0.2,
     * journal-sized fonts.
     */
    protected static void styleUnitSquare(JFreeChart chart) {
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(new java.awt.Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new java.awt.Color(0xDD, 0xDD, 0xDD));
        for (org.jfree.chart.axis.ValueAxis axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(),
            plot.getRangeAxis()}) {
            axis.setRange(0, 1);
            ((org.jfree.chart.axis.NumberAxis) axis).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
            axis.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
            axis.setTickLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        }
        chart.getLegend().setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 9));
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
