package org.dermread.reading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dermread.accounts.Role;
import org.dermread.reading.Feedback;
import org.dermread.reading.ImageToRead;
import org.dermread.reading.MyStudy;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingException;
import org.dermread.reading.ReadingService;
import org.dermread.reading.WrongAnswer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Between and after the phases: thanks; after the first of two phases, when and how the second opens (after the
 * study's washout, with its date); after the last phase, the reader's own results if the study allows it (never
 * earlier: feedback before the second reading would bias it).
 */
@Route("reading/:participation(\\d+)/done")
@RolesAllowed(Role.Names.READER)
public class ReadingDoneView extends VerticalLayout implements BeforeEnterObserver {

    private final ReadingService reading;

    public ReadingDoneView(ReadingService reading) {
        this.reading = reading;
        setId("reading-done");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long participationId = Long.parseLong(event.getRouteParameters().get("participation").orElseThrow());
        StaleMessages.close(event.getUI());
        Optional<MyStudy> study;
        Optional<ReadingException> secondBlocker;
        try {
            secondBlocker = reading.secondPhaseBlocker(participationId);
            study = reading.myStudies().stream().filter(s -> s.participationId() == participationId).findFirst();
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (study.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        MyStudy my = study.get();
        Phase first = my.firstPhase();
        if (!my.finished(first)) {
            H2 title = new H2(getTranslation("reading.done.in-progress"));
            title.setId("done-title");
            add(title, new Paragraph(getTranslation("reading.done.saved-so-far", my.answered(first), my.total())));
            if ("OPEN".equals(my.status())) {
                add(goTo(participationId, first, "reading.home.resume", "resume-first"));
            }
            add(home());
            return;
        }
        H2 title = new H2(getTranslation(my.finished() ? "reading.done.title" : "reading.done.phase-title"));
        title.setId("done-title");
        add(title, new Paragraph(getTranslation("reading.done.saved", my.name())));

        if (my.finished()) {
            List<Phase> phases = my.aidedPhase() ? List.of(first, my.secondPhase()) : List.of(Phase.UNAIDED);
            for (Phase phase : phases) {
                reading.feedback(participationId, phase).ifPresent(this::showFeedback);
            }
            showWrongAnswers(participationId, reading.wrongAnswers(participationId));
        } else if (my.aidedPhase()) {
            Phase second = my.secondPhase();
            if (secondBlocker.isEmpty()) {
                add(new Paragraph(getTranslation("reading.done.intro." + second.name())),
                        goTo(participationId, second, "reading.done.start." + second.name(),
                                "start-" + second.name().toLowerCase(Locale.ROOT)));
            } else {
                ReadingException why = secondBlocker.get();
                Paragraph reason = new Paragraph(getTranslation(why.messageKey(), why.arguments()));
                reason.setId("second-phase-blocker");
                add(reason);
            }
        }
        add(home());
    }

    private Button goTo(long participationId, Phase phase, String labelKey, String id) {
        Button go = new Button(getTranslation(labelKey), click -> getUI().ifPresent(ui -> ui.navigate(
                ReadingView.class, ReadingView.parameters(participationId, phase))));
        go.setId(id);
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return go;
    }

    private Button home() {
        Button home = new Button(getTranslation("reading.done.home"),
                click -> getUI().ifPresent(ui -> ui.navigate(ReaderHomeView.class)));
        home.setId("back-home");
        return home;
    }

    private void showFeedback(Feedback feedback) {
        H3 heading = new H3(getTranslation("reading.feedback.title." + feedback.phase().name()));
        Paragraph accuracy = new Paragraph(getTranslation("reading.feedback.accuracy", feedback.correct(),
                feedback.total(), String.format(Locale.ROOT, "%.1f", 100 * feedback.accuracy())));
        accuracy.setId("feedback-accuracy-" + feedback.phase().name().toLowerCase(Locale.ROOT));
        Grid<Feedback.ClassResult> grid = new Grid<>();
        grid.addColumn(r -> r.option().code() + " · " + r.option().name(getLocale()))
                .setHeader(getTranslation("reading.feedback.class")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(Feedback.ClassResult::cases).setHeader(getTranslation("reading.feedback.cases"));
        grid.addColumn(Feedback.ClassResult::correct).setHeader(getTranslation("reading.feedback.correct"));
        grid.addColumn(r -> r.cases() == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * r.sensitivity()))
                .setHeader(getTranslation("reading.feedback.sensitivity"));
        grid.setItems(feedback.perClass());
        grid.setAllRowsVisible(true);
        add(heading, accuracy, grid);
    }

    private void showWrongAnswers(long participationId, List<WrongAnswer> wrong) {
        if (wrong.isEmpty()) {
            return;
        }
        H3 heading = new H3(getTranslation("reading.feedback.wrong.title", wrong.size()));
        Div cards = new Div();
        cards.setId("wrong-answers");
        cards.addClassName("wrong-answers");
        for (WrongAnswer answer : wrong) {
            Image image = new Image(DownloadHandler.fromInputStream(event -> {
                ImageToRead bytes = reading.image(participationId, answer.caseId());
                return new DownloadResponse(new ByteArrayInputStream(bytes.bytes()), "case", bytes.mediaType(),
                        bytes.bytes().length);
            }), getTranslation("reading.feedback.wrong.alt"));
            Span phase = new Span(getTranslation("reading.phase." + answer.phase().name()));
            phase.addClassName("wrong-phase");
            Span given = new Span(getTranslation("reading.feedback.wrong.given", answer.given().code(),
                    answer.given().name(getLocale())));
            Span truth = new Span(getTranslation("reading.feedback.wrong.truth", answer.truth().code(),
                    answer.truth().name(getLocale())));
            truth.addClassName("wrong-truth");
            Div card = new Div(image, phase, given, truth);
            card.addClassName("wrong-answer");
            cards.add(card);
        }
        add(heading, cards);
    }
}
