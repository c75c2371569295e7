package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.studies.HospitalLevel;
import org.dermread.studies.ReaderProfile;
import org.dermread.studies.ReaderProfileService;
import org.dermread.studies.ReaderTitle;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.dermread.testing.TestStudies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@DermReadTest
class ReadingServiceTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    @Autowired
    ReadingService reading;
    @Autowired
    ReaderProfileService profiles;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    JdbcClient jdbc;

    Account coordinator;
    Account reader;

    @BeforeEach
    void setUp() {
        coordinator = accounts.create("coord", Role.COORDINATOR);
        reader = accounts.create("reader", Role.READER);
        studies.giveProfile(reader, 8);
    }

    @AfterEach
    void tearDown() {
        SignIn.out();
    }

    @Test
    void a_reader_resumes_at_the_first_unanswered_case_of_their_own_order() {
        TestStudy study = studies.openStudy(coordinator, 10, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 42L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);

        List<Long> expectedOrder = ReadingOrder.of(study.caseIds(), 42L, Phase.UNAIDED, true);
        for (int i = 0; i < 4; i++) {
            CaseToRead shown = reading.next(participation, Phase.UNAIDED).orElseThrow();
            assertThat(shown.caseId()).isEqualTo(expectedOrder.get(i));
            assertThat(shown.index()).isEqualTo(i);
            reading.answer(participation, Phase.UNAIDED, shown.caseId(), "MN", null);
        }

        CaseToRead resumed = reading.next(participation, Phase.UNAIDED).orElseThrow();
        assertThat(resumed.index()).isEqualTo(4);
        assertThat(resumed.caseId()).isEqualTo(expectedOrder.get(4));
        assertThat(reading.open(participation, Phase.UNAIDED).answered()).isEqualTo(4);
    }

    @Test
    void the_order_is_reproducible_from_the_seed_and_differs_between_readers_and_phases() {
        List<Long> cases = LongStream.rangeClosed(1, 50).boxed().toList();

        assertThat(ReadingOrder.of(cases, 7, Phase.UNAIDED, true))
                .isEqualTo(ReadingOrder.of(cases, 7, Phase.UNAIDED, true))
                .isNotEqualTo(ReadingOrder.of(cases, 8, Phase.UNAIDED, true))
                .isNotEqualTo(ReadingOrder.of(cases, 7, Phase.AIDED, true))
                .containsExactlyInAnyOrderElementsOf(cases);
        assertThat(ReadingOrder.of(cases, 7, Phase.UNAIDED, false)).isEqualTo(cases);
    }

    @Test
    void submitting_the_same_case_twice_stores_one_answer_and_keeps_the_first() {
        TestStudy study = studies.openStudy(coordinator, 5, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 1L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);
        long caseId = reading.next(participation, Phase.UNAIDED).orElseThrow().caseId();

        assertThat(reading.answer(participation, Phase.UNAIDED, caseId, "BCC", null)).isEqualTo(SaveOutcome.SAVED);
        assertThat(reading.answer(participation, Phase.UNAIDED, caseId, "BCC", null))
                .isEqualTo(SaveOutcome.ALREADY_SAVED);
        assertThat(reading.answer(participation, Phase.UNAIDED, caseId, "SK", null))
                .isEqualTo(SaveOutcome.ALREADY_SAVED);

        assertThat(answers(participation)).containsExactly(caseId + ":BCC");
    }

    @Test
    void concurrent_submissions_of_one_case_store_one_answer_and_raise_no_error() throws Exception {
        TestStudy study = studies.openStudy(coordinator, 5, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 3L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);
        long caseId = reading.next(participation, Phase.UNAIDED).orElseThrow().caseId();

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SaveOutcome>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String diagnosis = i % 2 == 0 ? "MN" : "SK";
            Callable<SaveOutcome> submit = () -> {
                SignIn.as(reader);
                start.await();
                return reading.answer(participation, Phase.UNAIDED, caseId, diagnosis, null);
            };
            results.add(pool.submit(submit));
        }
        start.countDown();
        List<SaveOutcome> outcomes = new ArrayList<>();
        for (Future<SaveOutcome> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(outcome -> outcome == SaveOutcome.SAVED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == SaveOutcome.ALREADY_SAVED).hasSize(threads - 1);
        assertThat(answers(participation)).hasSize(1);
    }

    @Test
    void a_reader_cannot_open_another_readers_participation_or_its_images() {
        TestStudy study = studies.openStudy(coordinator, 5, LABELS, Options.defaults());
        Account other = accounts.create("other", Role.READER);
        studies.giveProfile(other, 2);
        long theirs = studies.invite(study, other, 9L);
        SignIn.as(reader);

        assertThatThrownBy(() -> reading.open(theirs, Phase.UNAIDED)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.next(theirs, Phase.UNAIDED)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.answer(theirs, Phase.UNAIDED, study.caseIds().get(0), "MN", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.image(theirs, study.caseIds().get(0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.open(999_999L, Phase.UNAIDED)).isInstanceOf(AccessDeniedException.class);
        assertThat(reading.myStudies()).isEmpty();
    }

    @Test
    void a_reader_cannot_answer_or_see_a_case_outside_the_study() {
        TestStudy study = studies.openStudy(coordinator, 5, LABELS, Options.defaults());
        TestStudy otherStudy = studies.openStudy(coordinator, 3, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);
        long foreignCase = otherStudy.caseIds().get(0);

        assertThatThrownBy(() -> reading.answer(participation, Phase.UNAIDED, foreignCase, "MN", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.image(participation, foreignCase)).isInstanceOf(AccessDeniedException.class);
        assertThat(answers(participation)).isEmpty();
    }

    @Test
    void non_readers_are_refused_by_the_service() {
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        SignIn.as(coordinator);

        assertThatThrownBy(() -> reading.open(participation, Phase.UNAIDED)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.myStudies()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void answers_must_use_the_study_labels_and_its_confidence_scale() {
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults().withConfidence());
        long participation = studies.invite(study, reader, 5L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);
        long caseId = reading.next(participation, Phase.UNAIDED).orElseThrow().caseId();

        assertThatThrownBy(() -> reading.answer(participation, Phase.UNAIDED, caseId, "PWS", 3))
                .extracting(e -> ((ReadingException) e).messageKey()).isEqualTo("reading.error.unknown-diagnosis");
        assertThatThrownBy(() -> reading.answer(participation, Phase.UNAIDED, caseId, "MN", null))
                .extracting(e -> ((ReadingException) e).messageKey())
                .isEqualTo("reading.error.confidence-required");
        assertThatThrownBy(() -> reading.answer(participation, Phase.UNAIDED, caseId, "MN", 6))
                .isInstanceOf(ReadingException.class);
        assertThat(answers(participation)).isEmpty();

        reading.answer(participation, Phase.UNAIDED, caseId, "MN", 4);
        assertThat(jdbc.sql("select confidence from answer where participation_id = :p").param("p", participation)
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void going_back_is_refused_unless_the_study_allows_it() {
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);
        long caseId = reading.next(participation, Phase.UNAIDED).orElseThrow().caseId();
        reading.answer(participation, Phase.UNAIDED, caseId, "MN", null);

        assertThatThrownBy(() -> reading.caseAt(participation, Phase.UNAIDED, 0))
                .extracting(e -> ((ReadingException) e).messageKey()).isEqualTo("reading.error.no-going-back");
        assertThatThrownBy(() -> reading.revise(participation, Phase.UNAIDED, caseId, "SK", null))
                .isInstanceOf(ReadingException.class);
        assertThat(answers(participation)).containsExactly(caseId + ":MN");
    }

    @Test
    void changing_an_earlier_answer_keeps_the_old_one_in_the_audit_trail() {
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults().withAllowBack());
        long participation = studies.invite(study, reader, 5L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);
        long first = reading.next(participation, Phase.UNAIDED).orElseThrow().caseId();
        reading.answer(participation, Phase.UNAIDED, first, "MN", null);

        CaseToRead again = reading.caseAt(participation, Phase.UNAIDED, 0);
        assertThat(again.caseId()).isEqualTo(first);
        assertThat(again.earlier()).contains(new GivenAnswer("MN", null));
        assertThat(reading.revise(participation, Phase.UNAIDED, first, "BCC", null)).isEqualTo(SaveOutcome.REVISED);

        assertThat(answers(participation)).containsExactly(first + ":BCC");
        assertThat(jdbc.sql("""
                select r.diagnosis || ':' || r.revision from answer_revision r join answer a on a.id = r.answer_id
                 where a.participation_id = :p
                """).param("p", participation).query(String.class).list()).containsExactly("MN:0");
        assertThatThrownBy(() -> reading.caseAt(participation, Phase.UNAIDED, 1))
                .extracting(e -> ((ReadingException) e).messageKey()).isEqualTo("reading.error.not-answered-yet");
    }

    @Test
    void the_profile_in_force_at_the_start_stays_with_the_participation() {
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);

        profiles.saveMine(new ReaderProfile(20, 15, true, ReaderTitle.CHIEF, HospitalLevel.PRIMARY));
        reading.open(participation, Phase.UNAIDED);

        assertThat(jdbc.sql("select years_dermatology || '/' || title from participation where id = :p")
                .param("p", participation).query(String.class).single()).isEqualTo("8/ATTENDING");
    }

    @Test
    void a_reader_without_a_profile_cannot_start() {
        Account newcomer = accounts.create("newcomer", Role.READER);
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults());
        long participation = studies.invite(study, newcomer, 5L);
        SignIn.as(newcomer);

        assertThatThrownBy(() -> reading.open(participation, Phase.UNAIDED))
                .extracting(e -> ((ReadingException) e).messageKey()).isEqualTo("reading.error.profile-missing");
    }

    @Test
    void finishing_marks_the_phase_done_and_feedback_compares_with_the_truth() {
        TestStudy study = studies.openStudy(coordinator, 6, LABELS, Options.defaults().withFeedback());
        long participation = studies.invite(study, reader, 11L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);
        assertThat(reading.feedback(participation, Phase.UNAIDED)).as("no feedback before finishing").isEmpty();

        int expectedCorrect = 0;
        int i = 0;
        while (reading.next(participation, Phase.UNAIDED).isPresent()) {
            long caseId = reading.next(participation, Phase.UNAIDED).orElseThrow().caseId();
            String truth = study.truth().get(caseId);
            String answer = i++ % 2 == 0 ? truth : (truth.equals("MN") ? "BCC" : "MN");
            if (answer.equals(truth)) {
                expectedCorrect++;
            }
            reading.answer(participation, Phase.UNAIDED, caseId, answer, null);
        }

        assertThat(reading.myStudies()).singleElement().satisfies(my -> {
            assertThat(my.unaidedFinished()).isTrue();
            assertThat(my.answeredUnaided()).isEqualTo(6);
        });
        Feedback feedback = reading.feedback(participation, Phase.UNAIDED).orElseThrow();
        assertThat(feedback.total()).isEqualTo(6);
        assertThat(feedback.correct()).isEqualTo(expectedCorrect);
        assertThat(feedback.perClass().stream().mapToInt(Feedback.ClassResult::cases).sum()).isEqualTo(6);
    }

    @Test
    void the_ai_assisted_phase_cannot_open_before_the_unaided_phase_and_the_predictions() {
        TestStudy study = studies.openStudy(coordinator, 2, LABELS, Options.defaults().withAidedPhase());
        long participation = studies.invite(study, reader, 11L);
        SignIn.as(reader);
        reading.open(participation, Phase.UNAIDED);

        assertThat(reading.aidedPhaseBlocker(participation)).contains("reading.error.finish-unaided-first");
        assertThatThrownBy(() -> reading.open(participation, Phase.AIDED)).isInstanceOf(ReadingException.class);
        while (reading.next(participation, Phase.UNAIDED).isPresent()) {
            reading.answer(participation, Phase.UNAIDED,
                    reading.next(participation, Phase.UNAIDED).orElseThrow().caseId(), "MN", null);
        }
        assertThat(reading.aidedPhaseBlocker(participation)).contains("reading.error.ai-not-ready");
    }

    private List<String> answers(long participation) {
        return jdbc.sql("select case_id || ':' || diagnosis from answer where participation_id = :p order by id")
                .param("p", participation).query(String.class).list();
    }
}
