package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.studies.ExperienceGroup;
import org.dermread.studies.Participant;
import org.dermread.studies.PhaseOrder;
import org.dermread.studies.PhaseOrderAllocation;
import org.dermread.studies.StudyService;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestClock;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.InvitedReader;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing read in one phase may bias the other: feedback only after the last phase, a washout before the second
 * phase (with a clock the test moves), and a phase order drawn per reader, balanced within experience groups and
 * reproducible from the study's seed.
 */
@DermReadTest
class SecondPhaseWithoutBiasTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    @Autowired
    ReadingService reading;
    @Autowired
    AidedPhaseGate gate;
    @Autowired
    StudyService studyService;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    TestClock clock;
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
        clock.reset();
        SignIn.out();
    }

    @Test
    void feedback_stays_hidden_between_the_phases_and_appears_after_the_last() throws Exception {
        TestStudy study = studies.openStudy(coordinator, 4, LABELS,
                Options.defaults().withAidedPhase().withFeedback().withFeedbackCases());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        long participation = studies.invite(study, reader, 9L);

        readings.readAll(reader, participation, (caseId, index, phase) -> index == 0 ? wrong(study, caseId)
                : study.truth().get(caseId), Phase.UNAIDED);

        SignIn.as(reader);
        assertThat(reading.myStudies()).singleElement().satisfies(my -> {
            assertThat(my.unaidedFinished()).isTrue();
            assertThat(my.finished()).isFalse();
        });
        assertThat(reading.feedback(participation, Phase.UNAIDED)).as("nothing before the AI-assisted reading")
                .isEmpty();
        assertThat(reading.wrongAnswers(participation)).isEmpty();
        SignIn.out();

        readings.readAll(reader, participation, (caseId, index, phase) -> study.truth().get(caseId), Phase.AIDED);

        SignIn.as(reader);
        Feedback unaided = reading.feedback(participation, Phase.UNAIDED).orElseThrow();
        Feedback aided = reading.feedback(participation, Phase.AIDED).orElseThrow();
        assertThat(unaided.correct()).isEqualTo(3);
        assertThat(aided.correct()).isEqualTo(4);
        assertThat(reading.wrongAnswers(participation)).singleElement().satisfies(wrong -> {
            assertThat(wrong.phase()).isEqualTo(Phase.UNAIDED);
            assertThat(wrong.truth().code()).isEqualTo(study.truth().get(wrong.caseId()));
            assertThat(wrong.given().code()).isNotEqualTo(wrong.truth().code());
        });
    }

    @Test
    void the_ai_assisted_phase_opens_only_after_the_washout_and_the_reader_is_told_when() throws Exception {
        TestStudy study = studies.openStudy(coordinator, 3, LABELS,
                Options.defaults().withAidedPhase().withWashoutDays(14));
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        long participation = studies.invite(study, reader, 4L);
        readings.readAll(reader, participation, (caseId, index, phase) -> "MN", Phase.UNAIDED);

        Instant finished = jdbc.sql("select unaided_finished_at from participation where id = :p")
                .param("p", participation).query(Instant.class).single();
        Instant opens = jdbc.sql("select second_phase_opens_at from participation where id = :p")
                .param("p", participation).query(Instant.class).single();
        assertThat(opens).isEqualTo(finished.plus(14, ChronoUnit.DAYS));

        SignIn.as(reader);
        assertThatThrownBy(() -> reading.open(participation, Phase.AIDED)).isInstanceOfSatisfying(
                ReadingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("reading.error.washout-aided");
                    assertThat(e.arguments()).containsExactly(Date.from(opens));
                });
        assertThat(reading.secondPhaseBlocker(participation)).hasValueSatisfying(
                e -> assertThat(e.messageKey()).isEqualTo("reading.error.washout-aided"));
        assertThat(gate.isOpenFor(study.studyId(), reader.id().value())).as("no AI advice either").isFalse();

        clock.advance(Duration.ofDays(13).plusHours(23));
        assertThatThrownBy(() -> reading.open(participation, Phase.AIDED))
                .hasMessageContaining("reading.error.washout-aided");

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(reading.secondPhaseBlocker(participation)).isEmpty();
        assertThat(gate.isOpenFor(study.studyId(), reader.id().value())).isTrue();
        assertThat(reading.open(participation, Phase.AIDED).phase()).isEqualTo(Phase.AIDED);
        CaseToRead first = reading.next(participation, Phase.AIDED).orElseThrow();
        assertThat(first.advice()).isPresent();

        // The next case's advice (its saliency map) is prepared while the reader looks at this one.
        long upcoming = first.upcomingCaseId().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (saliencyMaps(upcoming) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(saliencyMaps(upcoming)).isEqualTo(1);
    }

    private int saliencyMaps(long caseId) {
        return jdbc.sql("select count(*) from case_saliency where case_id = :c").param("c", caseId)
                .query(Integer.class).single();
    }

    @Test
    void without_a_washout_the_ai_assisted_phase_opens_as_soon_as_the_unaided_one_is_finished() throws Exception {
        TestStudy study = studies.openStudy(coordinator, 2, LABELS, Options.defaults().withAidedPhase());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        long participation = studies.invite(study, reader, 4L);
        SignIn.as(reader);
        assertThat(reading.begin(participation)).isEqualTo(Phase.UNAIDED);
        assertThat(gate.isOpenFor(study.studyId(), reader.id().value())).isFalse();
        SignIn.out();
        readings.readAll(reader, participation, (caseId, index, phase) -> "MN", Phase.UNAIDED);

        SignIn.as(reader);
        assertThat(reading.begin(participation)).isEqualTo(Phase.AIDED);
        assertThat(gate.isOpenFor(study.studyId(), reader.id().value())).isTrue();
        assertThat(reading.open(participation, Phase.AIDED).phase()).isEqualTo(Phase.AIDED);
        assertThat(jdbc.sql("select phase_order from participation where id = :p").param("p", participation)
                .query(String.class).single()).isEqualTo("UNAIDED_FIRST");
    }

    @Test
    void a_randomised_phase_order_is_balanced_within_experience_groups_reproducible_and_stored_for_export() {
        TestStudy study = studies.openStudy(coordinator, 2, LABELS,
                Options.defaults().withAidedPhase().withRandomisedPhaseOrder().withWashoutDays(7));
        // Years in dermatology 0..19, then 0..7: 6 beginners (<3), 13 intermediates (3-10), 9 experts (>10).
        List<InvitedReader> invited = studies.inviteNewReaders(accounts, study, 28, "crossover", 100);
        for (InvitedReader r : invited) {
            SignIn.as(r.account());
            Phase first = reading.begin(r.participation());
            assertThat(reading.begin(r.participation())).as("starting again changes nothing").isEqualTo(first);
            SignIn.out();
        }

        long seed = jdbc.sql("select phase_order_seed from study where id = :s").param("s", study.studyId())
                .query(Long.class).single();
        Map<ExperienceGroup, int[]> counts = new EnumMap<>(ExperienceGroup.class);
        List<Map<String, Object>> rows = jdbc.sql("""
                        select phase_order, phase_order_group, phase_order_rank, years_dermatology
                          from participation where study_id = :s order by phase_order_group, phase_order_rank
                        """).param("s", study.studyId()).query().listOfRows();
        assertThat(rows).hasSize(28);
        for (Map<String, Object> row : rows) {
            ExperienceGroup group = ExperienceGroup.valueOf((String) row.get("phase_order_group"));
            int years = (Integer) row.get("years_dermatology");
            assertThat(group).isEqualTo(years < 3 ? ExperienceGroup.BEGINNER
                    : years <= 10 ? ExperienceGroup.INTERMEDIATE : ExperienceGroup.EXPERT);
            int rank = (Integer) row.get("phase_order_rank");
            PhaseOrder order = PhaseOrder.valueOf((String) row.get("phase_order"));
            assertThat(order).as("reproducible from seed, group and rank")
                    .isEqualTo(PhaseOrderAllocation.orderFor(seed, group, rank));
            counts.computeIfAbsent(group, g -> new int[2])[order.ordinal()]++;
        }
        assertThat(counts.get(ExperienceGroup.BEGINNER)).containsExactly(3, 3);
        assertThat(counts.get(ExperienceGroup.INTERMEDIATE)).containsExactlyInAnyOrder(6, 7);
        assertThat(counts.get(ExperienceGroup.EXPERT)).containsExactlyInAnyOrder(4, 5);
        for (ExperienceGroup group : ExperienceGroup.values()) {
            List<Integer> ranks = rows.stream().filter(row -> group.name().equals(row.get("phase_order_group")))
                    .map(row -> (Integer) row.get("phase_order_rank")).toList();
            assertThat(ranks).as("ranks 1..n, each once").isEqualTo(
                    IntStream.rangeClosed(1, ranks.size()).boxed().toList());
        }

        SignIn.as(coordinator);
        List<Participant> participants = studyService.participants(study.studyId());
        assertThat(participants).allSatisfy(p -> assertThat(p.phaseOrder()).isNotNull());
        assertThat(participants.stream().filter(p -> p.phaseOrder() == PhaseOrder.AIDED_FIRST).count())
                .isEqualTo(counts.values().stream().mapToInt(c -> c[PhaseOrder.AIDED_FIRST.ordinal()]).sum());
    }

    @Test
    void a_reader_drawn_to_start_with_the_ai_gets_its_advice_first_and_reads_unaided_after_the_washout() {
        TestStudy study = studies.openStudy(coordinator, 2, LABELS,
                Options.defaults().withAidedPhase().withRandomisedPhaseOrder().withWashoutDays(7));
        long seed = jdbc.sql("select phase_order_seed from study where id = :s").param("s", study.studyId())
                .query(Long.class).single();
        // Two beginners (0 and 1 years) start one after the other: ranks 1 and 2 of one block, so one order each.
        List<InvitedReader> two = studies.inviteNewReaders(accounts, study, 2, "order", 1);
        for (InvitedReader r : two) {
            SignIn.as(r.account());
            reading.begin(r.participation());
            SignIn.out();
        }
        boolean firstIsAidedFirst = PhaseOrderAllocation.orderFor(seed, ExperienceGroup.BEGINNER, 1)
                == PhaseOrder.AIDED_FIRST;
        InvitedReader aidedFirst = firstIsAidedFirst ? two.get(0) : two.get(1);
        InvitedReader unaidedFirst = firstIsAidedFirst ? two.get(1) : two.get(0);

        SignIn.as(aidedFirst.account());
        assertThat(reading.begin(aidedFirst.participation())).isEqualTo(Phase.AIDED);
        assertThat(gate.isOpenFor(study.studyId(), aidedFirst.account().id().value()))
                .as("the AI's advice is open from the start for this reader").isTrue();
        assertThatThrownBy(() -> reading.open(aidedFirst.participation(), Phase.UNAIDED))
                .hasMessageContaining("reading.error.finish-aided-first");
        SignIn.out();

        SignIn.as(unaidedFirst.account());
        assertThat(reading.begin(unaidedFirst.participation())).isEqualTo(Phase.UNAIDED);
        assertThat(gate.isOpenFor(study.studyId(), unaidedFirst.account().id().value())).isFalse();
        assertThatThrownBy(() -> reading.open(unaidedFirst.participation(), Phase.AIDED))
                .hasMessageContaining("reading.error.finish-unaided-first");
    }

    private static String wrong(TestStudy study, long caseId) {
        return study.truth().get(caseId).equals("MN") ? "BCC" : "MN";
    }
}
