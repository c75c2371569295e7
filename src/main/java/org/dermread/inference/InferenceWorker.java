package org.dermread.inference;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.dermread.common.UserFacingException;
import org.dermread.inference.internal.JobRepository;
import org.dermread.inference.internal.ModelRepository;
import org.dermread.inference.internal.PredictionRepository;
import org.dermread.inference.internal.StudyCasesRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the job queue in PostgreSQL on its own threads (never a UI thread). Each thread claims one job at a
 * time, skips cases that already have a prediction (so a restarted or taken-over job resumes where it stopped and a
 * second run computes nothing), stores each case's prediction as it goes, renews its lease after every batch and
 * stops after the current batch when the job is cancelled. On shutdown it hands its job back to the queue.
 * Off when {@code dermread.inference.worker.enabled=false}, for a web-only instance beside a separate worker.
 */
@Component
class InferenceWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InferenceWorker.class);

    private final InferenceProperties properties;
    private final JobRepository jobs;
    private final ModelRepository models;
    private final PredictionRepository predictions;
    private final StudyCasesRepository studies;
    private final ModelRegistry registry;
    private final ModelRuntime runtime;
    private final String instance;
    private final AtomicInteger generation = new AtomicInteger();
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile ExecutorService threads;
    private volatile JobTimings lastTimings = JobTimings.NONE;

    InferenceWorker(InferenceProperties properties, JobRepository jobs, ModelRepository models,
            PredictionRepository predictions, StudyCasesRepository studies, ModelRegistry registry,
            ModelRuntime runtime) {
        this.properties = properties;
        this.jobs = jobs;
        this.models = models;
        this.predictions = predictions;
        this.studies = studies;
        this.registry = registry;
        this.runtime = runtime;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public synchronized void start() {
        if (running || !properties.worker().enabled()) {
            return;
        }
        running = true;
        int count = properties.worker().threads();
        int gen = generation.incrementAndGet();
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "inference-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= count; i++) {
            String worker = instance + "#" + gen + "." + i;
            threads.submit(() -> loop(worker));
        }
        log.info("Inference worker started: {} thread(s), lease {}, instance {}", count, properties.worker().lease(),
                instance);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        // No interrupt at first: a thread finishes its current batch, hands its job back and ends.
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Inference worker threads did not stop within 30 s; interrupting them");
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Inference worker stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the data source closes, starts after everything else is ready. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** Waits for the poll interval, or until {@link #stop()} wakes the thread. */
    private void idle() {
        synchronized (signal) {
            if (running) {
                try {
                    signal.wait(properties.worker().poll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void loop(String worker) {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (!workOnce(worker, Integer.MAX_VALUE, () -> running)) {
                    idle();
                }
            } catch (RuntimeException e) {
                log.error("Inference worker {} failed; retrying shortly", worker, e);
                idle();
            }
        }
    }

    /**
     * Claims one job and works on it.
     *
     * @param maxBatches stop after this many batches as if the worker died there: the job stays RUNNING with its
     *                   lease until the lease runs out (tests use it to simulate a crash half-way)
     * @return whether a job was claimed
     */
    boolean workOnce(String worker, int maxBatches) {
        return workOnce(worker, maxBatches, () -> true);
    }

    private boolean workOnce(String worker, int maxBatches, BooleanSupplier keepGoing) {
        Optional<InferenceJob> claimed = jobs.claim(worker, properties.worker().lease());
        if (claimed.isEmpty()) {
            return false;
        }
        InferenceJob job = claimed.get();
        log.info("Job {} (study {}, model {}) claimed by {} (attempt {})", job.id(), job.studyId(),
                job.modelSha256().substring(0, 12), worker, job.attempts());
        try {
            work(job, worker, maxBatches, keepGoing);
        } catch (RuntimeException e) {
            // Stored as a translation key and its arguments, so each user reads the reason in their language.
            String key = e instanceof UserFacingException facing
                    ? String.join("|", Stream.concat(Stream.of(facing.messageKey()),
                            Arrays.stream(facing.arguments()).map(String::valueOf)).toList())
                    : "inference.error.job-failed";
            log.error("Job {} failed", job.id(), e);
            jobs.finish(job.id(), worker, InferenceJob.Status.FAILED, key);
        }
        return true;
    }

    private void work(InferenceJob job, String worker, int maxBatches, BooleanSupplier keepGoing) {
        long started = System.nanoTime();
        RegisteredModel model = models.find(job.modelSha256())
                .orElseThrow(() -> new UserFacingException("inference.error.unknown-model", job.modelSha256()));
        ServingFile serving = registry.serving(model);
        Classifier classifier = runtime.classifier(serving);
        List<String> labels = studies.labels(job.studyId());
        if (labels.isEmpty()) {
            throw new UserFacingException("inference.error.no-labels", job.studyId());
        }
        InferenceService.requireCovers(model, labels);
        int studyTotal = studies.caseIds(job.studyId()).size();
        List<Long> todo = new ArrayList<>(predictions.casesWithoutMapping(job.studyId(), job.modelSha256()));
        // A study with a similar-cases arm needs the embeddings of its reference library too: they are computed
        // after the study's own cases (stored as predictions of the model, mapped onto no study).
        int studyTodo = todo.size();
        if (model.embeddingDim() > 0 && studies.showsSimilarCases(job.studyId())) {
            todo.addAll(studies.referenceCasesWithoutPrediction(job.studyId(), job.modelSha256()));
        }
        int total = studyTotal + todo.size() - studyTodo;
        int done = studyTotal - studyTodo;
        int computed = job.computedCases();
        JobTimings timings = JobTimings.NONE;
        if (jobs.heartbeat(job.id(), worker, total, done, computed, properties.worker().lease()).isEmpty()) {
            return;
        }
        int batchSize = properties.batchSize();
        int batches = 0;
        for (int from = 0; from < todo.size(); from = batchEnd(from, studyTodo, todo.size(), batchSize)) {
            if (!keepGoing.getAsBoolean()) {
                jobs.release(job.id(), worker);
                log.info("Job {} handed back to the queue at {}/{} (worker stopping)", job.id(), done, total);
                return;
            }
            if (batches++ >= maxBatches) {
                return;
            }
            List<Long> batch = todo.subList(from, batchEnd(from, studyTodo, todo.size(), batchSize));
            JobTimings before = timings;
            timings = predictBatch(job, classifier, labels, batch, timings, from < studyTodo);
            computed += timings.images() - before.images();
            done += batch.size();
            Optional<InferenceJob> now = jobs.heartbeat(job.id(), worker, total, done, computed,
                    properties.worker().lease());
            if (now.isEmpty()) {
                log.warn("Job {} was taken over by another worker; {} stops", job.id(), worker);
                return;
            }
            if (now.get().cancelRequested()) {
                jobs.finish(job.id(), worker, InferenceJob.Status.CANCELLED, null);
                log.info("Job {} cancelled at {}/{}", job.id(), done, total);
                return;
            }
        }
        lastTimings = timings.withWall(System.nanoTime() - started);
        jobs.finish(job.id(), worker, InferenceJob.Status.DONE, null);
        log.info("Job {} done: {} cases, {} computed by this run from {}; {} images/s", job.id(), total,
                computed, serving.describe(), String.format("%.1f", lastTimings.imagesPerSecond()));
    }

    private JobTimings predictBatch(InferenceJob job, Classifier classifier, List<String> labels, List<Long> batch,
            JobTimings timings, boolean studyCases) {
        List<Long> toCompute = new ArrayList<>();
        List<Pixels> pixels = new ArrayList<>();
        long load = 0;
        long decode = 0;
        for (long caseId : batch) {
            if (predictions.find(job.modelSha256(), caseId).isPresent()) {
                continue;
            }
            long t0 = System.nanoTime();
            byte[] bytes = studies.imageBytes(caseId)
                    .orElseThrow(() -> new UserFacingException("inference.error.case-image", caseId));
            long t1 = System.nanoTime();
            try {
                pixels.add(Pixels.decode(bytes));
            } catch (RuntimeException e) {
                throw new UserFacingException("inference.error.case-image", caseId);
            }
            long t2 = System.nanoTime();
            load += t1 - t0;
            decode += t2 - t1;
            toCompute.add(caseId);
        }
        long forward = 0;
        long store = 0;
        if (!toCompute.isEmpty()) {
            long t0 = System.nanoTime();
            List<ClassifierOutput> outputs = classifier.classify(pixels);
            long t1 = System.nanoTime();
            forward = t1 - t0;
            double perImageMs = forward / 1e6 / toCompute.size();
            for (int i = 0; i < toCompute.size(); i++) {
                predictions.insert(job.modelSha256(), toCompute.get(i), outputs.get(i), perImageMs, job.id(),
                        classifier.variantSha256().orElse(null));
            }
            store = System.nanoTime() - t1;
        }
        long t0 = System.nanoTime();
        for (long caseId : studyCases ? batch : List.<Long>of()) {
            PredictionRepository.CaseRow stored = predictions.find(job.modelSha256(), caseId).orElseThrow();
            predictions.insertMapping(job.studyId(), job.modelSha256(), caseId, labels,
                    LabelSetMapping.restrict(classifier.manifest().classes(), stored.logits(), labels));
        }
        store += System.nanoTime() - t0;
        return timings.plus(toCompute.size(), load, decode, forward, store);
    }

    /** The end of the batch from {@code from}: no batch mixes the study's cases with reference cases. */
    private static int batchEnd(int from, int studyTodo, int size, int batchSize) {
        return Math.min(from < studyTodo ? studyTodo : size, from + batchSize);
    }

    /** Timings of the last job this instance finished (for the benchmark). */
    JobTimings lastTimings() {
        return lastTimings;
    }
}
