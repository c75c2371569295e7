package org.dermread.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.dermread.bundle.BundleFiles;
import org.dermread.analysis.figures.StudyFigures;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.SimulatedCollaboration;
import org.dermread.stats.AnswerChanges;
import org.dermread.stats.StudyReport;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The results page's collaboration section, from the report of a simulated two-arm study read from its bundle files:
 * every table in English and Chinese, numbers as the report has them, and "not estimable" instead of NaN.
 */
class CollaborationSectionTest extends KaribuTest {

    private static StudyReport report;
    private static StudyFigures figures;
    private static final FigureDownloads DOWNLOADS = new FigureDownloads(Runnable::run);

    @BeforeAll
    static void analyse() {
        BundleStudy study = BundleReader.read(BundleFiles.of(SimulatedCollaboration.files(120, 6, 7, 100, 0.95)));
        report = study.analyze();
        figures = new StudyFigures(study.study(), report, Map.of());
    }

    private static List<String> texts(NativeTableRow row) {
        return row.getChildren().map(cell -> cell.getElement().getText()).toList();
    }

    private static List<NativeTableRow> rows(CollaborationSection section, String id) {
        return _find(_get(section, NativeTable.class, spec -> spec.withId(id)), NativeTableRow.class);
    }

    @Test
    void the_section_shows_each_arm_its_groups_classes_differences_and_answer_changes_in_both_languages() {
        StudyReport.CollaborationReport collaboration = report.collaboration();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            UI.getCurrent().setLocale(locale);
            CollaborationSection section = new CollaborationSection(collaboration, Function.identity(), figures,
                    DOWNLOADS);
            UI.getCurrent().add(section);
            boolean english = locale == Locale.ENGLISH;

            List<NativeTableRow> arms = rows(section, "collaboration-arms");
            assertThat(arms).hasSize(1 + 2);
            assertThat(texts(arms.get(0)).get(0)).isEqualTo(english ? "Arm" : "组别");
            List<String> a = texts(arms.get(1));
            assertThat(a.get(0)).isEqualTo("Top-1 only (A)");
            assertThat(a.get(1)).isEqualTo(english ? "top-1 diagnosis" : "首位诊断");
            assertThat(texts(arms.get(2)).get(1)).isEqualTo(english ? "similar cases (k = 8), saliency map"
                    : "相似病例（k = 8）、显著性热图");
            assertThat(a.get(2)).isEqualTo("6");
            StudyReport.Interval gain = collaboration.arms().get(0).gain();
            assertThat(a.get(5)).startsWith(String.format(Locale.ROOT, "%.1f%%", 100 * gain.estimate()))
                    .contains(String.format(Locale.ROOT, "%.1f", 100 * gain.lower()));

            assertThat(rows(section, "collaboration-groups")).hasSize(1 + 2 * 2);
            assertThat(rows(section, "collaboration-classes")).hasSize(1 + 2 * SimulatedCollaboration.K);
            List<NativeTableRow> differences = rows(section, "collaboration-differences");
            assertThat(differences).hasSize(2);
            assertThat(texts(differences.get(1)).subList(0, 2))
                    .containsExactly("Top-1 only (A)", "Similar cases with saliency (B)");

            List<NativeTableRow> changes = rows(section, "collaboration-changes");
            assertThat(changes).hasSize(1 + 2 * (1 + 6));
            StudyReport.ArmReport first = collaboration.arms().get(0);
            List<String> total = texts(changes.get(1));
            assertThat(total.get(1)).isEqualTo(english ? "All readers of the arm" : "本组全部阅片医师");
            assertThat(total.subList(2, 5)).containsExactly(String.valueOf(first.answerChanges().pairs()),
                    String.valueOf(first.answerChanges().wrongToRight()),
                    String.valueOf(first.answerChanges().rightToWrong()));
            assertThat(texts(changes.get(2)).get(1)).isEqualTo("R001");

            assertThat(_find(section, NativeTable.class, spec -> spec.withId("collaboration-mrmc-A"))).hasSize(1);
            Image gainFigure = _get(_get(section, Div.class, spec -> spec.withId("collaboration-gain-figure")),
                    Image.class);
            assertThat(gainFigure.getAlt()).hasValue(english ? "Gain in accuracy by arm and experience"
                    : "准确率提升（按组别和经验）");
            assertThat(_find(section, Div.class, spec -> spec.withId("collaboration-switching-figure"))).hasSize(1);
            String text = section.getElement().getTextRecursively();
            assertThat(text).doesNotContain("NaN").doesNotContain("null").doesNotContain("!{");
            UI.getCurrent().remove(section);
        }
    }

    @Test
    void an_arm_whose_readers_never_disagreed_with_the_ai_reads_not_estimable_with_the_reason() {
        // One reader who always gave the AI's answer: no case to switch on, so reliance is undefined.
        StudyReport.ArmReport arm = report.collaboration().arms().get(0);
        AnswerChanges agreed = new AnswerChanges(10, 8, 0, 0, 2, 0, 0, 0, 0, 0,
                2, 0, 0);
        StudyReport.Interval undefined = new StudyReport.Interval(Double.NaN, Double.NaN, Double.NaN);
        StudyReport.ArmReport lonely = new StudyReport.ArmReport("C", "C", null, 1, List.of("R099"),
                arm.unaidedAccuracy(), arm.aidedAccuracy(), arm.gain(), arm.balancedAccuracyGain(), arm.perClass(),
                List.of(), undefined, undefined, arm.accuracyOnAiWrongUnaided(), arm.accuracyOnAiWrongAided(), agreed,
                List.of(new StudyReport.ReaderChanges("R099", "<3", agreed, 0.8, 0.8, 0, Double.NaN, Double.NaN)),
                List.of(), null);
        StudyReport.CollaborationReport one = new StudyReport.CollaborationReport("unaided", "aided", 0.95, 0, 1,
                "m", List.of(), List.of(lonely), List.of());
        StudyFigures oneFigures = new StudyFigures(null, new StudyReport(1, report.settings(), report.study(),
                List.of(), report.ai(), report.phases(), report.mrmc(), null, one), Map.of());
        CollaborationSection section = new CollaborationSection(one, Function.identity(), oneFigures, DOWNLOADS);
        UI.getCurrent().add(section);
        List<String> row = texts(rows(section, "collaboration-arms").get(1));
        assertThat(row.get(1)).isEqualTo("not described");
        assertThat(row.get(7)).isEqualTo(section.getTranslation("report.not-estimable"));
        assertThat(rows(section, "collaboration-arms").get(1).getChildren().skip(7).findFirst().orElseThrow()
                .getElement().getAttribute("title")).contains("AI was right");
        assertThat(section.getElement().getTextRecursively()).doesNotContain("NaN");
    }
}
