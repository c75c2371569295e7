package org.dermread.reading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Optional;
import org.dermread.accounts.Role;
import org.dermread.reading.Feedback;
import org.dermread.reading.MyStudy;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.springframework.security.access.AccessDeniedException;

/** The closing page: thanks, the reader's own results if the study allows it, and the AI-assisted phase. */
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
        Optional<MyStudy> study;
        Optional<String> aidedBlocker;
        try {
            aidedBlocker = reading.aidedPhaseBlocker(participationId);
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
        H2 title = new H2(getTranslation(my.finished() ? "reading.done.title" : "reading.done.phase-title"));
        title.setId("done-title");
        add(title, new Paragraph(getTranslation("reading.done.saved", my.name())));

        for (Phase phase : Phase.values()) {
            reading.feedback(participationId, phase).ifPresent(this::showFeedback);
        }
        if (my.aidedPhase() && !my.aidedFinished()) {
            if (aidedBlocker.isEmpty()) {
                Button aided = new Button(getTranslation("reading.done.start-aided"), click -> getUI()
                        .ifPresent(ui -> ui.navigate(ReadingView.class, ReadingView.parameters(participationId,
                                "aided"))));
                aided.setId("start-aided");
                aided.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(new Paragraph(getTranslation("reading.done.aided-intro")), aided);
            } else {
                Paragraph why = new Paragraph(getTranslation(aidedBlocker.get()));
                why.setId("aided-blocker");
                add(why);
            }
        }
        Button home = new Button(getTranslation("reading.done.home"),
                click -> getUI().ifPresent(ui -> ui.navigate(ReaderHomeView.class)));
        home.setId("back-home");
        add(home);
    }

    private void showFeedback(Feedback feedback) {
        H3 heading = new H3(getTranslation("reading.feedback.title." + feedback.phase().name()));
        Paragraph accuracy = new Paragraph(getTranslation("reading.feedback.accuracy", feedback.correct(),
                feedback.total(), String.format(Locale.ROOT, "%.1f", 100 * feedback.accuracy())));
        accuracy.setId("feedback-accuracy-" + feedback.phase().name().toLowerCase());
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
}
