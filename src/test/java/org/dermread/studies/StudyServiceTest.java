package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.DatabaseSnapshot;
import org.dermread.cases.SignedIn;
import org.dermread.reading.MyStudy;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.reading.ReadingSession;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@DermReadTest
class StudyServiceTest {

    @Autowired
    StudyService studies;
    @Autowired
    StudyAccess access;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    CaseLibraryService library;
    @Autowired
    AccountService accountService;
    @Autowired
    ReaderProfileService profiles;
    @Autowired
    ReadingService reading;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    Account coordinator;
    long caseSet;

    @BeforeEach
    void aCaseSetOfEightClasses() {
        coordinator = accounts.create("study-coord", Role.COORDINATOR);
        SignedIn.as(coordinator);
        long source = StudyFixtures.importSource(library, 3, StudyFixtures.EIGHT);
        CaseSelection drawn = caseSets.sample(StudyFixtures.plan(StudyFixtures.EIGHT, 2, 11, source));
        caseSet = caseSets.create(new CaseSetDesign("Eight", null, StudyFixtures.EIGHT, drawn.caseIds(), 11L, 2));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private StudyForm form(String name) {
        return new StudyForm(name, "A test study", caseSet, StudyFixtures.EIGHT, StudyOptions.DEFAULTS);
    }

    @Test
    void a_new_study_is_a_draft_with_shuffling_on_and_its_creator_as_coordinator() {
        long id = studies.create(form("Reader study"));

        Study study = studies.findStudy(id);
        assertThat(study.status()).isEqualTo(StudyStatus.DRAFT);
        assertThat(study.options().shuffle()).isTrue();
        assertThat(study.labels()).containsExactlyElementsOf(StudyFixtures.EIGHT);
        assertThat(study.caseSetId()).isEqualTo(caseSet);
        assertThat(studies.caseIds(id)).hasSize(16).isSorted();
        assertThat(studies.listStudies()).extracting(StudySummary::id).contains(id);
        assertThat(access.mayManage(id)).isTrue();
    }

    @Test
    void options_are_stored_as_given() {
        StudyOptions options = new StudyOptions(false, true, ConfidenceScale.ONE_TO_FIVE, true, true, true, 30);
        long id = studies.create(new StudyForm("Options", null, caseSet, StudyFixtures.EIGHT, options));

        assertThat(studies.findStudy(id).options()).isEqualTo(options);
    }

    @Test
    void washout_phase_order_and_the_list_of_wrong_cases_are_stored_and_cloned() {
        StudyOptions options = new StudyOptions(true, false, ConfidenceScale.ONE_TO_FIVE, true, true, false, null,
                28, true, true);
        long id = studies.create(new StudyForm("Crossover", null, caseSet, StudyFixtures.EIGHT, options));

        assertThat(studies.findStudy(id).options()).isEqualTo(options);
        long clone = studies.cloneStudy(id, "Crossover 2");
        assertThat(studies.findStudy(clone).options()).isEqualTo(options);
        assertThat(jdbc.sql("select count(distinct phase_order_seed) from study where id in (:ids)")
                .param("ids", List.of(id, clone)).query(Integer.class).single())
                .as("each study draws its own phase-order seed").isEqualTo(2);
    }

    @Test
    void a_washout_or_a_phase_order_without_an_ai_phase_and_wrong_cases_without_feedback_are_refused() {
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> studies.create(new StudyForm("Washout", null, caseSet, StudyFixtures.EIGHT,
                new StudyOptions(true, false, ConfidenceScale.NONE, false, false, false, null, 7, false, false))))
                .hasMessageContaining("studies.error.second-phase-options");
        assertThatThrownBy(() -> studies.create(new StudyForm("Order", null, caseSet, StudyFixtures.EIGHT,
                new StudyOptions(true, false, ConfidenceScale.NONE, false, false, false, null, 0, true, false))))
                .hasMessageContaining("studies.error.second-phase-options");
        assertThatThrownBy(() -> studies.create(new StudyForm("Cases", null, caseSet, StudyFixtures.EIGHT,
                new StudyOptions(true, false, ConfidenceScale.NONE, false, true, false, null, 0, false, true))))
                .hasMessageContaining("studies.error.feedback-cases");
        assertThatThrownBy(() -> new StudyOptions(true, false, ConfidenceScale.NONE, false, true, false, null, 366,
                false, false)).hasMessageContaining("studies.error.washout-days");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void the_label_set_must_cover_every_diagnosis_of_the_case_set() {
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> studies.create(new StudyForm("Short", null, caseSet, List.of("LP", "Rosa"),
                StudyOptions.DEFAULTS)))
                .isInstanceOf(StudyException.class)
                .hasMessageContaining("studies.error.labels-miss-truth");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void opening_locks_the_case_set_and_the_settings_and_closing_ends_it() {
        long id = studies.create(form("To open"));

        studies.open(id);

        assertThat(studies.findStudy(id).status()).isEqualTo(StudyStatus.OPEN);
        assertThat(caseSets.find(caseSet).locked()).isTrue();
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        assertThatThrownBy(() -> studies.update(id, form("Renamed")))
                .hasMessageContaining("studies.error.locked");
        assertThatThrownBy(() -> caseSets.update(caseSet, new CaseSetDesign("x", null, StudyFixtures.EIGHT,
                caseSets.caseIds(caseSet), null, null))).hasMessageContaining("studies.caseset.error.locked");
        assertThatThrownBy(() -> studies.open(id)).hasMessageContaining("studies.error.locked");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
        assertThat(studies.findStudy(id).name()).isEqualTo("To open");

        studies.close(id);
        assertThat(studies.findStudy(id).status()).isEqualTo(StudyStatus.CLOSED);
        Account reader = accounts.create("late", Role.READER);
        assertThatThrownBy(() -> studies.assignReaders(id, List.of(reader.id())))
                .hasMessageContaining("studies.error.closed");
    }

    @Test
    void a_clone_is_a_new_draft_with_the_same_settings_and_no_readers() {
        long id = studies.create(new StudyForm("Original", null, caseSet, StudyFixtures.EIGHT,
                new StudyOptions(true, true, ConfidenceScale.ONE_TO_FIVE, false, true, false, null)));
        studies.assignReaders(id, List.of(accounts.create("r", Role.READER).id()));
        studies.open(id);

        long copy = studies.cloneStudy(id, "Second round");

        Study clone = studies.findStudy(copy);
        assertThat(clone.status()).isEqualTo(StudyStatus.DRAFT);
        assertThat(clone.name()).isEqualTo("Second round");
        assertThat(clone.options()).isEqualTo(studies.findStudy(id).options());
        assertThat(clone.caseSetId()).isEqualTo(caseSet);
        assertThat(studies.participants(copy)).isEmpty();
    }

    @Test
    void readers_are_invited_once_each_with_a_recorded_random_order_seed() {
        long id = studies.create(form("Invitations"));
        Account a = accounts.create("reader-a", Role.READER);
        Account b = accounts.create("reader-b", Role.READER);

        assertThat(studies.assignReaders(id, List.of(a.id(), b.id()))).isEqualTo(2);
        assertThat(studies.assignReaders(id, List.of(a.id()))).isZero();

        List<Participant> participants = studies.participants(id);
        assertThat(participants).extracting(Participant::username).containsExactlyInAnyOrder(a.username(),
                b.username());
        assertThat(participants.get(0).orderSeed()).isNotEqualTo(participants.get(1).orderSeed());
        Account statistician = accounts.create("not-a-reader", Role.STATISTICIAN);
        assertThatThrownBy(() -> studies.assignReaders(id, List.of(statistician.id())))
                .hasMessageContaining("studies.readers.error.not-reader");
    }

    @Test
    void readers_created_in_bulk_get_accounts_profiles_and_invitations_all_or_none() {
        long id = studies.create(form("Bulk"));
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        List<NewReader> readers = ReaderListParser.parse("""
                name, login, years dermatology, years dermoscopy, board certified, title, level
                Li Wei, li.wei.%1$s@example.org, 12, 6, yes, CHIEF, TERTIARY_A
                Zhang Min, zhangmin%1$s, 2, 1, 否, 住院医师, 二级
                """.formatted(suffix));

        List<CreatedReader> created = studies.createReaders(id, readers);

        assertThat(created).hasSize(2).allSatisfy(r -> assertThat(r.oneTimePassword()).hasSizeGreaterThan(10));
        assertThat(studies.participants(id)).hasSize(2);
        assertThat(jdbc.sql("""
                        select title from reader_profile p join account a on a.id = p.account_id
                         where a.username = :u
                        """).param("u", "zhangmin" + suffix).query(String.class).single()).isEqualTo("RESIDENT");
        assertThat(jdbc.sql("select email from account where username = :u")
                .param("u", "li.wei." + suffix + "@example.org").query(String.class).single())
                .isEqualTo("li.wei." + suffix + "@example.org");

        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        List<NewReader> clash = ReaderListParser.parse("""
                New Person, newperson%1$s, 3, 3, no, ATTENDING, SECONDARY
                Zhang Again, zhangmin%1$s, 3, 3, no, ATTENDING, SECONDARY
                """.formatted(suffix));
        assertThatThrownBy(() -> studies.createReaders(id, clash))
                .hasMessageContaining("studies.readers.error.taken").hasMessageContaining("zhangmin" + suffix);
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void a_pasted_list_with_bad_lines_names_every_bad_line() {
        assertThatThrownBy(() -> ReaderListParser.parse("""
                Good One, good1, 1, 1, yes, RESIDENT, OTHER
                Bad Years, bad1, many, 1, yes, RESIDENT, OTHER
                Bad Title, bad2, 1, 1, yes, PROFESSOR, OTHER
                Too Few, bad3
                """)).hasMessageContaining("studies.readers.error.lines").hasMessageContaining("[2, 3, 4]");
    }

    @Test
    void a_pasted_list_with_more_years_of_dermoscopy_than_of_dermatology_creates_no_one() {
        long id = studies.create(form("Dermoscopy longer"));
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> studies.createReaders(id, ReaderListParser.parse("""
                Li Wei, liwei%1$s, 12, 6, yes, CHIEF, TERTIARY_A
                Wang Fang, wangfang%1$s, 10, 4, no, ATTENDING, SECONDARY
                Chen Jie, chenjie%1$s, 2, 5, no, RESIDENT, SECONDARY
                """.formatted(suffix)))).isInstanceOfSatisfying(ReaderListException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.line()).isEqualTo(3);
                            assertThat(problem.field()).isEqualTo(ReaderField.YEARS_DERMOSCOPY);
                        }));
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void a_reader_created_from_a_pasted_list_reads_their_profile_and_starts_the_study() {
        long id = studies.create(form("Created from a list"));
        String login = "listed" + System.nanoTime() % 1_000_000;
        studies.createReaders(id, ReaderListParser.parse("Listed Reader, " + login + ", 7, 3, yes, ATTENDING, 三级"));
        studies.open(id);
        Account reader = accountService.list().stream().filter(a -> a.username().equals(login)).findFirst()
                .orElseThrow();

        SignedIn.as(reader);
        assertThat(profiles.myProfile())
                .contains(new ReaderProfile(7, 3, true, ReaderTitle.ATTENDING, HospitalLevel.TERTIARY));
        MyStudy mine = reading.myStudies().stream().filter(study -> study.studyId() == id).findFirst()
                .orElseThrow();
        ReadingSession session = reading.open(mine.participationId(), Phase.UNAIDED);

        assertThat(session.total()).isEqualTo(16);
        assertThat(jdbc.sql("""
                        select years_dermatology || '/' || years_dermoscopy || '/' || hospital_level
                          from participation where id = :p
                        """).param("p", mine.participationId()).query(String.class).single())
                .isEqualTo("7/3/TERTIARY");
    }

    @Test
    void the_database_refuses_a_profile_with_more_years_of_dermoscopy_than_of_dermatology() {
        Account reader = accounts.create("db-check", Role.READER);

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into reader_profile (account_id, years_dermatology, years_dermoscopy, board_certified,
                                                    title, hospital_level)
                        values (:a, 2, 5, false, 'RESIDENT', 'OTHER')
                        """).param("a", reader.id().value()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("reader_profile_dermoscopy_within_dermatology");
    }

    @Test
    void only_enabled_reader_accounts_not_yet_invited_may_be_invited() {
        long id = studies.create(form("Who may be invited"));
        Account invited = accounts.create("inv-invited", Role.READER);
        Account free = accounts.create("inv-free", Role.READER);
        Account disabled = accounts.create("inv-disabled", Role.READER);
        Account statistician = accounts.create("inv-stat", Role.STATISTICIAN);
        studies.assignReaders(id, List.of(invited.id()));
        SignedIn.as(accounts.create("inv-admin", Role.ADMIN));
        accountService.setEnabled(disabled.id(), false);
        SignedIn.as(coordinator);

        assertThat(studies.invitableReaders(id)).extracting(Account::id).contains(free.id())
                .doesNotContain(invited.id(), disabled.id(), statistician.id());
        assertThatThrownBy(() -> studies.assignReaders(id, List.of(free.id(), disabled.id())))
                .hasMessageContaining("studies.readers.error.not-reader").hasMessageContaining(disabled.username());
        assertThat(studies.participants(id)).extracting(Participant::username).containsExactly(invited.username());
        SignedIn.as(accounts.create("inv-other", Role.COORDINATOR));
        assertThatThrownBy(() -> studies.invitableReaders(id)).isInstanceOf(NotYourStudyException.class);
    }

    @Test
    void a_coordinator_sees_and_manages_only_the_studies_they_coordinate() {
        long mine = studies.create(form("Mine"));
        Account other = accounts.create("other-coord", Role.COORDINATOR);
        SignedIn.as(other);
        long theirs = studies.create(form("Theirs"));

        assertThat(studies.listStudies()).extracting(StudySummary::id).contains(theirs).doesNotContain(mine);
        assertThatThrownBy(() -> studies.findStudy(mine)).isInstanceOf(NotYourStudyException.class);
        assertThatThrownBy(() -> studies.caseIds(mine)).isInstanceOf(NotYourStudyException.class);
        assertThatThrownBy(() -> studies.open(mine)).isInstanceOf(NotYourStudyException.class);
        assertThatThrownBy(() -> studies.update(mine, form("Hijacked"))).isInstanceOf(NotYourStudyException.class);
        assertThatThrownBy(() -> studies.assignReaders(mine, List.of(other.id())))
                .isInstanceOf(NotYourStudyException.class);

        SignedIn.as(accounts.create("admin", Role.ADMIN));
        assertThat(studies.listStudies()).extracting(StudySummary::id).contains(mine, theirs);
        studies.update(mine, form("Renamed by the administrator"));

        SignedIn.as(accounts.create("stat", Role.STATISTICIAN));
        assertThat(studies.findStudy(mine).name()).isEqualTo("Renamed by the administrator");
        assertThatThrownBy(() -> studies.open(mine)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_reader_may_read_only_the_studies_they_take_part_in() {
        long invited = studies.create(form("Invited"));
        long other = studies.create(form("Other"));
        Account reader = accounts.create("participant", Role.READER);
        studies.assignReaders(invited, List.of(reader.id()));

        SignedIn.as(reader);
        assertThat(studies.findStudy(invited).name()).isEqualTo("Invited");
        assertThat(studies.caseIds(invited)).hasSize(16);
        assertThatThrownBy(() -> studies.findStudy(other)).isInstanceOf(NotYourStudyException.class);
        assertThatThrownBy(() -> studies.listStudies()).isInstanceOf(AccessDeniedException.class);
    }
}
