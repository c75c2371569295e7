package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The status rules, including the washout hook that the monitoring page offers to the reading feature. */
class ReaderStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));

    @Test
    void a_reader_without_an_ai_phase_is_finished_once_the_unaided_phase_is() {
        assertThat(ReaderStatus.of(true, YESTERDAY, 10, YESTERDAY, 0, null, false, null, NOW))
                .isEqualTo(ReaderStatus.FINISHED);
        assertThat(ReaderStatus.of(true, YESTERDAY, 10, YESTERDAY, 0, null, true, null, NOW))
                .isEqualTo(ReaderStatus.UNAIDED_FINISHED);
    }

    @Test
    void a_washout_that_has_not_ended_shows_as_waiting_and_one_that_has_ended_does_not() {
        Instant opens = NOW.plus(Duration.ofDays(13));
        assertThat(ReaderStatus.of(true, YESTERDAY, 10, YESTERDAY, 0, null, true, opens, NOW))
                .isEqualTo(ReaderStatus.WAITING_FOR_WASHOUT);
        assertThat(ReaderStatus.of(true, YESTERDAY, 10, YESTERDAY, 0, null, true, NOW.minusSeconds(1), NOW))
                .isEqualTo(ReaderStatus.UNAIDED_FINISHED);
        assertThat(ReaderStatus.WAITING_FOR_WASHOUT.group()).isEqualTo(ReaderStatus.Group.IN_PROGRESS);
    }

    @Test
    void before_the_first_answer_the_profile_decides_between_invited_and_profile_done() {
        assertThat(ReaderStatus.of(false, null, 0, null, 0, null, true, null, NOW)).isEqualTo(ReaderStatus.INVITED);
        assertThat(ReaderStatus.of(true, null, 0, null, 0, null, true, null, NOW))
                .isEqualTo(ReaderStatus.PROFILE_DONE);
        assertThat(ReaderStatus.of(true, NOW, 0, null, 0, null, true, null, NOW))
                .isEqualTo(ReaderStatus.READING_UNAIDED);
        assertThat(ReaderStatus.of(true, YESTERDAY, 10, YESTERDAY, 2, null, true, null, NOW))
                .isEqualTo(ReaderStatus.READING_AIDED);
    }
}
