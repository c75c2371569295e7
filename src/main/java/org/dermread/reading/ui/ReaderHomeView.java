package org.dermread.reading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.reading.MyStudy;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.shell.LandingPage;
import org.dermread.shell.Notifications;
import org.dermread.studies.ReaderProfileService;

/** The reader's dashboard: their studies with progress, resume buttons and finished studies. */
@Route("reader")
@RolesAllowed(Role.Names.READER)
public class ReaderHomeView extends LandingPage implements BeforeEnterObserver {

    private final ReadingService reading;
    private final ReaderProfileService profiles;
    private final Clock clock;

    public ReaderHomeView(ReadingService reading, ReaderProfileService profiles, Clock clock) {
        super("reader-home", "reader.title", "reader.intro");
        this.reading = reading;
        this.profiles = profiles;
        this.clock = clock;
        List<MyStudy> studies = reading.myStudies();
        Div list = new Div();
        list.addClassName("study-cards");
        list.setId("my-studies");
        if (studies.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("reading.home.none"));
            none.setId("no-studies");
            add(none);
        }
        studies.stream().filter(study -> !study.finished() && "OPEN".equals(study.status()))
                .forEach(study -> list.add(card(study)));
        studies.stream().filter(study -> study.finished() || !"OPEN".equals(study.status()))
                .forEach(study -> list.add(card(study)));
        add(list);
        Button profile = new Button(getTranslation("reading.profile.edit"),
                click -> getUI().ifPresent(ui -> ui.navigate(ReaderProfileView.class)));
        profile.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(profile);
    }

    private Div card(MyStudy study) {
        Div card = new Div();
        card.addClassName("study-card");
        card.setId("study-" + study.participationId());
        card.add(new H3(study.name()));
        if (study.description() != null && !study.description().isBlank()) {
            card.add(new Paragraph(study.description()));
        }
        List<Phase> phases = !study.aidedPhase() ? List.of(Phase.UNAIDED)
                : study.started() ? List.of(study.firstPhase(), study.secondPhase()) : List.of();
        for (Phase phase : phases) {
            if (phase == study.firstPhase() || study.finished(study.firstPhase())) {
                card.add(new ProgressBar(0, Math.max(1, study.total()), study.answered(phase)));
                Span count = new Span(getTranslation(phase == Phase.AIDED ? "reading.home.progress-aided"
                        : study.aidedPhase() ? "reading.home.progress-unaided" : "reading.home.progress",
                        study.answered(phase), study.total()));
                count.addClassName("study-progress");
                card.add(count);
            }
        }
        if (phases.isEmpty()) {
            card.add(new Span(getTranslation("reading.home.two-phases", study.total())));
        }
        if (!study.finished() && study.finished(study.firstPhase()) && study.secondPhaseOpensAt() != null
                && study.secondPhaseOpensAt().isAfter(clock.instant())) {
            Span opens = new Span(getTranslation("reading.home.opens-at." + study.secondPhase().name(),
                    Date.from(study.secondPhaseOpensAt())));
            opens.setId("opens-at-" + study.participationId());
            card.add(opens);
        }
        long participationId = study.participationId();
        if (!"OPEN".equals(study.status())) {
            card.add(new Span(getTranslation("reading.home.closed")));
        } else if (!study.finished(study.firstPhase())) {
            Button go = new Button(getTranslation(study.started() ? "reading.home.resume" : "reading.home.start"),
                    click -> start(participationId));
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            go.setId("open-" + participationId);
            card.add(go);
        } else {
            Button done = new Button(getTranslation(study.finished() ? "reading.home.finished" : "reading.home.next"),
                    click -> getUI().ifPresent(ui -> ui.navigate(ReadingDoneView.class,
                            new RouteParameters("participation", String.valueOf(participationId)))));
            done.setId("open-" + participationId);
            if (!study.finished()) {
                done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            card.add(done);
        }
        return card;
    }

    /** Starts (or resumes) the study at the reader's first phase, which a randomised order draws now. */
    private void start(long participationId) {
        try {
            Phase phase = reading.begin(participationId);
            getUI().ifPresent(ui -> ui.navigate(ReadingView.class, ReadingView.parameters(participationId, phase)));
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (profiles.myProfile().isEmpty()) {
            event.forwardTo(ReaderProfileView.class);
        }
    }
}
