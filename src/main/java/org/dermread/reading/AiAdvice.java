package org.dermread.reading;

import java.util.List;

/**
 * What the AI-assisted phase shows with a case: the forms of help of the reader's arm, and nothing else (a study
 * without arms shows the probabilities and the saliency map). A form the arm does not show is absent: empty lists,
 * null values.
 *
 * @param codes         the study's label set in its order, with {@code probabilities}; empty unless the arm shows
 *                      the probabilities
 * @param top1          the AI's diagnosis (its most probable label), only for an arm that shows the diagnosis alone
 * @param malignancy    the AI's probability of the malignant group (0-1), only for an arm that shows it
 * @param similarCases  the nearest library cases with their verified diagnoses, most similar first
 * @param saliencyPng   the saliency map as a PNG, or null
 */
public record AiAdvice(List<String> codes, List<Double> probabilities, String top1, Double malignancy,
        List<SimilarCase> similarCases, byte[] saliencyPng) {

    public AiAdvice {
        codes = List.copyOf(codes);
        probabilities = List.copyOf(probabilities);
        similarCases = List.copyOf(similarCases);
        if (codes.size() != probabilities.size()) {
            throw new IllegalArgumentException("one probability per code");
        }
    }

    /** The display of a study without arms: the probabilities and the saliency map. */
    public AiAdvice(List<String> codes, List<Double> probabilities, byte[] saliencyPng) {
        this(codes, probabilities, null, null, List.of(), saliencyPng);
    }

    /**
     * A library case close to the case on screen in the model's embedding space, with its verified diagnosis: never
     * a case of the study, never an image of a lesion in the study. {@code caseId} stays on the server.
     */
    public record SimilarCase(long caseId, String diagnosis, double similarity) {
    }
}
