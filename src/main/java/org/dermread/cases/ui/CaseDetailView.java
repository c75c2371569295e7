package org.dermread.cases.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryException;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.LibraryCase;
import org.dermread.cases.Taxonomy;
import org.dermread.shell.BodySites;

/** One library case: its image at full size, its ground truth and clinical fields. */
@Route("coordinator/cases/:caseId")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN, Role.Names.STATISTICIAN})
public class CaseDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseLibraryService library;
    private final Taxonomy taxonomy;
    private String title = "";

    public CaseDetailView(CaseLibraryService library, Taxonomy taxonomy) {
        this.library = library;
        this.taxonomy = taxonomy;
        setId("case-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LibraryCase c;
        try {
            c = library.find(Long.parseLong(event.getRouteParameters().get("caseId").orElse("")));
        } catch (NumberFormatException | CaseLibraryException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        title = getTranslation("cases.detail.title", c.externalId());
        H2 heading = new H2(title);
        heading.setId("case-title");
        add(new CoordinatorMenu("coordinator/cases"), new Anchor("coordinator/cases",
                getTranslation("cases.detail.back")), heading);
        if (c.synthetic()) {
            Span synthetic = new Span(getTranslation("cases.synthetic"));
            synthetic.getElement().getThemeList().add("badge contrast");
            add(synthetic);
        }
        FormLayout fields = new FormLayout();
        fields.setId("case-fields");
        fields.addFormItem(new Span(taxonomy.registry().stream()
                .filter(d -> d.code().equals(c.diagnosis())).findFirst().map(d -> d.label(getLocale()))
                .orElse(c.diagnosis())),
                getTranslation("cases.field.diagnosis"));
        fields.addFormItem(new Span(c.age() == null ? "–" : String.valueOf(c.age())),
                getTranslation("cases.field.age"));
        fields.addFormItem(new Span(c.sex() == null ? "–" : getTranslation("cases.sex." + c.sex())),
                getTranslation("cases.field.sex"));
        String site = BodySites.label(c.bodySite());
        fields.addFormItem(new Span(site.isEmpty() ? "–" : site),
                getTranslation("cases.field.body-site"));
        fields.addFormItem(new Span(c.confirmation() == null ? "–"
                : getTranslation("cases.confirmation." + c.confirmation())),
                getTranslation("cases.field.confirmation"));
        fields.addFormItem(new Span(c.sourceName()), getTranslation("cases.field.source"));
        fields.addFormItem(new Span(c.width() + " × " + c.height() + " · " + c.mediaType()),
                getTranslation("cases.field.size"));
        Span sha = new Span(c.imageSha256());
        sha.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xs)")
                .set("word-break", "break-all");
        fields.addFormItem(sha, "SHA-256");
        add(fields, CaseImages.fullSize(library, c));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
