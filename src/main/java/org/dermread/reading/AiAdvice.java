package org.dermread.reading;

import java.util.List;

/**
 * What the AI-assisted phase shows with a case: the model's probabilities over the study's label set (in the
 * label set's order) and, when available, a saliency heat-map as a PNG.
 */
public record AiAdvice(List<String> codes, List<Double> probabilities, byte[] saliencyPng) {

    public AiAdvice {
        codes = List.copyOf(codes);
        probabilities = List.copyOf(probabilities);
        if (codes.size() != probabilities.size()) {
            throw new IllegalArgumentException("one probability per code");
        }
    }
}
