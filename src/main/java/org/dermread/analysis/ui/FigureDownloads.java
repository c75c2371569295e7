package org.dermread.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.dermread.analysis.figures.Figure;
import org.dermread.analysis.figures.FigureFormat;

/**
 * A figure on the results page: its SVG as an image and download links for SVG, 300 dpi PNG and PDF. Nothing is
 * rendered until the browser asks for it; rendering (CPU work, a 300 dpi PNG takes a moment) runs on the
 * application's task executor, so its pool bounds how much runs at once.
 */
final class FigureDownloads {

    private final Executor executor;

    FigureDownloads(Executor executor) {
        this.executor = executor;
    }

    /** The figure as an image with its download links below. */
    Component box(Figure figure, String name, String id) {
        // the image is described by the figure's title, in the page's language, not by its file name
        Div box = new Div(image(figure, name, figure.title()), links(figure, name));
        box.addClassName("roc-plot");
        box.setId(id);
        return box;
    }

    Image image(Figure figure, String name, String alternativeText) {
        return new Image(handler(figure, name, FigureFormat.SVG), alternativeText);
    }

    HorizontalLayout links(Figure figure, String name) {
        HorizontalLayout links = new HorizontalLayout();
        for (FigureFormat format : FigureFormat.values()) {
            Anchor link = new Anchor(handler(figure, name, format), format.label());
            link.getElement().setAttribute("download", true);
            links.add(link);
        }
        return links;
    }

    private DownloadHandler handler(Figure figure, String name, FigureFormat format) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = CompletableFuture.supplyAsync(() -> format.render(figure), executor).join();
            return new DownloadResponse(new ByteArrayInputStream(bytes), format.fileName(name), format.mediaType(),
                    bytes.length);
        });
    }
}
