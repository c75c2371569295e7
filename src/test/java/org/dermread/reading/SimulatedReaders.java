package org.dermread.reading;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestStudies.InvitedReader;

/**
 * Readers simulated for the load benchmarks: each on its own thread reads its participation through the quiz's
 * service calls ({@code next} to show a case, {@code answer} to save it), thinking a random while between cases,
 * with latencies recorded.
 */
final class SimulatedReaders {

    /** What the readers did. Latencies in nanoseconds. */
    record Run(ConcurrentLinkedQueue<Long> saveNanos, ConcurrentLinkedQueue<Long> nextNanos, int saved, int errors) {
    }

    private final ExecutorService pool;
    private final ConcurrentLinkedQueue<Long> saveNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> nextNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger saved = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    /** Starts every reader at once; answers are random labels, seeded per reader. */
    SimulatedReaders(ReadingService reading, List<InvitedReader> readers, List<String> labels, int thinkMinMs,
            int thinkMaxMs) {
        pool = Executors.newFixedThreadPool(readers.size());
        for (int r = 0; r < readers.size(); r++) {
            InvitedReader reader = readers.get(r);
            Random random = new Random(r);
            pool.submit(() -> {
                SignIn.as(reader.account());
                try {
                    reading.open(reader.participation(), Phase.UNAIDED);
                    while (true) {
                        long t0 = System.nanoTime();
                        var next = reading.next(reader.participation(), Phase.UNAIDED);
                        nextNanos.add(System.nanoTime() - t0);
                        if (next.isEmpty()) {
                            break;
                        }
                        Thread.sleep(thinkMinMs + random.nextInt(thinkMaxMs - thinkMinMs));
                        long t1 = System.nanoTime();
                        SaveOutcome outcome = reading.answer(reader.participation(), Phase.UNAIDED,
                                next.get().caseId(), labels.get(random.nextInt(labels.size())), null);
                        saveNanos.add(System.nanoTime() - t1);
                        if (outcome == SaveOutcome.SAVED) {
                            saved.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    if (errors.incrementAndGet() == 1) {
                        System.out.printf("simulated reader of participation %d stopped: %s%n",
                                reader.participation(), e);
                    }
                } finally {
                    SignIn.out();
                }
            });
        }
        pool.shutdown();
    }

    /** Waits until every reader has finished. */
    Run await() throws InterruptedException {
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("simulated readers did not finish");
        }
        return new Run(saveNanos, nextNanos, saved.get(), errors.get());
    }

    /** p50/p95/p99/max in milliseconds. */
    static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
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
