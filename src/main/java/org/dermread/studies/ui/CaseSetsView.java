package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.cases.ui.CoordinatorMenu;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetService;

/** Case sets: every set with its labels, size and sampling record; open one to edit (unlocked) or clone it. */
@Route("coordinator/case-sets")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class CaseSetsView extends VerticalLayout implements HasDynamicTitle {

    private final CaseSetService caseSets;
    private final Grid<CaseSet> grid = new Grid<>(CaseSet.class, false);

    public CaseSetsView(CaseSetService caseSets) {
        this.caseSets = caseSets;
        setId("case-sets-view");
        setSizeFull();
        Button create = new Button(getTranslation("studies.casesets.new"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate("coordinator/case-sets/new")));
        create.setId("new-case-set");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new CoordinatorMenu("coordinator/case-sets"), new H2(getTranslation("studies.casesets.title")), create);

        grid.setId("case-set-grid");
        grid.addColumn(CaseSet::name).setHeader(getTranslation("studies.field.name")).setAutoWidth(true)
                .setTooltipGenerator(CaseSet::name);
        grid.addColumn(set -> String.join(", ", set.labels())).setHeader(getTranslation("studies.field.labels"))
                .setFlexGrow(2).setTooltipGenerator(set -> String.join(", ", set.labels()));
        grid.addColumn(CaseSet::caseCount).setHeader(getTranslation("studies.field.cases")).setAutoWidth(true);
        grid.addColumn(set -> set.samplingSeed() == null ? getTranslation("studies.casesets.by-hand")
                : getTranslation("studies.casesets.sampled", set.samplingPerClass(),
                        Seeds.shortForm(set.samplingSeed())) + (set.samplingImagesPerLesion() == null
                        || set.samplingImagesPerLesion() == 1 ? ""
                        : ", " + getTranslation("studies.casesets.per-lesion", set.samplingImagesPerLesion())))
                .setTooltipGenerator(set -> set.samplingSeed() == null ? null : Seeds.fullForm(set.samplingSeed()))
                .setHeader(getTranslation("studies.casesets.how")).setAutoWidth(true);
        grid.addComponentColumn(set -> {
            Span badge = new Span(getTranslation(set.locked() ? "studies.casesets.locked"
                    : "studies.casesets.editable"));
            badge.getElement().getThemeList().add(set.locked() ? "badge" : "badge contrast");
            return badge;
        }).setHeader(getTranslation("studies.field.status")).setAutoWidth(true);
        grid.addColumn(CaseSet::createdByName).setHeader(getTranslation("studies.field.created-by"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(CaseSet set) {
        Button open = new Button(getTranslation(set.locked() ? "studies.casesets.view" : "studies.casesets.edit"),
                click -> getUI().ifPresent(ui -> ui.navigate(CaseSetDesignerView.class,
                        new RouteParameters("caseSetId", String.valueOf(set.id())))));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button copy = new Button(getTranslation("studies.casesets.clone"), click -> {
            try {
                long id = caseSets.cloneCaseSet(set.id(), getTranslation("studies.copy-of", set.name()));
                Notifications.success(getTranslation("studies.casesets.cloned"));
                getUI().ifPresent(ui -> ui.navigate(CaseSetDesignerView.class,
                        new RouteParameters("caseSetId", String.valueOf(id))));
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
        copy.setId("clone-case-set-" + set.id());
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(open, copy);
    }

    private void refresh() {
        grid.setItems(caseSets.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("studies.casesets.title") + " · " + getTranslation("app.name");
    }
}
