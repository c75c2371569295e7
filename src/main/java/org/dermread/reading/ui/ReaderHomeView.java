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
import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.reading.MyStudy;
import org.dermread.reading.ReadingService;
import org.dermread.shell.LandingPage;
import org.dermread.studies.ReaderProfileService;

/** The reader's dashboard: their studies with progress, resume buttons and finished studies. */
@Route("reader")
@RolesAllowed(Role.Names.READER)
public class ReaderHomeView extends LandingPage implements BeforeEnterObserver {

    private final ReaderProfileService profiles;

    public ReaderHomeView(ReadingService reading, ReaderProfileService profiles) {
        super("reader-home", "reader.title", "reader.intro");
        this.profiles = profiles;
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
        ProgressBar progress = new ProgressBar(0, Math.max(1, study.total()), study.answeredUnaided());
        Span count = new Span(getTranslation("reading.home.progress", study.answeredUnaided(), study.total()));
        count.addClassName("study-progress");
        card.add(progress, count);
        if (study.aidedPhase() && study.unaidedFinished()) {
            card.add(new ProgressBar(0, Math.max(1, study.total()), study.answeredAided()),
                    new Span(getTranslation("reading.home.progress-aided", study.answeredAided(), study.total())));
        }
        RouteParameters unaided = ReadingView.parameters(study.participationId(), "unaided");
        if (!"OPEN".equals(study.status())) {
            card.add(new Span(getTranslation("reading.home.closed")));
        } else if (!study.unaidedFinished()) {
            Button go = new Button(getTranslation(study.answeredUnaided() == 0 ? "reading.home.start"
                    : "reading.home.resume"), click -> getUI().ifPresent(ui -> ui.navigate(ReadingView.class, unaided)));
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            go.setId("open-" + study.participationId());
            card.add(go);
        } else {
            Button done = new Button(getTranslation(study.finished() ? "reading.home.finished" : "reading.home.next"),
                    click -> getUI().ifPresent(ui -> ui.navigate(ReadingDoneView.class,
                            new RouteParameters("participation", String.valueOf(study.participationId())))));
            done.setId("open-" + study.participationId());
            if (!study.finished()) {
                done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            card.add(done);
        }
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (profiles.myProfile().isEmpty()) {
            event.forwardTo(ReaderProfileView.class);
        }
    }
}
