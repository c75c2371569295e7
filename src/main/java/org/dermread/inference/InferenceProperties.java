package org.dermread.inference;

import jakarta.validation.Valid;
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
 * @param registerDemoModel register the committed demo model ({@code classpath:models/demo-skin-cnn}) at start
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
        @DefaultValue("true") boolean registerDemoModel,
        @DefaultValue @Valid @NotNull Worker worker) {

    /** Where inference runs. */
    public enum DeviceChoice { AUTO, CPU, GPU }

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
