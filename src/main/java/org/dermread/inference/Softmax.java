package org.dermread.inference;

/**
 * The softmax, computed stably by subtracting the largest logit first (Goodfellow, Bengio and Courville, Deep
 * Learning, MIT Press 2016, section 4.1).
 */
public final class Softmax {

    private Softmax() {
    }

    public static double[] of(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double[] result = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            result[i] = Math.exp(logits[i] - max);
            sum += result[i];
        }
        for (int i = 0; i < logits.length; i++) {
            result[i] /= sum;
        }
        return result;
    }
}
