package org.dermread.analysis.figures;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of every figure and report: Noto Sans CJK SC (SIL Open Font License 1.1), shipped inside the
 * application as a TrueType subset ({@code fonts/}, with its licence), so that a server without any font still
 * draws Latin, Greek and Chinese text, and a figure looks the same on every machine. Java AWT reads it with
 * {@link Font#createFont}; PDFBox embeds it into the report.
 */
public final class FigureFont {

    /** The font file on the class path (written by {@code src/main/python/subset_cjk_font.py}). */
    public static final String RESOURCE = "fonts/NotoSansCJKsc-DermRead-subset.ttf";
    /** Its family name, as SVG names it. */
    public static final String FAMILY = "Noto Sans CJK SC";

    private static final Font BASE = load();

    private FigureFont() {
    }

    /** The font at a size in points; {@link Font#BOLD} is drawn by AWT's algorithmic emboldening. */
    public static Font of(int style, double points) {
        return BASE.deriveFont(style, (float) points);
    }

    /** The plain font at a size in points. */
    public static Font plain(double points) {
        return of(Font.PLAIN, points);
    }

    /** The font file's bytes, for embedding into a PDF. */
    public static InputStream open() {
        InputStream in = FigureFont.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the application's font " + RESOURCE + " is missing");
        }
        return in;
    }

    /** The index of the first character the font cannot draw, or -1 when it draws all of them. */
    public static int cannotDisplayFrom(String text) {
        return BASE.canDisplayUpTo(text);
    }

    private static Font load() {
        try (InputStream in = open()) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            // Registered so that SVG and PDF writers that look fonts up by name find the same one.
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the application's font " + RESOURCE + " cannot be read", e);
        }
    }
}
