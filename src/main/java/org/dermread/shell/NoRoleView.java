package org.dermread.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Shown to a signed-in person whose account has no role that opens any page. */
@Route("no-role")
@PermitAll
public class NoRoleView extends VerticalLayout {

    public NoRoleView() {
        add(new H2(getTranslation("norole.title")), new Paragraph(getTranslation("norole.text")));
    }
}
