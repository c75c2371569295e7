package org.dermread.studies.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.cases.ui.CoordinatorMenu;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudyStatus;
import org.dermread.studies.StudySummary;

/** The studies the coordinator manages (administrators: all). */
@Route("coordinator/studies")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class StudiesView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    public StudiesView(StudyService studies) {
        setId("studies-view");
        setSizeFull();
        Button create = new Button(getTranslation("studies.list.new"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate("coordinator/studies/new")));
        create.setId("new-study");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new CoordinatorMenu("coordinator/studies"), new H2(getTranslation("studies.list.title")), create);
        Grid<StudySummary> grid = grid(studies.listStudies());
        grid.setId("study-grid");
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(StudyEditorView.class,
                new RouteParameters("studyId", String.valueOf(event.getItem().id())))));
        add(grid);
    }

    static Grid<StudySummary> grid(List<StudySummary> studies) {
        Grid<StudySummary> grid = new Grid<>(StudySummary.class, false);
        grid.addColumn(StudySummary::name).setHeader(grid.getTranslation("studies.field.name")).setSortable(true)
                .setFlexGrow(2);
        grid.addComponentColumn(s -> status(s.status())).setHeader(grid.getTranslation("studies.field.status"))
                .setAutoWidth(true);
        grid.addColumn(StudySummary::caseSetName).setHeader(grid.getTranslation("studies.field.case-set"))
                .setAutoWidth(true).setTooltipGenerator(StudySummary::caseSetName);
        grid.addColumn(StudySummary::cases).setHeader(grid.getTranslation("studies.field.cases")).setAutoWidth(true);
        grid.addColumn(StudySummary::readers).setHeader(grid.getTranslation("studies.field.readers"))
                .setAutoWidth(true);
        grid.addColumn(s -> DATE.format(s.createdAt())).setHeader(grid.getTranslation("studies.field.created"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(studies);
        return grid;
    }

    static Span status(StudyStatus status) {
        Span badge = new Span(badgeText(status));
        badge.getElement().getThemeList().add(switch (status) {
            case DRAFT -> "badge contrast";
            case OPEN -> "badge success";
            case CLOSED -> "badge";
        });
        return badge;
    }

    private static String badgeText(StudyStatus status) {
        return UI.getCurrent().getTranslation("studies.status." + status.name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("studies.list.title") + " · " + getTranslation("app.name");
    }
}
