package org.dermread.inference;

import java.nio.file.Path;

/**
 * Where models run (DJL's PyTorch engine in this app): checks files against the contract, hands out loaded
 * classifiers (each model loaded once and kept until shutdown), and computes input gradients for saliency maps.
 */
public interface ModelRuntime {

    /** Engine, version, device and threads. */
    String description();

    /**
     * Loads a TorchScript file and runs it on small synthetic images, checking each output's shape against the
     * manifest; releases it again.
     *
     * @throws ModelValidationException when the file does not load or an output breaks the contract
     */
    void check(Path file, ModelManifest manifest);

    /** The loaded, warmed-up classifier of a registered model (loaded on first request). */
    Classifier classifier(RegisteredModel model, Path file);

    /**
     * The gradient of the main logit of class {@code classIndex} with respect to the input pixels (Simonyan,
     * Vedaldi and Zisserman, "Deep Inside Convolutional Networks", arXiv:1312.6034, 2014), computed on a separate
     * instance of the model loaded for gradients.
     *
     * @return {@code 3 * height * width} values, channel-first like {@link Pixels#chw()}
     */
    float[] inputGradient(RegisteredModel model, Path file, Pixels pixels, int classIndex);
}
