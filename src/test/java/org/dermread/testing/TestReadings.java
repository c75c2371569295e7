package org.dermread.testing;

import java.time.Duration;
import org.dermread.accounts.Account;
import org.dermread.inference.InferenceService;
import org.dermread.inference.ModelRegistry;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.testing.TestStudies.TestStudy;
import org.springframework.stereotype.Component;

/** Completes studies for tests of what comes after reading: the demo model's predictions and readers' answers. */
@Component
public class TestReadings {

    /** A reader's answer (and confidence, or null) to the {@code index}-th case shown in a phase. */
    public interface Answerer {
        String answer(long caseId, int index, Phase phase);

        default Integer confidence(long caseId, int index, Phase phase) {
            return null;
        }
    }

    private final InferenceService inference;
    private final ModelRegistry registry;
    private final ReadingService reading;

    public TestReadings(InferenceService inference, ModelRegistry registry, ReadingService reading) {
        this.inference = inference;
        this.registry = registry;
        this.reading = reading;
    }

    /** Runs the committed demo model over the study as its coordinator and waits until every case is predicted. */
    public boolean predictWithDemoModel(Account coordinator, TestStudy study) throws InterruptedException {
        SignIn.as(coordinator);
        String model;
        try {
            model = registry.models().stream().filter(m -> m.name().equals("demo-skin-cnn")).findFirst()
                    .orElseThrow().sha256();
        } finally {
            SignIn.out();
        }
        return predictWith(coordinator, study, model);
    }

    /** Runs a registered model over the study through the background worker; true when every case got one. */
    public boolean predictWith(Account coordinator, TestStudy study, String model) throws InterruptedException {
        SignIn.as(coordinator);
        try {
            inference.startRun(study.studyId(), model);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!inference.hasCompletePredictions(study.studyId()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            return inference.hasCompletePredictions(study.studyId());
        } finally {
            SignIn.out();
        }
    }

    /** The reader reads every case of the given phases through the quiz's service, answering as told. */
    public void readAll(Account reader, long participation, Answerer answerer, Phase... phases) {
        SignIn.as(reader);
        try {
            for (Phase phase : phases) {
                reading.open(participation, phase);
                int index = 0;
                var next = reading.next(participation, phase);
                while (next.isPresent()) {
                    long caseId = next.get().caseId();
                    reading.answer(participation, phase, caseId, answerer.answer(caseId, index, phase),
                            answerer.confidence(caseId, index, phase));
                    index++;
                    next = reading.next(participation, phase);
                }
            }
        } finally {
            SignIn.out();
        }
    }
}
