package org.dermread.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.dermread.analysis.BundleExport;
import org.dermread.analysis.StudyAnalysis;
import org.dermread.analysis.StudySnapshot;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The study's facts as of the snapshot the page shows, once, whether it has AI predictions (with the way to run the
 * model for those who may), and, once analysed, the downloads of its export bundle and of the study report (PDF and
 * editable HTML) in the page's language.
 */
final class ResultsOverview extends Div {

    private final Div downloads = new Div();

    /**
     * @param runModelLink where a coordinator of the study runs the model, or null when the signed-in person may not
     */
    ResultsOverview(StudySnapshot snapshot, String runModelLink) {
        addClassName("results-overview");
        setId("results-overview");
        String model = snapshot.modelSha256() == null ? getTranslation("results.model.none")
                : (snapshot.modelName() == null ? "" : snapshot.modelName() + " " + snapshot.modelVersion() + " · ")
                        + snapshot.modelSha256().substring(0, 12) + "…";
        Div facts = new Div(fact("results.status", getTranslation("results.status." + snapshot.status())),
                fact("results.cases", String.valueOf(snapshot.tables().cases().size())),
                fact("results.labels", String.valueOf(snapshot.tables().labels().size())),
                fact("results.readers", snapshot.readersFinished() + " / " + snapshot.tables().readers().size()),
                fact("results.model", model),
                fact("results.phases", getTranslation(snapshot.aidedPhase() ? "results.phases.two"
                        : "results.phases.one")));
        facts.addClassName("results-facts");
        add(facts);
        if (snapshot.tables().predictions().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("results.no-ai"));
            none.setId("results-no-ai");
            if (runModelLink != null) {
                Anchor run = new Anchor(runModelLink, getTranslation("results.no-ai.run"));
                run.setId("results-run-model");
                none.add(new Span(" "), run);
            }
            add(none);
        }
        downloads.addClassName("results-downloads");
        add(downloads);
    }

    /** Offers the bundle and the report of exactly the analysis the page shows, in the page's language. */
    void offerDownloads(StudyAnalysis analysis, BundleExport export, Executor executor) {
        Locale locale = getLocale();
        Button button = new Button(getTranslation("results.download.bundle"));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor bundle = download(() -> export.bundle(analysis, locale), export.fileName(analysis), "application/zip",
                executor);
        bundle.setId("download-bundle");
        bundle.add(button);
        String base = "dermread-study-" + analysis.studyId() + "-report-" + locale.getLanguage();
        Anchor pdf = download(() -> analysis.reportPdf(locale), base + ".pdf", "application/pdf", executor);
        pdf.setId("download-report-pdf");
        pdf.add(new Button(getTranslation("results.download.report.pdf")));
        Anchor html = download(() -> analysis.reportHtml(locale), base + ".html", "text/html", executor);
        html.setId("download-report-html");
        html.add(new Button(getTranslation("results.download.report.html")));
        downloads.removeAll();
        downloads.add(bundle, pdf, html);
    }

    /** A download link whose file is made when clicked, on the application's task executor. */
    private static Anchor download(Supplier<byte[]> content, String name, String type, Executor executor) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            // the export checks who asks: the worker thread runs as the user whose request this is
            Executor asUser = new DelegatingSecurityContextExecutor(executor, SecurityContextHolder.getContext());
            byte[] bytes = CompletableFuture.supplyAsync(content, asUser).join();
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
        }), "");
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private Component fact(String key, String value) {
        Div fact = new Div(new Span(getTranslation(key)), new Span(value));
        fact.addClassName("results-fact");
        return fact;
    }
}
