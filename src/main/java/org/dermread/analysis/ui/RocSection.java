package org.dermread.analysis.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.dermread.analysis.figures.RocPanelFigure;
import org.dermread.analysis.figures.RocPlot;
import org.dermread.analysis.figures.StudyFigures;

/**
 * The ROC plot with every reader's point, for the class and phase the user picks, in the page's language and at the
 * width the page has, with its downloads and those of the multi-panel figure of all classes.
 */
final class RocSection extends VerticalLayout {

    private final StudyFigures figures;
    private final FigureDownloads downloads;
    private final Select<String> code = new Select<>();
    private final Select<String> phase = new Select<>();
    private final Div plot = new Div();
    private final HorizontalLayout links = new HorizontalLayout();
    private final HorizontalLayout panelLinks = new HorizontalLayout();

    RocSection(StudyFigures figures, List<String> labels, List<String> phases, FigureDownloads downloads) {
        this.figures = figures;
        this.downloads = downloads;
        setPadding(false);
        setWidthFull();
        add(new H3(getTranslation("results.roc")));
        if (labels.isEmpty() || phases.isEmpty()) {
            return;
        }
        code.setLabel(getTranslation("results.class"));
        code.setItems(labels);
        code.setValue(labels.get(0));
        code.setId("roc-class");
        phase.setLabel(getTranslation("results.phase"));
        phase.setItems(phases);
        phase.setItemLabelGenerator(p -> ResultsCells.phaseName(this, p));
        phase.setValue(phases.get(0));
        plot.setId("roc-plot");
        plot.addClassName("roc-plot");
        plot.addClassName("roc-plot-main");
        panelLinks.setId("roc-panel-links");
        code.addValueChangeListener(e -> draw());
        phase.addValueChangeListener(e -> draw());
        draw();
        add(new HorizontalLayout(code, phase), plot, links, panelLinks);
    }

    private void draw() {
        String c = code.getValue();
        String p = phase.getValue();
        RocPlot shown = figures.roc(c, p, getLocale());
        String name = "roc-" + p + "-" + c;
        Image image = downloads.image(shown, name, shown.title());
        image.setId("roc-image");
        plot.removeAll();
        plot.add(image);
        plot.getElement().setAttribute("data-reader-points", String.valueOf(shown.readerPoints()));
        plot.getElement().setAttribute("data-inset", String.valueOf(shown.hasInset()));
        links.removeAll();
        links.add(downloads.links(shown, name));
        RocPanelFigure panel = figures.rocPanel(p, getLocale());
        panelLinks.removeAll();
        panelLinks.add(new Span(getTranslation("results.roc.panel", ResultsCells.phaseName(this, p))));
        panelLinks.add(downloads.links(panel, "roc-panel-" + p));
    }
}
