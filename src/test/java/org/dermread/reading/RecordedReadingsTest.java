package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountException;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;
import org.dermread.cases.DatabaseSnapshot;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Readings made elsewhere, imported a phase at a time: only by the system importer, whole, with their times. */
@DermReadTest
class RecordedReadingsTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");

    @Autowired
    RecordedReadings recorded;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestReadings readings;

    Account coordinator;
    Account reader;
    TestStudy study;
    long participation;

    @BeforeEach
    void aStudyWithAReader() {
        coordinator = accounts.create("rec-coord", Role.COORDINATOR);
        reader = accounts.create("rec-reader", Role.READER);
        studies.giveProfile(reader, 6);
        study = studies.openStudy(coordinator, 4, LABELS, Options.defaults().withConfidence().withAidedPhase());
        participation = studies.invite(study, reader, 3L);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    /** Every case answered MN with confidence 3, one a minute from a day ago, each taking 20 seconds. */
    private List<RecordedAnswer> phase(Instant start) {
        List<RecordedAnswer> answers = new ArrayList<>();
        for (int i = 0; i < study.caseIds().size(); i++) {
            Instant shown = start.plus(Duration.ofMinutes(i));
            answers.add(new RecordedAnswer(study.caseIds().get(i), "MN", 3, shown, shown.plusSeconds(20)));
        }
        return answers;
    }

    private static Instant aDayAgo() {
        return Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void no_signed_in_person_may_import_whatever_their_role() {
        for (Role role : Role.values()) {
            SignIn.as(accounts.create("rec-" + role.name().toLowerCase(), role));
            assertThatThrownBy(() -> recorded.importPhase(participation, Phase.UNAIDED, phase(aDayAgo())))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        SignIn.as(reader);
        assertThatThrownBy(() -> recorded.importPhase(participation, Phase.UNAIDED, phase(aDayAgo())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(answerCount()).isZero();
    }

    @Test
    void no_account_can_be_named_like_the_importer() {
        assertThatThrownBy(() -> new NewAccount(RecordedReadings.IMPORTER, "Impostor", null, Set.of(Role.READER)))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void the_importer_stores_a_whole_phase_with_its_times_and_starts_the_participation_with_the_profile() {
        Instant start = aDayAgo();

        int stored = RecordedReadings.asImporter(() -> recorded.importPhase(participation, Phase.UNAIDED,
                phase(start)));

        assertThat(stored).isEqualTo(4);
        assertThat(jdbc.sql("""
                        select count(*) from answer a
                          join case_presentation c on c.participation_id = a.participation_id
                               and c.case_id = a.case_id and c.phase = a.phase and c.shown_at = a.shown_at
                         where a.participation_id = :p and a.phase = 'UNAIDED' and a.diagnosis = 'MN'
                           and a.confidence = 3 and a.answered_at = a.shown_at + interval '20 seconds'
                        """).param("p", participation).query(Integer.class).single()).isEqualTo(4);
        Map<String, Object> row = jdbc.sql("""
                        select started_at, unaided_finished_at, years_dermatology, title from participation
                         where id = :p
                        """).param("p", participation).query().singleRow();
        assertThat(((Timestamp) row.get("started_at")).toInstant()).isEqualTo(start);
        assertThat(((Timestamp) row.get("unaided_finished_at")).toInstant())
                .isEqualTo(start.plus(Duration.ofMinutes(3)).plusSeconds(20));
        assertThat(row.get("years_dermatology")).isEqualTo(6);
        assertThat(row.get("title")).isEqualTo("ATTENDING");
    }

    @Test
    void an_incomplete_a_repeated_or_a_future_phase_is_refused_and_changes_nothing() {
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        List<RecordedAnswer> whole = phase(aDayAgo());

        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(participation,
                Phase.UNAIDED, whole.subList(0, 3)))).hasMessageContaining("reading.import.error.incomplete");
        List<RecordedAnswer> twice = new ArrayList<>(whole.subList(0, 3));
        twice.add(whole.get(0));
        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(participation,
                Phase.UNAIDED, twice))).hasMessageContaining("reading.import.error.case-twice");
        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(participation,
                Phase.UNAIDED, phase(Instant.now().plus(Duration.ofHours(1))))))
                .hasMessageContaining("reading.import.error.when");
        List<RecordedAnswer> unknown = new ArrayList<>(whole.subList(0, 3));
        unknown.add(new RecordedAnswer(whole.get(3).caseId(), "PWS", 3, whole.get(3).shownAt(),
                whole.get(3).answeredAt()));
        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(participation,
                Phase.UNAIDED, unknown))).hasMessageContaining("reading.error.unknown-diagnosis");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);

        RecordedReadings.asImporter(() -> recorded.importPhase(participation, Phase.UNAIDED, whole));
        Map<String, Long> imported = DatabaseSnapshot.rowCounts(jdbc);
        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(participation,
                Phase.UNAIDED, whole))).hasMessageContaining("reading.import.error.already-answered");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(imported);
        assertThat(answerCount()).isEqualTo(4);
    }

    @Test
    void the_ai_assisted_phase_follows_the_same_rules_as_on_the_reading_page() {
        Instant start = aDayAgo();
        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(participation,
                Phase.AIDED, phase(start)))).hasMessageContaining("reading.error.finish-unaided-first");
        RecordedReadings.asImporter(() -> recorded.importPhase(participation, Phase.UNAIDED, phase(start)));

        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(participation,
                Phase.AIDED, phase(start.plus(Duration.ofHours(1))))))
                .hasMessageContaining("reading.error.ai-not-ready");
        assertThat(answerCount()).isEqualTo(4);
    }

    @Test
    void a_recorded_ai_assisted_phase_must_lie_after_the_washout() throws Exception {
        Account washoutReader = accounts.create("rec-washout", Role.READER);
        studies.giveProfile(washoutReader, 6);
        TestStudy washoutStudy = studies.openStudy(coordinator, 4, LABELS,
                Options.defaults().withConfidence().withAidedPhase().withWashoutDays(2));
        assertThat(readings.predictWithDemoModel(coordinator, washoutStudy)).isTrue();
        long p = studies.invite(washoutStudy, washoutReader, 8L);
        Instant fiveDaysAgo = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        List<RecordedAnswer> unaided = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant shown = fiveDaysAgo.plus(Duration.ofMinutes(i));
            unaided.add(new RecordedAnswer(washoutStudy.caseIds().get(i), "MN", 3, shown, shown.plusSeconds(20)));
        }
        RecordedReadings.asImporter(() -> recorded.importPhase(p, Phase.UNAIDED, unaided));
        Instant lastAnswer = fiveDaysAgo.plus(Duration.ofMinutes(3)).plusSeconds(20);
        assertThat(jdbc.sql("select second_phase_opens_at from participation where id = :p").param("p", p)
                .query(Instant.class).single()).isEqualTo(lastAnswer.plus(Duration.ofDays(2)));

        List<RecordedAnswer> tooEarly = unaided.stream().map(a -> new RecordedAnswer(a.caseId(), "BCC", 4,
                a.shownAt().plus(Duration.ofDays(1)), a.answeredAt().plus(Duration.ofDays(1)))).toList();
        assertThatThrownBy(() -> RecordedReadings.asImporter(() -> recorded.importPhase(p, Phase.AIDED, tooEarly)))
                .hasMessageContaining("reading.import.error.when");
        List<RecordedAnswer> afterWashout = unaided.stream().map(a -> new RecordedAnswer(a.caseId(), "BCC", 4,
                a.shownAt().plus(Duration.ofDays(3)), a.answeredAt().plus(Duration.ofDays(3)))).toList();
        assertThat(RecordedReadings.asImporter(() -> recorded.importPhase(p, Phase.AIDED, afterWashout)))
                .isEqualTo(4);
    }

    private int answerCount() {
        return jdbc.sql("select count(*) from answer where participation_id = :p").param("p", participation)
                .query(Integer.class).single();
    }
}
