package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.DatabaseSnapshot;
import org.dermread.cases.SignedIn;
import org.dermread.common.UserFacingException;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The arms of a human-AI collaboration study as the coordinator defines them: checked, stored, cloned. */
@DermReadTest
class StudyArmsTest {

    static final StudyOptions AI = new StudyOptions(true, false, ConfidenceScale.NONE, false, true, false, null);
    /** Seven of Zhu et al.'s classes and BCC, the one malignant: a malignancy score can be formed. */
    static final List<String> WITH_BCC = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SK", "BCC");

    @Autowired
    StudyService studies;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    CaseLibraryService library;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    long caseSet;

    @BeforeEach
    void aCaseSetOfEightClasses() {
        Account coordinator = accounts.create("arms-coord", Role.COORDINATOR);
        SignedIn.as(coordinator);
        long source = StudyFixtures.importSource(library, 2, StudyFixtures.EIGHT);
        CaseSelection drawn = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 1, 5, source));
        caseSet = caseSets.create(new CaseSetDesign("Arms", null, StudyFixtures.EIGHT, drawn.caseIds(), 5L, 1));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    static StudyArm arm(String code, String name, boolean top1, boolean probabilities, boolean malignancy,
            Integer similarK, boolean saliency) {
        return new StudyArm(code, name, top1, probabilities, malignancy, similarK != null, similarK, saliency);
    }

    @Test
    void arms_are_stored_in_their_order_kept_by_a_clone_and_checked_again_when_the_study_opens() {
        List<StudyArm> arms = List.of(arm("A", "Top-1 only", true, false, false, null, false),
                arm("B", "Malignancy and similar cases", false, false, true, 6, true),
                arm("C", "Probabilities", false, true, false, null, true));
        long id = studies.create(new StudyForm("Collaboration", null, caseSet, WITH_BCC, AI, arms));

        assertThat(studies.findStudy(id).arms()).isEqualTo(arms);
        long clone = studies.cloneStudy(id, "Collaboration 2");
        assertThat(studies.findStudy(clone).arms()).isEqualTo(arms);
        assertThat(jdbc.sql("select count(distinct arm_seed) from study where id in (:ids)")
                .param("ids", List.of(id, clone)).query(Integer.class).single())
                .as("each study draws its own arm seed").isEqualTo(2);

        studies.update(id, new StudyForm("Collaboration", null, caseSet, WITH_BCC, AI, arms.subList(0, 1)));
        assertThat(studies.findStudy(id).arms()).extracting(StudyArm::code).containsExactly("A");
        studies.open(id);
        assertThat(studies.findStudy(id).arms()).extracting(StudyArm::name).containsExactly("Top-1 only");
    }

    @Test
    void bad_arm_definitions_are_refused_with_a_message_naming_the_arm_and_change_nothing() {
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        StudyArm good = arm("A", "Probabilities", false, true, false, null, true);

        assertRefused(() -> studies.create(new StudyForm("No AI", null, caseSet, StudyFixtures.EIGHT,
                StudyOptions.DEFAULTS, List.of(good))), "studies.arms.error.no-ai");
        assertRefused(() -> studies.create(new StudyForm("Twice", null, caseSet, StudyFixtures.EIGHT, AI,
                List.of(good, arm("A", "Other", true, false, false, null, false)))), "studies.arms.error.code-twice",
                "A");
        assertRefused(() -> studies.create(new StudyForm("Names", null, caseSet, StudyFixtures.EIGHT, AI,
                List.of(good, arm("B", "probabilities", true, false, false, null, false)))),
                "studies.arms.error.name-twice", "probabilities");
        assertRefused(() -> studies.create(new StudyForm("Malignancy", null, caseSet, StudyFixtures.EIGHT, AI,
                List.of(arm("A", "Score", false, false, true, null, false)))), "studies.arms.error.malignancy", "A");
        assertRefused(() -> arm("B", "Both", true, true, false, null, false),
                "studies.arms.error.top1-and-probabilities", "B");
        assertRefused(() -> arm("C", "Nothing", false, false, false, null, false), "studies.arms.error.no-help",
                "C");
        assertRefused(() -> arm("D", "Too many", false, false, false, StudyArm.MAX_SIMILAR_K + 1, false),
                "studies.arms.error.similar-k", "D");
        assertRefused(() -> arm("E", "None", false, false, false, 0, false), "studies.arms.error.similar-k", "E");
        assertRefused(() -> arm("AB", "Long code", true, false, false, null, false), "studies.arms.error.code",
                "AB");
        assertRefused(() -> arm("F", " ", true, false, false, null, false), "studies.arms.error.name", "F");
        assertRefused(() -> studies.create(new StudyForm("Blank code", null, caseSet, StudyFixtures.EIGHT, AI,
                List.of(new StudyArm("", "Unnamed code", true, false, false, false, null, false)))),
                "studies.arms.error.code");

        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    /** Refused with this key, the arguments naming the arm, and a message in both languages that says so. */
    private static void assertRefused(Runnable attempt, String key, Object... arguments) {
        assertThatThrownBy(attempt::run).isInstanceOf(StudyException.class).satisfies(e -> {
            UserFacingException refusal = (UserFacingException) e;
            assertThat(refusal.messageKey()).isEqualTo(key);
            if (arguments.length > 0) {
                assertThat(refusal.arguments()).startsWith(arguments);
            }
            for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                String text = ResourceBundle.getBundle("i18n.studies", locale).getString(key);
                assertThat(text).as(key + " in " + locale).isNotBlank();
                if (arguments.length > 0) {
                    assertThat(text).as("the message names the arm").contains("{0}");
                }
            }
        });
    }
}
