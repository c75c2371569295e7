package org.dermread.analysis.figures;

import java.util.Locale;
import java.util.function.Function;

/** The files a figure is offered as: SVG for the screen, PNG at 300 dpi (journals' usual minimum) and PDF. */
public enum FigureFormat {
    SVG("image/svg+xml", "SVG", Figure::svgBytes),
    PNG("image/png", "PNG 300 dpi", figure -> figure.png(300)),
    PDF("application/pdf", "PDF", Figure::pdf);

    private final String mediaType;
    private final String label;
    private final Function<Figure, byte[]> renderer;

    FigureFormat(String mediaType, String label, Function<Figure, byte[]> renderer) {
        this.mediaType = mediaType;
        this.label = label;
        this.renderer = renderer;
    }

    public String mediaType() {
        return mediaType;
    }

    /** How a download link names the format. */
    public String label() {
        return label;
    }

    /** The figure's file name with this format's extension. */
    public String fileName(String name) {
        return name + "." + name().toLowerCase(Locale.ROOT);
    }

    /** Renders the figure (CPU work: a 300 dpi PNG takes a moment). */
    public byte[] render(Figure figure) {
        return renderer.apply(figure);
    }
}
