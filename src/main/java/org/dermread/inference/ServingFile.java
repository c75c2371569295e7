package org.dermread.inference;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The file a model runs from on this instance: the fp32 file of record, or one of its variants chosen by the
 * precision and memory-format settings.
 *
 * @param model   the model of record (predictions are stored under its SHA-256)
 * @param variant the variant that runs instead, if any
 * @param file    the TorchScript file to load
 */
public record ServingFile(RegisteredModel model, Optional<ModelVariant> variant, Path file) {

    /** The SHA-256 of the file that runs. */
    public String fileSha256() {
        return variant.map(ModelVariant::sha256).orElse(model.sha256());
    }

    /** For logs: the model and, if any, the variant. */
    public String describe() {
        return model.label() + variant.map(v -> " (" + v.kind() + " variant " + v.sha256().substring(0, 12) + ")")
                .orElse(" (fp32)");
    }
}
