package org.dermread.cases.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.dermread.cases.ImportFailedException;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProblems;
import org.dermread.cases.ImportResult;
import org.dermread.cases.StudySetLayout;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.Test;

/**
 * A refusal with 100,000 problems (the probe's manifest, had it been allowed that long) is shown as a grid of the
 * problems kept and a count per kind, not as one element per problem (issue 12, finding 1).
 */
class ImportReportTest extends KaribuTest {

    @Test
    void a_refusal_with_100000_problems_shows_a_grid_of_those_kept_and_the_count_of_each_kind() {
        ImportProblems problems = new ImportProblems();
        for (int row = 2; row < 20_002; row++) {
            problems.add(ImportProblem.of("manifest.csv", row, "cases.problem.case-id-format", "bad id " + row));
            problems.add(ImportProblem.of("manifest.csv", row, "cases.problem.diagnosis-unknown", "NOPE"));
            problems.add(ImportProblem.of("manifest.csv", row, "cases.problem.age", "200"));
            problems.add(ImportProblem.of("manifest.csv", row, "cases.problem.sex", "X"));
            problems.add(ImportProblem.of("manifest.csv", row, "cases.problem.image-path", "/abs/" + row));
        }
        ImportReport report = new ImportReport();
        UI.getCurrent().add(report);

        report.failure(new ImportFailedException(problems));

        @SuppressWarnings("unchecked")
        Grid<ImportProblem> grid = _get(Grid.class, spec -> spec.withId("import-problems"));
        assertThat(grid.getGenericDataView().getItems().count()).isEqualTo(5L * ImportProblems.KEPT_PER_KIND);
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-capped")).getText()).contains("100,000");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("import-kinds")).getChildren().count())
                .isEqualTo(5);
        assertThat(report.getElement().getChildCount()).as("a handful of elements, not one per problem")
                .isLessThan(10);
    }

    @Test
    void an_accepted_import_says_which_layout_was_recognised_its_taxonomy_and_how_many_rows_were_skipped() {
        ImportReport report = new ImportReport();
        UI.getCurrent().add(report);

        report.success(new ImportResult(7, "ISIC 2019: training", false, 25_331, StudySetLayout.ISIC_2019, 12,
                "isic"));

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-layout")).getText())
                .isEqualTo("Recognised layout: ISIC 2019 (one-hot ground truth and metadata).");
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-taxonomy")).getText())
                .isEqualTo("Taxonomy: isic.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-skipped")).getText()).startsWith("12 row(s)");
        assertThat(report.getElement().getAttribute("data-layout")).isEqualTo("isic2019");
    }

    @Test
    void a_refusal_says_which_layout_the_set_was_read_as() {
        ImportProblems problems = new ImportProblems();
        problems.add(ImportProblem.of("HAM10000_metadata.csv", 4, "cases.problem.ham-dx", "scc"));
        ImportReport report = new ImportReport();
        UI.getCurrent().add(report);

        report.failure(new ImportFailedException(problems, StudySetLayout.HAM10000));

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-layout")).getText())
                .contains("HAM10000_metadata.csv");
        assertThat(report.getElement().getAttribute("data-layout")).isEqualTo("ham10000");
    }
}
