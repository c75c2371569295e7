package org.dermread.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.dermread.analysis.BundleExport;
import org.dermread.analysis.StudyAnalysis;
import org.dermread.analysis.StudySnapshot;

/** The study's facts as of the snapshot the page shows, and, once analysed, the download of its export bundle. */
final class ResultsOverview extends Div {

    ResultsOverview(StudySnapshot snapshot) {
        addClassName("results-overview");
        setId("results-overview");
        String model = snapshot.modelSha256() == null ? ResultsCells.UNDEFINED
                : snapshot.modelSha256().substring(0, 12) + "…";
        add(fact("results.status", getTranslation("results.status." + snapshot.status())),
                fact("results.cases", String.valueOf(snapshot.tables().cases().size())),
                fact("results.labels", String.valueOf(snapshot.tables().labels().size())),
                fact("results.readers", snapshot.readersFinished() + " / " + snapshot.tables().readers().size()),
                fact("results.model", model),
                fact("results.phases", getTranslation(snapshot.aidedPhase() ? "results.phases.two"
                        : "results.phases.one")));
    }

    /** Offers the bundle of exactly the analysis the page shows. */
    void offerBundle(StudyAnalysis analysis, BundleExport export) {
        Button button = new Button(getTranslation("results.download.bundle"));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] zip = export.bundle(analysis);
            return new DownloadResponse(new ByteArrayInputStream(zip), export.fileName(analysis), "application/zip",
                    zip.length);
        }), "");
        download.setId("download-bundle");
        download.getElement().setAttribute("download", true);
        download.add(button);
        add(download);
    }

    private Component fact(String key, String value) {
        Div fact = new Div(new Span(getTranslation(key)), new Span(value));
        fact.addClassName("results-fact");
        return fact;
    }
}
