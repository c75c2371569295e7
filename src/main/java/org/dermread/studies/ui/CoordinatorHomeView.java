package org.dermread.studies.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.cases.ui.CoordinatorMenu;
import org.dermread.shell.LandingPage;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudySummary;

/** Landing page of the coordinator role: the steps of a study and the studies this coordinator manages. */
@Route("coordinator")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class CoordinatorHomeView extends LandingPage {

    public CoordinatorHomeView(StudyService studies) {
        super("coordinator-home", "coordinator.title", "coordinator.intro");
        addComponentAsFirst(new CoordinatorMenu("coordinator"));

        OrderedList steps = new OrderedList();
        steps.setId("coordinator-steps");
        steps.add(step("coordinator/import", "studies.home.step.import"),
                step("coordinator/case-sets/new", "studies.home.step.case-set"),
                step("coordinator/studies/new", "studies.home.step.study"),
                new ListItem(getTranslation("studies.home.step.open")));
        add(new H3(getTranslation("studies.home.steps")), steps);

        List<StudySummary> mine = studies.listStudies();
        add(new H3(getTranslation("studies.home.mine")));
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("studies.home.none")));
        } else {
            Grid<StudySummary> grid = StudiesView.grid(mine);
            grid.setAllRowsVisible(true);
            grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(StudyEditorView.class,
                    new RouteParameters("studyId", String.valueOf(event.getItem().id())))));
            add(grid);
        }
    }

    private ListItem step(String href, String key) {
        return new ListItem(new Anchor(href, getTranslation(key)));
    }
}
