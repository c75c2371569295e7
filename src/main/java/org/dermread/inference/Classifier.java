package org.dermread.inference;

import java.util.List;
import java.util.Optional;

/**
 * A loaded model that classifies decoded images. Implementations load the model once, warm it up, may be used
 * from several threads at once, and release native memory on {@link #close()}.
 */
public interface Classifier extends AutoCloseable {

    /** The SHA-256 of the model of record this classifier computes (predictions are stored under it). */
    String modelSha256();

    /** The variant's SHA-256 when the file that runs is a variant (bf16, channels-last) of the model of record. */
    default Optional<String> variantSha256() {
        return Optional.empty();
    }

    ModelManifest manifest();

    /** The device it runs on, for example {@code cpu()} or {@code gpu(0)}. */
    String device();

    /**
     * Classifies images in one forward pass when they share a size (the model resizes, but a batch tensor needs
     * one size), otherwise one by one. Results are in the order of {@code images}.
     */
    List<ClassifierOutput> classify(List<Pixels> images);

    default ClassifierOutput classify(Pixels image) {
        return classify(List.of(image)).get(0);
    }

    @Override
    void close();
}
