package org.dermread.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** Common frame of a role's landing page: a title and what the role does here. */
public abstract class LandingPage extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    protected LandingPage(String id, String titleKey, String introKey) {
        this.titleKey = titleKey;
        setId(id);
        addClassName("landing-page");
        H2 title = new H2(getTranslation(titleKey));
        title.setId("landing-title");
        add(title, new Paragraph(getTranslation(introKey)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.name");
    }
}
