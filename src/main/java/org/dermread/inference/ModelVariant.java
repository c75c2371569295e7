package org.dermread.inference;

import java.time.Instant;

/**
 * A variant of a registered model: the same network in bf16 and/or the channels-last memory format, in its own
 * TorchScript file derived from the fp32 file of record ({@code src/main/python/derive_variant.py}).
 *
 * @param sha256       SHA-256 of the variant's file (in the model store as {@code <sha256>.pt} when offered)
 * @param modelSha256  the fp32 model of record it was derived from; predictions are stored under this one
 * @param parity       its agreement with the fp32 model, measured at registration on {@code measuredOn}
 * @param offered      whether it met its bound ({@link VariantParity#bound}); a variant that did not is recorded with
 *                     its figures but never runs
 * @param measuredOn   the engine that measured it (engine, device, oneDNN instruction set)
 * @param registeredBy user name, or empty for one registered by DermRead itself
 */
public record ModelVariant(String sha256, String modelSha256, String modelLabel, Precision precision,
        MemoryFormat memoryFormat, long sizeBytes, VariantParity.Result parity, String bound, boolean offered,
        String measuredOn, String registeredBy, Instant registeredAt) {

    /** For example {@code bf16, channels_last}. */
    public String kind() {
        return precision.code() + ", " + memoryFormat.code();
    }
}
