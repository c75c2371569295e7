package org.dermread.inference;

import java.util.Objects;

/**
 * What a model says about one image, in the model's class order.
 *
 * @param logits        the main head's logits (C values)
 * @param probabilities softmax of {@code logits}
 * @param auxLogits     the auxiliary classifiers' logits, K rows of C values, flattened row by row
 * @param embedding     penultimate features (D values), kept for a t-SNE view
 */
public record ClassifierOutput(double[] logits, double[] probabilities, float[] auxLogits, float[] embedding) {

    public ClassifierOutput {
        Objects.requireNonNull(logits);
        Objects.requireNonNull(probabilities);
        Objects.requireNonNull(auxLogits);
        Objects.requireNonNull(embedding);
        if (logits.length != probabilities.length) {
            throw new IllegalArgumentException("logits and probabilities differ in length");
        }
    }

    /** Builds the output from logits, applying the softmax (in double precision, shifted by the maximum). */
    public static ClassifierOutput fromLogits(double[] logits, float[] auxLogits, float[] embedding) {
        return new ClassifierOutput(logits.clone(), Softmax.of(logits), auxLogits, embedding);
    }

    /** Index of the largest probability. */
    public int argmax() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }
}
