package org.dermread.inference;

/**
 * What the inference engine runs on, as parts a page can put into words of its language (the log keeps the English
 * {@link ModelRuntime#description()}).
 *
 * @param engine         "DJL 0.33.0, PyTorch 2.5.1" (names and versions, the same in every language)
 * @param device         the device in use, e.g. {@code cpu()} or {@code gpu(0)}
 * @param gpus           GPUs the engine sees
 * @param deviceSetting  {@code auto}, {@code cpu} or {@code gpu} ({@code dermread.inference.device})
 * @param threads        the configured thread count, 0 for the engine's default
 * @param graphOptimizer whether PyTorch's graph optimizer is on
 * @param isaLevel       oneDNN's instruction-set level in force, e.g. {@code AVX2} or {@code native}
 * @param isaReason      why that level
 * @param isaDetail      the setting or processor vendor the reason names
 * @param precision      e.g. {@code fp32}
 * @param memoryFormat   e.g. {@code auto} or {@code channels-last}
 * @param selfCheckPassed whether the engine's outputs matched Python's at start
 * @param maxDifference  the largest logit difference to Python
 * @param tolerance      the largest difference allowed on this device
 */
public record EngineSummary(String engine, String device, int gpus, String deviceSetting, int threads,
        boolean graphOptimizer, String isaLevel, IsaReason isaReason, String isaDetail, String precision,
        String memoryFormat, boolean selfCheckPassed, double maxDifference, double tolerance) {

    /** Why oneDNN runs at its level. */
    public enum IsaReason {
        /** ONEDNN_MAX_CPU_ISA was set in the environment. */
        ENVIRONMENT,
        /** dermread.inference.cpu-isa names it ({@code isaDetail} is the setting). */
        SETTING,
        /** auto: an AMD processor with AVX-512, whose oneDNN AVX-512 kernels gave wrong results. */
        AUTO_AMD_AVX512,
        /** auto: no limit for this processor ({@code isaDetail} is its vendor, or empty). */
        AUTO_NATIVE
    }
}
