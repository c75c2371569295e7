package org.dermread.reading;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Asks for the AI's advice on the case a reader will see next, in the background, as the reader themself: the
 * advice source computes what it has not stored yet (a saliency map takes seconds on a CPU) while the reader looks at
 * the current case, so that saving it is not held up by the next one's saliency. The result is dropped; only the
 * source's own store keeps it. One thread and a short queue: when readers outrun it, requests are dropped, never
 * queued without bound.
 */
@Component
class AdviceWarmer {

    private static final Logger log = LoggerFactory.getLogger(AdviceWarmer.class);

    private final ObjectProvider<AiAdviceSource> advice;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), runnable -> {
                Thread thread = new Thread(runnable, "reading-advice-warmer");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    AdviceWarmer(ObjectProvider<AiAdviceSource> advice) {
        this.advice = advice;
    }

    /** Computes the advice for the case in the background, with the caller's authentication. */
    void warm(long studyId, long caseId) {
        AiAdviceSource source = advice.getIfAvailable();
        if (source == null) {
            return;
        }
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                source.adviceFor(studyId, caseId);
            } catch (RuntimeException e) {
                log.debug("Advice for case {} of study {} not prepared ahead: {}", caseId, studyId, e.toString());
            }
        }));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
