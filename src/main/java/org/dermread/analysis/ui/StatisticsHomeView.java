package org.dermread.analysis.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.analysis.StudyResultsService;
import org.dermread.analysis.StudyResultsSummary;
import org.dermread.shell.LandingPage;

/** The statistician's landing page: every open or closed study with its progress; a click opens its results. */
@Route("statistics")
@RolesAllowed({Role.Names.STATISTICIAN, Role.Names.COORDINATOR, Role.Names.ADMIN})
public class StatisticsHomeView extends LandingPage {

    public StatisticsHomeView(StudyResultsService results) {
        super("statistics-home", "statistics.title", "statistics.intro");
        List<StudyResultsSummary> studies = results.studies();
        if (studies.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("results.none"));
            none.setId("no-results");
            add(none);
            return;
        }
        Grid<StudyResultsSummary> grid = new Grid<>();
        grid.setId("results-studies");
        grid.addColumn(StudyResultsSummary::name).setHeader(getTranslation("results.study")).setFlexGrow(3)
                .setSortable(true);
        // the short columns as wide as their headers, so "阅片医师（已完成 / 已邀请）" is not cut; the name takes the rest
        grid.addColumn(s -> getTranslation("results.status." + s.status())).setHeader(
                getTranslation("results.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StudyResultsSummary::cases).setHeader(getTranslation("results.cases")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.readersFinished() + " / " + s.readers()).setHeader(getTranslation("results.readers"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation(s.modelSha256() == null ? "common.no" : "common.yes"))
                .setHeader(getTranslation("results.ai")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(studies);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(StudyResultsView.class,
                new RouteParameters("study", String.valueOf(click.getItem().studyId())))));
        add(grid);
    }
}
