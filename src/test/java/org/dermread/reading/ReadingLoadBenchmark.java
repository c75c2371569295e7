package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 300 simulated readers (the paper had 280) answering at once against a real PostgreSQL through the quiz's own
 * service path (the calls the reading page makes): prints answers per second and the p50/p95/p99 latency of saving
 * an answer and of showing the next case, and counts lost and duplicated answers. Figures, not a timed test:
 * {@code mvn -Pbenchmark test -Dtest=ReadingLoadBenchmark}.
 */
@DermReadTest
@Tag("benchmark")
class ReadingLoadBenchmark {

    static final int READERS = 300;
    static final int CASES = 40;
    /** Readers think between cases; compressed from the seconds a dermatologist takes so the run stays short. */
    static final int THINK_MS_MIN = 200;
    static final int THINK_MS_MAX = 1200;

    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    ReadingService reading;
    @Autowired
    JdbcClient jdbc;

    @Test
    void three_hundred_readers_answer_at_once() throws Exception {
        Account coordinator = accounts.create("load-coord", Role.COORDINATOR);
        List<String> labels = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");
        TestStudy study = studies.openStudy(coordinator, CASES, labels, Options.defaults());
        var readers = studies.inviteNewReaders(accounts, study, READERS, "load-reader", 0);

        long began = System.nanoTime();
        SimulatedReaders.Run run = new SimulatedReaders(reading, readers, labels, THINK_MS_MIN, THINK_MS_MAX)
                .await();
        double seconds = (System.nanoTime() - began) / 1e9;

        int rows = jdbc.sql("select count(*) from answer a join participation p on p.id = a.participation_id "
                + "where p.study_id = :s").param("s", study.studyId()).query(Integer.class).single();
        int distinct = jdbc.sql("select count(distinct (a.participation_id, a.case_id)) from answer a join "
                + "participation p on p.id = a.participation_id where p.study_id = :s")
                .param("s", study.studyId()).query(Integer.class).single();
        int expected = READERS * CASES;
        System.out.printf("%nREADING LOAD: %d readers x %d cases, think %d-%d ms, %.1f s%n", READERS, CASES,
                THINK_MS_MIN, THINK_MS_MAX, seconds);
        System.out.printf("answers/s %.1f; save answer ms %s; show next case ms %s%n", run.saved() / seconds,
                SimulatedReaders.percentiles(run.saveNanos()), SimulatedReaders.percentiles(run.nextNanos()));
        System.out.printf("answers shown as saved %d, rows %d, distinct %d, lost %d, duplicated %d, errors %d%n",
                run.saved(), rows, distinct, expected - distinct, rows - distinct, run.errors());
        assertThat(run.errors()).isZero();
        assertThat(rows).isEqualTo(expected).isEqualTo(distinct).isEqualTo(run.saved());
    }
}
