package org.dermread.reading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A reader's case order for a phase, reproducible from the seed recorded on the participation. Cases are shuffled
 * per reader so that order effects average out across readers (as in grand-challenge reader studies and Haenssle
 * et al., Ann Oncol 2018). The AI-assisted phase always uses a new order (seed + 1), so the second reading does not
 * follow the first.
 */
public final class ReadingOrder {

    private ReadingOrder() {
    }

    /**
     * @param caseIds the study's cases in ascending id order
     * @param shuffle whether the study shuffles the unaided phase per reader
     */
    public static List<Long> of(List<Long> caseIds, long seed, Phase phase, boolean shuffle) {
        List<Long> order = new ArrayList<>(caseIds);
        Collections.sort(order);
        if (phase == Phase.AIDED) {
            Collections.shuffle(order, new Random(seed + 1));
        } else if (shuffle) {
            Collections.shuffle(order, new Random(seed));
        }
        return List.copyOf(order);
    }
}
