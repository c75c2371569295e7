package org.dermread.inference;

import java.util.Optional;

/**
 * How a model's 4-D tensors lie in memory: {@code contiguous} (NCHW, PyTorch's default) or {@code channels_last}
 * (NHWC strides), which lets oneDNN's convolutions skip reordering activations between layers.
 */
public enum MemoryFormat {
    CONTIGUOUS("contiguous"), CHANNELS_LAST("channels_last");

    private final String code;

    MemoryFormat(String code) {
        this.code = code;
    }

    /** The name used in manifests and the database. */
    public String code() {
        return code;
    }

    public static Optional<MemoryFormat> fromCode(String code) {
        for (MemoryFormat format : values()) {
            if (format.code.equals(code)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
