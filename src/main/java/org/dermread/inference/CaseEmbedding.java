package org.dermread.inference;

/** A case's embedding (the model's penultimate features) with its ground truth, for a t-SNE view. */
public record CaseEmbedding(long caseId, String groundTruth, float[] embedding) {
}
