package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
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
        List<Account> readers = new ArrayList<>();
        List<Long> participations = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            Account reader = accounts.create("load-reader", Role.READER);
            studies.giveProfile(reader, r % 25);
            readers.add(reader);
            participations.add(studies.invite(study, reader, r));
        }
        ConcurrentLinkedQueue<Long> saveNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> nextNanos = new ConcurrentLinkedQueue<>();
        AtomicInteger saved = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        CountDownLatch start = new CountDownLatch(1);
        for (int r = 0; r < READERS; r++) {
            Account reader = readers.get(r);
            long participation = participations.get(r);
            Random random = new Random(r);
            pool.submit(() -> {
                SignIn.as(reader);
                try {
                    start.await();
                    reading.open(participation, Phase.UNAIDED);
                    while (true) {
                        long t0 = System.nanoTime();
                        var next = reading.next(participation, Phase.UNAIDED);
                        nextNanos.add(System.nanoTime() - t0);
                        if (next.isEmpty()) {
                            break;
                        }
                        Thread.sleep(THINK_MS_MIN + random.nextInt(THINK_MS_MAX - THINK_MS_MIN));
                        long t1 = System.nanoTime();
                        SaveOutcome outcome = reading.answer(participation, Phase.UNAIDED, next.get().caseId(),
                                labels.get(random.nextInt(labels.size())), null);
                        saveNanos.add(System.nanoTime() - t1);
                        if (outcome == SaveOutcome.SAVED) {
                            saved.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    SignIn.out();
                }
                return null;
            });
        }
        long began = System.nanoTime();
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - began) / 1e9;

        int rows = jdbc.sql("select count(*) from answer a join participation p on p.id = a.participation_id "
                + "where p.study_id = :s").param("s", study.studyId()).query(Integer.class).single();
        int distinct = jdbc.sql("select count(distinct (a.participation_id, a.case_id)) from answer a join "
                + "participation p on p.id = a.participation_id where p.study_id = :s")
                .param("s", study.studyId()).query(Integer.class).single();
        int expected = READERS * CASES;
        System.out.printf("%nREADING LOAD: %d readers x %d cases, think %d-%d ms, %.1f s%n", READERS, CASES,
                THINK_MS_MIN, THINK_MS_MAX, seconds);
        System.out.printf("answers/s %.1f; save answer ms %s; show next case ms %s%n", saved.get() / seconds,
                percentiles(saveNanos), percentiles(nextNanos));
        System.out.printf("answers shown as saved %d, rows %d, distinct %d, lost %d, duplicated %d, errors %d%n",
                saved.get(), rows, distinct, expected - distinct, rows - distinct, errors.get());
        assertThat(errors.get()).isZero();
        assertThat(rows).isEqualTo(expected).isEqualTo(distinct).isEqualTo(saved.get());
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
        long[] values = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (values.length == 0) {
            return "-";
        }
        return String.format("p50 %.1f p95 %.1f p99 %.1f max %.1f (n %d)", at(values, 0.50), at(values, 0.95),
                at(values, 0.99), values[values.length - 1] / 1e6, values.length);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
