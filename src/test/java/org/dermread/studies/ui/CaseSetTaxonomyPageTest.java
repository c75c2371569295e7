package org.dermread.studies.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.CaseSource;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.Taxonomy;
import org.dermread.cases.TaxonomySummary;
import org.dermread.inference.DemoStudies;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetService;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case-set designer on another taxonomy than the default: its codes, its case sources, its names. */
class CaseSetTaxonomyPageTest extends KaribuTest {

    @Autowired
    CaseLibraryService library;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    DemoStudies demoStudies;
    @Autowired
    JdbcClient jdbc;

    Account coordinator;

    @BeforeEach
    void aZhuLibraryAndAnIsicSource() {
        coordinator = testAccounts.create("tax-page-coord", Role.COORDINATOR);
        login(coordinator);
        library.importFolder(Path.of("study-sets/demo"));
        demoStudies.createIsic(coordinator, List.of("MEL", "NV", "DF"), 12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosing_the_isic_taxonomy_offers_its_eight_codes_and_only_its_sources_and_saves_an_isic_case_set() {
        UI.getCurrent().navigate("coordinator/case-sets/new");
        Select<TaxonomySummary> choice = _get(Select.class, spec -> spec.withId("case-set-taxonomy"));
        CheckboxGroup<Diagnosis> labels = _get(CheckboxGroup.class, spec -> spec.withId("case-set-labels"));
        MultiSelectComboBox<CaseSource> sources = _get(MultiSelectComboBox.class,
                spec -> spec.withId("case-set-sources"));
        assertThat(choice.getValue().code()).isEqualTo(Taxonomy.DEFAULT_TAXONOMY);
        assertThat(labels.getListDataView().getItems().map(Diagnosis::code)).hasSize(14).contains("MN");

        _setValue(choice, taxonomy.taxonomies().stream().filter(t -> t.code().equals("isic")).findFirst()
                .orElseThrow());

        assertThat(labels.getListDataView().getItems().map(Diagnosis::code))
                .containsExactly("MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC", "SCC");
        // only sources of the ISIC taxonomy (other tests may have imported more of them), among them this test's
        Set<Long> isicSources = caseSets.sourcesOf("isic");
        assertThat(sources.getListDataView().getItems().map(CaseSource::id)).allMatch(isicSources::contains);
        assertThat(sources.getListDataView().getItems().map(CaseSource::name)).anyMatch(n -> n.startsWith("isic "));
        long melanomas = jdbc.sql("""
                        select count(*) from clinical_case c join case_source s on s.id = c.source_id
                         where s.taxonomy = 'isic' and c.diagnosis = 'MEL'""").query(Long.class).single();
        assertThat(melanomas).isGreaterThanOrEqualTo(4);
        long lesions = jdbc.sql("""
                        select count(distinct coalesce(c.lesion_id, 'case ' || c.id)) from clinical_case c
                          join case_source s on s.id = c.source_id
                         where s.taxonomy = 'isic' and c.diagnosis = 'MEL'""").query(Long.class).single();
        // the label counts images, and the lesions too where fewer (sampling draws lesions)
        assertThat(labels.getItemLabelGenerator().apply(taxonomy.find("isic", "MEL").orElseThrow()))
                .isEqualTo("MEL · melanoma (" + (lesions == melanomas ? String.valueOf(melanomas)
                        : melanomas + " images of " + lesions + " lesions") + ")");

        String name = "ISIC designed " + System.nanoTime();
        _setValue(_get(TextField.class, spec -> spec.withId("case-set-name")), name);
        _setValue(labels, new LinkedHashSet<>(List.of(taxonomy.find("isic", "MEL").orElseThrow(),
                taxonomy.find("isic", "NV").orElseThrow(), taxonomy.find("isic", "DF").orElseThrow())));
        _setValue(_get(IntegerField.class, spec -> spec.withId("per-class")), 4);
        _setValue(_get(TextField.class, spec -> spec.withId("sampling-seed")), "17");
        _click(_get(Button.class, spec -> spec.withId("draw-cases")));
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("distribution")))).isEqualTo(3);
        _click(_get(Button.class, spec -> spec.withId("save-case-set")));

        CaseSet saved = caseSets.list().stream().filter(set -> set.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.taxonomy()).isEqualTo("isic");
        assertThat(saved.labels()).containsExactly("MEL", "NV", "DF");
        assertThat(saved.caseCount()).isEqualTo(12);
    }
}
