package org.dermread.inference;

import java.util.Locale;
import java.util.Optional;

/**
 * The arithmetic a model runs in: {@code fp32} (the model of record) or {@code bf16} (bfloat16: fp32's 8-bit exponent
 * with an 8-bit significand; Kalamkar et al., "A Study of BFLOAT16 for Deep Learning Training", arXiv:1905.12322,
 * 2019), through a variant file derived from the fp32 one.
 */
public enum Precision {
    FP32, BF16;

    /** The name used in settings, manifests and the database: {@code fp32}, {@code bf16}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code fp32} or {@code bf16}; anything else is empty. */
    public static Optional<Precision> fromCode(String code) {
        for (Precision precision : values()) {
            if (precision.code().equals(code)) {
                return Optional.of(precision);
            }
        }
        return Optional.empty();
    }
}
