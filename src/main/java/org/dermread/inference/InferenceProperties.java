package org.dermread.inference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * AI inference settings ({@code dermread.inference.*}).
 *
 * @param modelStore        folder holding registered TorchScript files, each named {@code <sha256>.pt}; a separate
 *                          worker instance needs the same files (a shared folder or a copy)
 * @param device            {@code auto} (a GPU when DJL sees one, else the CPU), {@code cpu} or {@code gpu}
 * @param threads           PyTorch intra-op threads; 0 leaves libtorch's default (all cores)
 * @param predictors        predictors per loaded model (DJL predictors are not thread-safe; one per worker thread)
 * @param batchSize         images per forward pass in batch runs; 1 is fastest on CPUs, larger pays on a GPU
 * @param graphOptimizer    libtorch's profiling graph executor (off by default): it re-specialises a TorchScript
 *                          graph on the input shapes it sees; images of a study come in many sizes, and with it on
 *                          the EfficientNet-b4 export fell to 0.6 images/s in batch runs here (13.4 with it off,
 *                          and as fast as or faster than Python at every batch size; see the benchmark)
 * @param cpuIsa            the highest instruction set libtorch's oneDNN kernels may use: {@code auto} (AVX2 on AMD
 *                          processors with AVX-512, whose AVX-512 kernels gave wrong outputs here; native elsewhere),
 *                          {@code native}, or a oneDNN level such as {@code AVX2} or {@code AVX512_CORE}; an
 *                          {@code ONEDNN_MAX_CPU_ISA} environment variable wins. Every engine start is checked
 *                          against Python's output and refuses to run models if it disagrees
 * @param precision         {@code fp32} (default) or {@code bf16}: with bf16, runs use a model's registered bf16
 *                          variant where one passed its parity check (else the fp32 model, with a warning).
 *                          Refused at start where the processor lacks bf16 instructions or oneDNN is capped
 *                          below them (see {@code PrecisionSupport}); bf16 is then not faster but slower
 * @param memoryFormat      {@code auto} (default: a registered channels-last variant where one passed its parity
 *                          check, else the model as it is), {@code contiguous} or {@code channels-last}
 * @param cpuInfo           where the processor's flags are read ({@code /proc/cpuinfo}); a setting so that tests and
 *                          containers can give another source
 * @param registerDemoModel register the committed demo model ({@code classpath:models/demo-skin-cnn}) at start, and,
 *                          when {@code precision=bf16}, its committed bf16 variant
 * @param parity            how a variant is compared with its fp32 model at registration
 * @param worker            the PostgreSQL-backed job worker
 */
@Validated
@ConfigurationProperties("dermread.inference")
public record InferenceProperties(
        @DefaultValue("./data/models") @NotNull Path modelStore,
        @DefaultValue("auto") @NotNull DeviceChoice device,
        @DefaultValue("0") @Min(0) @Max(256) int threads,
        @DefaultValue("2") @Min(1) @Max(64) int predictors,
        @DefaultValue("1") @Min(1) @Max(256) int batchSize,
        @DefaultValue("false") boolean graphOptimizer,
        @DefaultValue("auto") @NotNull String cpuIsa,
        @DefaultValue("fp32") @NotNull Precision precision,
        @DefaultValue("auto") @NotNull MemoryFormatChoice memoryFormat,
        @DefaultValue("/proc/cpuinfo") @NotNull Path cpuInfo,
        @DefaultValue("true") boolean registerDemoModel,
        @DefaultValue @Valid @NotNull Parity parity,
        @DefaultValue @Valid @NotNull Worker worker) {

    /** Where inference runs. */
    public enum DeviceChoice { AUTO, CPU, GPU }

    /** Which memory format's variant runs use. */
    public enum MemoryFormatChoice { AUTO, CONTIGUOUS, CHANNELS_LAST }

    /**
     * The parity check of a variant against its fp32 model at registration.
     *
     * @param images           folder of images both run on (default: the demo study set's images, which are also the
     *                         images of the demo model's golden file)
     * @param limit            at most this many of them (sorted by name)
     * @param minAgreement     share of images whose top class must be the fp32 model's: 0.995 by default (issue 19)
     * @param fp32MaxDifference for an fp32 variant (channels-last only), the largest |delta p| allowed as well: 1e-3,
     *                         the tolerance to which DJL reproduces Python's fp32 probabilities (DemoModelGoldenTest)
     */
    public record Parity(
            @DefaultValue("./study-sets/demo/images") @NotNull Path images,
            @DefaultValue("200") @Min(1) @Max(100_000) int limit,
            @DefaultValue("0.995") @DecimalMin("0.5") @DecimalMax("1.0") double minAgreement,
            @DefaultValue("1e-3") @DecimalMin("0.0") double fp32MaxDifference) {
    }

    /**
     * @param enabled whether this instance claims jobs; turn off on a web-only instance when a separate worker
     *                instance (for example on a GPU machine) shares the database
     * @param threads jobs worked on at the same time by this instance
     * @param lease   how long a claimed job stays with its worker without a sign of life; after that another
     *                worker takes it over (the dead worker's finished cases are kept)
     * @param poll    how often an idle worker looks for queued jobs
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1") @Min(1) @Max(16) int threads,
            @DefaultValue("PT2M") @NotNull Duration lease,
            @DefaultValue("PT2S") @NotNull Duration poll) {
    }
}
