package org.dermread.inference.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.inference.InferenceService;
import org.dermread.inference.StudyOverview;

/** The studies the user may see, with the state of the AI's latest run over each; a click opens the study. */
@Route("inference")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR, Role.Names.STATISTICIAN})
public class AiRunsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<StudyOverview> grid = new Grid<>();

    public AiRunsView(InferenceService inference) {
        setId("inference-runs");
        setSizeFull();
        add(new H2(getTranslation("inference.runs.title")), new Paragraph(getTranslation("inference.runs.intro")));
        grid.addColumn(StudyOverview::name).setHeader(getTranslation("inference.runs.study")).setAutoWidth(true);
        grid.addColumn(StudyOverview::caseCount).setHeader(getTranslation("inference.runs.cases"));
        grid.addColumn(study -> study.latestRun().map(run -> getTranslation("inference.status." + run.status().name())
                + " (" + run.doneCases() + "/" + run.totalCases() + ")").orElse(getTranslation("inference.runs.none")))
                .setHeader(getTranslation("inference.runs.latest"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("inference-study-grid");
        grid.setItems(inference.studies());
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(StudyAiView.class,
                click.getItem().studyId())));
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inference.runs.title") + " · " + getTranslation("app.name");
    }
}
