package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.SignedIn;
import org.dermread.common.UserFacingException;
import org.dermread.inference.DemoStudies;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Case sets take their label set from a taxonomy and their cases from case sources of that taxonomy. */
@DermReadTest
class CaseSetTaxonomyTest {

    static final List<String> ISIC_THREE = List.of("MEL", "NV", "DF");

    @Autowired
    CaseSetService caseSets;
    @Autowired
    StudyService studies;
    @Autowired
    CaseLibraryService library;
    @Autowired
    DemoStudies demoStudies;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    Account coordinator;
    long zhuSource;
    List<Long> isicCases;

    @BeforeEach
    void aZhuLibraryAndAnIsicOneBothWithDermatofibromas() {
        coordinator = accounts.create("tax-designer", Role.COORDINATOR);
        SignedIn.as(coordinator);
        zhuSource = StudyFixtures.importSource(library, 10, StudyFixtures.EIGHT);
        isicCases = demoStudies.createIsic(coordinator, ISIC_THREE, 12).caseIds();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void sampling_on_the_isic_taxonomy_draws_only_cases_of_isic_sources() {
        CaseSelection drawn = caseSets.sample(new SamplingPlan(ISIC_THREE, 4, 1, Set.of(), "isic"));

        // every case drawn is of an ISIC source (other tests may have imported more of them than this one's)
        assertThat(drawn.caseIds()).hasSize(12);
        assertThat(jdbc.sql("""
                        select count(*) from clinical_case c join case_source s on s.id = c.source_id
                         where c.id in (:ids) and s.taxonomy = 'isic'""").param("ids", drawn.caseIds())
                .query(Long.class).single()).isEqualTo(12);
        assertThat(caseSets.sourcesOf("isic")).doesNotContain(zhuSource);
        assertThat(caseSets.sourcesOf("zhu2021")).contains(zhuSource);
        CaseSelection zhuDf = caseSets.sample(new SamplingPlan(List.of("DF", "SK"), 10, 1, Set.of(zhuSource)));
        assertThat(zhuDf.caseIds()).noneMatch(isicCases::contains);
    }

    @Test
    void an_isic_case_set_is_stored_with_its_taxonomy_and_its_study_takes_the_isic_labels() {
        CaseSelection drawn = caseSets.sample(new SamplingPlan(ISIC_THREE, 4, 1, Set.of(), "isic"));
        long id = caseSets.create(new CaseSetDesign("ISIC three", null, ISIC_THREE, drawn.caseIds(), 1L, 4, "isic"));

        CaseSet saved = caseSets.find(id);
        assertThat(saved.taxonomy()).isEqualTo("isic");
        assertThat(jdbc.sql("select taxonomy from case_set where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("isic");
        long clone = caseSets.cloneCaseSet(id, "ISIC three, again");
        assertThat(caseSets.find(clone).taxonomy()).isEqualTo("isic");

        long study = studies.create(new StudyForm("ISIC study", null, id, ISIC_THREE, StudyOptions.DEFAULTS));
        assertThat(studies.findStudy(study).labels()).containsExactlyElementsOf(ISIC_THREE);
        assertThatThrownBy(() -> studies.create(new StudyForm("Zhu labels on ISIC", null, id,
                List.of("MEL", "NV", "DF", "MN"), StudyOptions.DEFAULTS)))
                .isInstanceOfSatisfying(UserFacingException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("taxonomy.error.not-in-taxonomy"));
    }

    @Test
    void a_case_set_refuses_labels_of_another_taxonomy_and_cases_of_another_taxonomys_sources() {
        List<Long> zhuDf = caseSets.sample(new SamplingPlan(List.of("DF", "SK"), 1, 3, Set.of(zhuSource)))
                .caseIds();
        List<Long> mixed = new ArrayList<>(isicCases);
        mixed.addAll(zhuDf.subList(0, 1));
        int before = caseSets.list().size();

        assertThatThrownBy(() -> caseSets.create(new CaseSetDesign("Mixed", null, ISIC_THREE, mixed, null, null,
                "isic")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("studies.caseset.error.other-taxonomy");
                    assertThat(e.arguments()).containsExactly(1, "isic");
                });
        assertThatThrownBy(() -> caseSets.create(new CaseSetDesign("MN on ISIC", null, List.of("MEL", "MN"),
                isicCases, null, null, "isic")))
                .isInstanceOfSatisfying(UserFacingException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("taxonomy.error.not-in-taxonomy"));
        assertThatThrownBy(() -> caseSets.preview("zhu2021", List.of("DF", "SK"), isicCases.subList(0, 3)))
                .isInstanceOfSatisfying(UserFacingException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("studies.caseset.error.other-taxonomy"));
        assertThat(caseSets.list()).hasSize(before);
    }
}
