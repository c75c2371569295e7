package org.dermread.inference;

import java.util.List;

/**
 * Restricts a prediction over the model's classes (any number, any taxonomy) to a study's label set. The
 * probabilities of the labels are renormalised to sum to 1: p'(k) = p(k) / sum over labels l of p(l). This is
 * the same as a softmax over the labels' logits alone, which is how it is computed here, so that it stays exact
 * even when all label probabilities underflow. It is the usual way to score a multiclass network on a reader
 * study that offers fewer diagnoses than the network knows (for example Tschandl et al., Nat. Med.
 * 26:1229-1234, 2020, who showed readers multiclass probabilities over the task's classes).
 */
public final class LabelSetMapping {

    private LabelSetMapping() {
    }

    /**
     * @param classes the model's classes in output order
     * @param logits  the model's logits in output order
     * @param labels  the study's label set; every label must be one of {@code classes}
     * @return the renormalised probabilities in the order of {@code labels}
     */
    public static double[] restrict(List<String> classes, double[] logits, List<String> labels) {
        double[] subset = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            int index = classes.indexOf(labels.get(i));
            if (index < 0) {
                throw new ModelValidationException("inference.error.label-not-in-model", labels.get(i));
            }
            subset[i] = logits[index];
        }
        return Softmax.of(subset);
    }
}
