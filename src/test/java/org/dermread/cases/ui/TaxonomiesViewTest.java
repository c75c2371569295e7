package org.dermread.cases.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.dermread.accounts.Role;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.DiagnosisGroup;
import org.dermread.cases.Taxonomy;
import org.dermread.cases.TaxonomySummary;
import org.dermread.shell.AccessDeniedView;
import org.dermread.shell.NotFoundView;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The taxonomies page: browsing the seeded ones, creating one and adding diagnoses, server-side. */
class TaxonomiesViewTest extends KaribuTest {

    @Autowired
    Taxonomy taxonomy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_administrator_browses_the_seeded_taxonomies_which_take_no_additions() {
        login(testAccounts.create("tax-admin", Role.ADMIN));
        UI.getCurrent().navigate("coordinator/taxonomies");

        Grid<Diagnosis> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(14);
        assertThat(GridKt._getFormattedRow(grid, 13)).contains("BCC", "basal cell carcinoma", "基底细胞癌", "malignant");
        choose("isic");
        assertThat(GridKt._size(grid)).isEqualTo(8);
        assertThat(GridKt._getFormattedRow(grid, 3)).contains("AKIEC", "premalignant");
        assertThat(_get(Paragraph.class, spec -> spec.withId("taxonomy-about")).getText()).contains("Tschandl");
        assertThat(_find(Button.class, spec -> spec.withId("add-diagnosis"))).as("hidden").isEmpty();
    }

    @Test
    void a_coordinator_creates_a_taxonomy_and_adds_an_existing_and_a_new_diagnosis_in_chinese_too() {
        login(testAccounts.create("tax-coord", Role.COORDINATOR));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("coordinator/taxonomies");
        assertThat(GridKt._getFormattedRow(grid(), 13)).contains("恶性");

        _setValue(field("taxonomy-code"), "derm-ui");
        _setValue(field("taxonomy-version"), "1");
        _setValue(field("taxonomy-name-en"), "Pigmented lesions");
        _setValue(field("taxonomy-name-zh"), "色素性病变");
        _click(_get(Button.class, spec -> spec.withId("create-taxonomy")));
        assertThat(choice().getValue().code()).isEqualTo("derm-ui");
        assertThat(_get(Button.class, spec -> spec.withId("add-diagnosis")).isVisible()).isTrue();

        _setValue(field("diagnosis-code"), "DF");
        diagnosisGroup().setValue(DiagnosisGroup.BENIGN);
        _click(_get(Button.class, spec -> spec.withId("add-diagnosis")));
        _setValue(field("diagnosis-code"), "PIGN");
        _setValue(field("diagnosis-name-en"), "pigmented nevus");
        _setValue(field("diagnosis-name-zh"), "色素痣样病变");
        diagnosisGroup().setValue(DiagnosisGroup.BENIGN);
        _click(_get(Button.class, spec -> spec.withId("add-diagnosis")));

        assertThat(GridKt._size(grid())).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("DF", "dermatofibroma", "皮肤纤维瘤", "良性");
        assertThat(GridKt._getFormattedRow(grid(), 1)).contains("PIGN", "色素痣样病变");

        NotificationsKt.clearNotifications();
        _setValue(field("diagnosis-code"), "DF");
        _click(_get(Button.class, spec -> spec.withId("add-diagnosis")));
        assertThat(NotificationsKt.getNotifications()).hasSize(1);
        assertThat(taxonomy.diagnoses("derm-ui")).extracting(Diagnosis::code).containsExactly("DF", "PIGN");
        assertThat(jdbc.sql("select count(*) from audit_event where target = 'taxonomy derm-ui'")
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void readers_and_statisticians_cannot_open_the_taxonomies_page() {
        for (Role role : List.of(Role.READER, Role.STATISTICIAN)) {
            login(testAccounts.create("tax-" + role.name().toLowerCase(Locale.ROOT), role));
            UI.getCurrent().navigate("coordinator/taxonomies");
            assertThat(UI.getCurrent().getCurrentView()).isInstanceOfAny(AccessDeniedView.class, NotFoundView.class);
        }
    }

    private void choose(String code) {
        Select<TaxonomySummary> choice = choice();
        choice.setValue(taxonomy.taxonomies().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Select<TaxonomySummary> choice() {
        return _get(Select.class, spec -> spec.withId("taxonomy-choice"));
    }

    @SuppressWarnings("unchecked")
    private static Select<DiagnosisGroup> diagnosisGroup() {
        return _get(Select.class, spec -> spec.withId("diagnosis-group"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Diagnosis> grid() {
        return _get(Grid.class, spec -> spec.withId("taxonomy-diagnoses"));
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }
}
