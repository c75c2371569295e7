package org.dermread.inference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dermread.inference.internal.PredictionRepository;
import org.dermread.inference.internal.StudyCasesRepository;
import org.springframework.stereotype.Component;

/**
 * The "similar cases" form of help: the k cases of a study's reference library (its sources' cases outside its case
 * set and its lesions, {@link StudyCasesRepository#REFERENCE_CASE}) nearest to a case in the model's embedding
 * space, by exact cosine search ({@link SimilarCaseIndex}). The index of a (study, model) is built once from the
 * stored embeddings and kept while the number of embedded reference cases stays the same (a run that embeds more
 * builds a new one). Memory: 4 bytes per feature per reference case, e.g. 5,000 cases of 1,792 features 36 MB.
 * No access checks here: the caller ({@link InferenceService}) has made them.
 */
@Component
class SimilarCases {

    private record Key(long studyId, String modelSha256) {
    }

    private record Cached(int count, SimilarCaseIndex index) {
    }

    private final PredictionRepository predictions;
    private final StudyCasesRepository studies;
    private final Map<Key, Cached> indexes = new ConcurrentHashMap<>();

    SimilarCases(PredictionRepository predictions, StudyCasesRepository studies) {
        this.predictions = predictions;
        this.studies = studies;
    }

    /** The k nearest reference cases to the study's case, most similar first; empty when it has no embedding. */
    List<SimilarCaseIndex.Match> nearest(long studyId, String modelSha256, long caseId, int k) {
        return predictions.embedding(modelSha256, caseId)
                .map(embedding -> index(studyId, modelSha256).nearest(caseId, studies.lesionOf(caseId).orElse(null),
                        embedding, k, Set.of()))
                .orElse(List.of());
    }

    private SimilarCaseIndex index(long studyId, String modelSha256) {
        Key key = new Key(studyId, modelSha256);
        int count = predictions.referenceCount(studyId, modelSha256);
        Cached cached = indexes.get(key);
        if (cached == null || cached.count() != count) {
            List<SimilarCaseIndex.Entry> entries = predictions.referenceEmbeddings(studyId, modelSha256).stream()
                    .map(row -> new SimilarCaseIndex.Entry(row.caseId(), row.lesionId(), row.diagnosis(),
                            row.embedding()))
                    .toList();
            cached = new Cached(entries.size(), new SimilarCaseIndex(entries));
            indexes.put(key, cached);
        }
        return cached.index();
    }
}
