package org.dermread.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.analysis.SizingRequest;
import org.dermread.analysis.SizingResult;
import org.dermread.analysis.StudyAnalysis;
import org.dermread.analysis.StudyResultsService;
import org.dermread.reading.Phase;
import org.dermread.stats.CovarianceMethod;
import org.dermread.stats.FigureOfMerit;
import org.dermread.stats.StudySizing;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The results page's sizing section shows the service's table in the page's language, or why there is none. */
class SizingSectionTest extends KaribuTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK");

    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    StudyResultsService results;

    private TestStudy study(Account coordinator, int readers, boolean aided) throws InterruptedException {
        Options options = Options.defaults().withConfidence();
        TestStudy study = studies.openStudy(coordinator, 18, LABELS, aided ? options.withAidedPhase() : options);
        if (aided) {
            assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        }
        for (int r = 0; r < readers; r++) {
            Account reader = testAccounts.create("sizing-ui-reader", Role.READER);
            int seat = r;
            studies.giveProfile(reader, 3 + 5 * r);
            long participation = studies.invite(study, reader, 500 + r);
            readings.readAll(reader, participation, new TestReadings.Answerer() {
                @Override
                public String answer(long caseId, int i, Phase phase) {
                    String truth = study.truth().get(caseId);
                    boolean right = (caseId * 5 + seat) % (phase == Phase.UNAIDED ? 3 : 4 + seat % 2) != 0;
                    return right ? truth : LABELS.get((LABELS.indexOf(truth) + 1) % LABELS.size());
                }

                @Override
                public Integer confidence(long caseId, int i, Phase phase) {
                    return 1 + (int) ((caseId + seat) % 5);
                }
            }, aided ? new Phase[] {Phase.UNAIDED, Phase.AIDED} : new Phase[] {Phase.UNAIDED});
        }
        return study;
    }

    private static List<String> texts(NativeTableRow row) {
        return row.getChildren().map(cell -> cell.getElement().getText()).toList();
    }

    @Test
    void the_section_shows_the_service_s_table_in_english_and_in_chinese() throws InterruptedException {
        Account coordinator = testAccounts.create("sizing-ui-coord", Role.COORDINATOR);
        TestStudy study = study(coordinator, 4, true);
        login(coordinator);
        StudyAnalysis analysis = results.analyse(results.snapshot(study.studyId()));
        SizingResult expected = results.size(analysis,
                new SizingRequest(FigureOfMerit.PROPORTION, null, CovarianceMethod.JACKKNIFE, 0.05, 0.8, 0.05));
        assertThat(expected.unavailable()).as(expected.detail()).isNull();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            UI.getCurrent().setLocale(locale);
            SizingSection section = new SizingSection(results, analysis);
            UI.getCurrent().add(section);
            _click(_get(section, Button.class, spec -> spec.withId("sizing-compute")));
            NativeTable table = _get(section, NativeTable.class, spec -> spec.withId("sizing-table"));
            List<NativeTableRow> rows = _find(table, NativeTableRow.class);
            assertThat(texts(rows.get(0))).containsExactly(locale == Locale.ENGLISH
                    ? new String[] {"Readers", "Cases needed", "Power", "Expected CI width of the difference"}
                    : new String[] {"阅片医师人数", "所需病例数", "检验效能", "差异的预期置信区间宽度"});
            assertThat(rows).hasSize(1 + StudySizing.DEFAULT_READERS.size());
            for (int i = 0; i < expected.designs().size(); i++) {
                StudySizing.Design d = expected.designs().get(i);
                List<String> cells = texts(rows.get(1 + i));
                assertThat(cells.get(0)).isEqualTo(String.valueOf(d.readers()));
                assertThat(cells.get(1)).isEqualTo(d.cases() < 0
                        ? section.getTranslation("results.sizing.unreachable", StudySizing.DEFAULT_MAX_CASES)
                        : String.valueOf(d.cases()));
                assertThat(cells.get(2)).isEqualTo(String.format(Locale.ROOT, "%.3f", d.power()));
            }
            assertThat(_get(section, Paragraph.class, spec -> spec.withId("sizing-pilot")).getText())
                    .contains("4").contains("18");
            UI.getCurrent().remove(section);
        }
    }

    @Test
    void a_study_without_an_aided_phase_gets_a_reason_and_no_number() throws InterruptedException {
        Account coordinator = testAccounts.create("sizing-ui-coord", Role.COORDINATOR);
        TestStudy study = study(coordinator, 2, false);
        login(coordinator);
        StudyAnalysis analysis = results.analyse(results.snapshot(study.studyId()));
        SizingSection section = new SizingSection(results, analysis);
        UI.getCurrent().add(section);
        _click(_get(section, Button.class, spec -> spec.withId("sizing-compute")));
        assertThat(_find(section, NativeTable.class)).isEmpty();
        String text = section.result.getElement().getTextRecursively();
        assertThat(text).contains("no two phases with answers").doesNotContain("NaN");
    }
}
