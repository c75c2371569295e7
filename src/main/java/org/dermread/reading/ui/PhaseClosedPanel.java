package org.dermread.reading.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/**
 * In place of the reading page: a phase that cannot be read (now), or is complete, with the ways back to My studies
 * and to the participation's overview. Never a dead quiz.
 */
class PhaseClosedPanel extends Div {

    PhaseClosedPanel(String id, String title, String text, long participationId) {
        setId(id);
        addClassName("reading-closed");
        Paragraph explanation = new Paragraph(text);
        explanation.setId(id + "-text");
        RouterLink home = new RouterLink(getTranslation("reading.closed.my-studies"), ReaderHomeView.class);
        home.setId("to-my-studies");
        RouterLink done = new RouterLink(getTranslation("reading.closed.overview"), ReadingDoneView.class,
                new RouteParameters("participation", String.valueOf(participationId)));
        done.setId("to-overview");
        Div links = new Div(home, done);
        links.addClassName("reading-closed-links");
        add(new H2(title), explanation, links);
    }
}
