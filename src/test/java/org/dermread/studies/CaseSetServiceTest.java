package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseFilter;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.DatabaseSnapshot;
import org.dermread.cases.SignedIn;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@DermReadTest
class CaseSetServiceTest {

    @Autowired
    CaseSetService caseSets;
    @Autowired
    CaseLibraryService library;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    Account coordinator;
    long source;

    @BeforeEach
    void libraryOfTenPerClass() {
        coordinator = accounts.create("designer", Role.COORDINATOR);
        SignedIn.as(coordinator);
        source = StudyFixtures.importSource(library, 10, StudyFixtures.EIGHT);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void the_same_seed_draws_the_same_cases_and_another_seed_others() {
        CaseSelection first = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 4, 42, source));
        CaseSelection again = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 4, 42, source));
        CaseSelection other = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 4, 43, source));

        assertThat(first.caseIds()).hasSize(32).isEqualTo(again.caseIds()).isNotEqualTo(other.caseIds());
        assertThat(first.distribution()).hasSize(8).allSatisfy((code, n) -> assertThat(n).isEqualTo(4));
        assertThat(first.distribution().keySet()).containsExactlyElementsOf(StudyFixtures.EIGHT);
    }

    @Test
    void a_saved_sampled_case_set_records_its_seed_and_holds_exactly_the_drawn_cases() {
        CaseSelection drawn = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 3, 7, source));

        long id = caseSets.create(new CaseSetDesign("Eight classes", null, StudyFixtures.EIGHT, drawn.caseIds(), 7L,
                3));

        CaseSet saved = caseSets.find(id);
        assertThat(saved.samplingSeed()).isEqualTo(7L);
        assertThat(saved.samplingPerClass()).isEqualTo(3);
        assertThat(saved.labels()).containsExactlyElementsOf(StudyFixtures.EIGHT);
        assertThat(caseSets.caseIds(id)).isEqualTo(drawn.caseIds());
        assertThat(caseSets.distribution(id)).isEqualTo(drawn.distribution());
        assertThat(caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 3, saved.samplingSeed(), source))
                .caseIds()).as("re-drawing from the record").isEqualTo(caseSets.caseIds(id));
    }

    /** The lesion of each case, as stored. */
    private List<String> lesionsOf(List<Long> caseIds) {
        return jdbc.sql("select lesion_id from clinical_case where id in (:ids) order by id").param("ids", caseIds)
                .query(String.class).list();
    }

    @Test
    void sampling_draws_lesions_so_that_by_default_no_lesion_appears_twice() {
        long lesions = StudyFixtures.importSource(library, 6, 3, List.of("LP", "Rosa"));

        CaseSelection drawn = caseSets.sample(StudyFixtures.plan(List.of("LP", "Rosa"), 5, 11, lesions));

        assertThat(drawn.caseIds()).hasSize(10);
        assertThat(drawn.distribution()).containsExactly(Map.entry("LP", 5), Map.entry("Rosa", 5));
        assertThat(lesionsOf(drawn.caseIds())).doesNotContainNull().doesNotHaveDuplicates();
        assertThatThrownBy(() -> caseSets.sample(StudyFixtures.plan(List.of("LP", "Rosa"), 7, 11, lesions)))
                .as("18 images per class, but only 6 lesions").isInstanceOf(StudyException.class)
                .hasMessageContaining("LP (6)");
    }

    @Test
    void several_images_per_lesion_when_asked_each_lesion_whole_and_the_draw_recorded_and_repeatable() {
        long lesions = StudyFixtures.importSource(library, 6, 3, List.of("LP", "Rosa"));
        SamplingPlan plan = new SamplingPlan(List.of("LP", "Rosa"), 4, 5, Set.of(lesions), 2);

        CaseSelection drawn = caseSets.sample(plan);
        long id = caseSets.create(new CaseSetDesign("Two per lesion", null, List.of("LP", "Rosa"), drawn.caseIds(),
                5L, 4, 2));

        assertThat(drawn.distribution()).containsExactly(Map.entry("LP", 8), Map.entry("Rosa", 8));
        assertThat(lesionsOf(drawn.caseIds()).stream().collect(Collectors.groupingBy(l -> l,
                Collectors.counting()))).hasSize(8).allSatisfy((lesion, n) -> assertThat(n)
                .isEqualTo(2L));
        CaseSet saved = caseSets.find(id);
        assertThat(saved.samplingImagesPerLesion()).isEqualTo(2);
        assertThat(caseSets.sample(new SamplingPlan(saved.labels(), saved.samplingPerClass(), saved.samplingSeed(),
                Set.of(lesions), saved.samplingImagesPerLesion())).caseIds()).isEqualTo(caseSets.caseIds(id));
    }

    @Test
    void a_sampled_case_set_with_more_images_of_a_lesion_than_it_records_is_refused() {
        long lesions = StudyFixtures.importSource(library, 2, 3, List.of("LP", "Rosa"));
        List<Long> all = library.cases(new CaseFilter(Set.of(), Set.of(lesions))).stream().map(c -> c.id())
                .toList();
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> caseSets.create(new CaseSetDesign("Repeats", null, List.of("LP", "Rosa"), all, 1L,
                2, 1))).isInstanceOf(StudyException.class)
                .hasMessageContaining("studies.caseset.error.lesion-repeated");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void sampling_more_than_the_library_holds_names_the_short_classes() {
        assertThatThrownBy(() -> caseSets.sample(StudyFixtures.plan(List.of("LP", "MN"), 5, 1, source)))
                .isInstanceOf(StudyException.class)
                .hasMessageContaining("studies.caseset.error.too-few")
                .hasMessageContaining("MN (0)");
    }

    @Test
    void hand_picked_cases_show_their_distribution_and_must_fit_the_label_set() {
        List<Long> lp = library.cases(new CaseFilter(Set.of("LP"),
                Set.of(source))).stream().map(c -> c.id()).limit(2).toList();
        List<Long> rosa = library.cases(new CaseFilter(Set.of("Rosa"),
                Set.of(source))).stream().map(c -> c.id()).limit(1).toList();
        List<Long> chosen = new ArrayList<>(lp);
        chosen.addAll(rosa);

        CaseSelection preview = caseSets.preview(List.of("LP", "Rosa", "VW"), chosen);

        assertThat(preview.distribution()).containsExactly(Map.entry("LP", 2), Map.entry("Rosa", 1),
                Map.entry("VW", 0));
        assertThatThrownBy(() -> caseSets.preview(List.of("LP", "VW"), chosen))
                .hasMessageContaining("studies.caseset.error.outside-labels");
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        assertThatThrownBy(() -> caseSets.create(new CaseSetDesign("Bad", null, List.of("LP", "VW"), chosen, null,
                null))).isInstanceOf(StudyException.class);
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void a_locked_case_set_cannot_be_changed_but_can_be_cloned() {
        CaseSelection drawn = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 2, 3, source));
        long id = caseSets.create(new CaseSetDesign("To lock", null, StudyFixtures.EIGHT, drawn.caseIds(), 3L, 2));
        jdbc.sql("update case_set set locked = true where id = :id").param("id", id).update();
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> caseSets.update(id, new CaseSetDesign("Changed", null, StudyFixtures.EIGHT,
                drawn.caseIds().subList(0, 8), null, null)))
                .isInstanceOf(StudyException.class)
                .hasMessageContaining("studies.caseset.error.locked");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);

        long copy = caseSets.cloneCaseSet(id, "Copy");
        assertThat(caseSets.find(copy).locked()).isFalse();
        assertThat(caseSets.caseIds(copy)).isEqualTo(caseSets.caseIds(id));
        caseSets.update(copy, new CaseSetDesign("Copy changed", null, StudyFixtures.EIGHT,
                drawn.caseIds().subList(0, 8), null, null));
        assertThat(caseSets.caseIds(copy)).hasSize(8);
    }

    @Test
    void only_its_creator_or_an_administrator_may_change_a_case_set() {
        CaseSelection drawn = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 2, 5, source));
        long id = caseSets.create(new CaseSetDesign("Mine", null, StudyFixtures.EIGHT, drawn.caseIds(), 5L, 2));
        CaseSetDesign change = new CaseSetDesign("Theirs", null, StudyFixtures.EIGHT, drawn.caseIds(), 5L, 2);

        SignedIn.as(accounts.create("other-coord", Role.COORDINATOR));
        assertThatThrownBy(() -> caseSets.update(id, change)).isInstanceOf(NotYourStudyException.class);
        assertThat(caseSets.find(id).name()).isEqualTo("Mine");

        SignedIn.as(accounts.create("admin", Role.ADMIN));
        caseSets.update(id, change);
        assertThat(caseSets.find(id).name()).isEqualTo("Theirs");

        SignedIn.as(accounts.create("reader", Role.READER));
        assertThatThrownBy(() -> caseSets.list()).isInstanceOf(AccessDeniedException.class);
    }
}
