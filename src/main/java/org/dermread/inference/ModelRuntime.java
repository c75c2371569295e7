package org.dermread.inference;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where models run (DJL's PyTorch engine in this app): checks files against the contract, hands out loaded
 * classifiers (each model loaded once and kept until shutdown), and computes input gradients for saliency maps.
 */
public interface ModelRuntime {

    /** Engine, version, device and threads. */
    String description();

    /** The same in parts, for a page to put into words of its language. */
    EngineSummary summary();

    /**
     * Loads a TorchScript file and runs it on small synthetic images, checking each output's shape against the
     * manifest; releases it again.
     *
     * @throws ModelValidationException when the file does not load or an output breaks the contract
     */
    void check(Path file, ModelManifest manifest);

    /** The loaded, warmed-up classifier of a registered model's fp32 file (loaded on first request). */
    default Classifier classifier(RegisteredModel model, Path file) {
        return classifier(new ServingFile(model, Optional.empty(), file));
    }

    /** The loaded, warmed-up classifier of the file a model runs from here (loaded on first request, then kept). */
    Classifier classifier(ServingFile serving);

    /**
     * Loads a file for a one-off comparison (a variant's parity check): not kept, warmed up; the caller closes it.
     *
     * @throws ModelValidationException when the file does not load or breaks the contract
     */
    Classifier open(Path file, ModelManifest manifest);

    /**
     * The gradient of the main logit of class {@code classIndex} with respect to the input pixels (Simonyan,
     * Vedaldi and Zisserman, "Deep Inside Convolutional Networks", arXiv:1312.6034, 2014), computed on a separate
     * instance of the model loaded for gradients.
     *
     * @return {@code 3 * height * width} values, channel-first like {@link Pixels#chw()}
     */
    float[] inputGradient(RegisteredModel model, Path file, Pixels pixels, int classIndex);
}
