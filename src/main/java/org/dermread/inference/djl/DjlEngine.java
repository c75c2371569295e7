package org.dermread.inference.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.dermread.inference.EngineSummary;
import org.dermread.inference.InferenceProperties;
import org.dermread.inference.ModelValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PyTorch engine of DJL, started once: offline (natives come from the {@code pytorch-native-*} jar on the
 * class path, nothing is downloaded), with the configured thread count, on the configured or detected device.
 */
public final class DjlEngine {

    private static final Logger log = LoggerFactory.getLogger(DjlEngine.class);
    private static final String ENGINE = "PyTorch";

    private final Device device;
    private final String description;
    private final EngineSummary summary;
    private final EngineSelfCheck.Result selfCheck;

    private DjlEngine(Device device, String description, EngineSummary summary, EngineSelfCheck.Result selfCheck) {
        this.device = device;
        this.description = description;
        this.summary = summary;
        this.selfCheck = selfCheck;
    }

    /**
     * Starts the engine (the first start in a JVM extracts the natives to {@code ~/.djl.ai}), with oneDNN's
     * instruction set chosen first ({@link CpuInstructionSet}), then checks it against Python
     * ({@link EngineSelfCheck}).
     */
    public static DjlEngine start(InferenceProperties properties) {
        CpuInstructionSet.Choice isa = CpuInstructionSet.ensureApplied(properties.cpuIsa(),
                CpuInstructionSet.CpuInfo.read(properties.cpuInfo()));
        System.setProperty("ai.djl.offline", "true");
        if (properties.threads() > 0) {
            // Read by the engine when it starts; intra-op and inter-op alike, so thread counts compare fairly.
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(properties.threads()));
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(properties.threads()));
        }
        System.setProperty("ai.djl.pytorch.graph_optimizer", Boolean.toString(properties.graphOptimizer()));
        Engine engine = Engine.getEngine(ENGINE);
        int gpus = engine.getGpuCount();
        Device device = switch (properties.device()) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("dermread.inference.device=gpu but the PyTorch engine sees no GPU "
                            + "(are the CUDA natives on the class path? build with -Pgpu)");
                }
                yield Device.gpu();
            }
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
        String description = "DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName() + " "
                + engine.getVersion() + ", device " + device + " (" + gpus + " GPU(s) visible, setting "
                + properties.device().name().toLowerCase() + "), threads "
                + (properties.threads() > 0 ? properties.threads() : "default") + ", graph optimizer "
                + (properties.graphOptimizer() ? "on" : "off") + ", " + isa.describe() + ", precision "
                + properties.precision().code() + ", memory format " + properties.memoryFormat().name()
                .toLowerCase(Locale.ROOT).replace('_', '-');
        EngineSelfCheck.Result selfCheck = EngineSelfCheck.run(device);
        description += ", " + selfCheck.describe();
        if (selfCheck.passed()) {
            log.info("AI inference: {}", description);
        } else {
            log.error("AI inference: {}. This engine computes wrong outputs on this machine; no model will run until"
                    + " dermread.inference.cpu-isa is set to a level that passes (e.g. AVX2) and DermRead restarts.",
                    description);
        }
        String memoryFormat = properties.memoryFormat().name().toLowerCase(Locale.ROOT).replace('_', '-');
        EngineSummary summary = new EngineSummary("DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName()
                + " " + engine.getVersion(), device.toString(), gpus,
                properties.device().name().toLowerCase(Locale.ROOT), Math.max(properties.threads(), 0),
                properties.graphOptimizer(), isa.level(), isa.kind(), isa.detail(),
                properties.precision().code(), memoryFormat, selfCheck.passed(), selfCheck.maxDifference(),
                selfCheck.tolerance());
        return new DjlEngine(device, description, summary, selfCheck);
    }

    /** The result of the numerical self-check against Python at start. */
    public EngineSelfCheck.Result selfCheck() {
        return selfCheck;
    }

    /**
     * Refuses to run any model on an engine that failed its self-check: wrong predictions must never be stored.
     *
     * @throws ModelValidationException naming the difference and the setting that caps the instruction set
     */
    public void requireTrustworthy() {
        if (!selfCheck.passed()) {
            throw new ModelValidationException("inference.error.self-check",
                    String.format(Locale.ROOT, "%.2g", selfCheck.maxDifference()));
        }
    }

    public Device device() {
        return device;
    }

    public boolean onGpu() {
        return device.isGpu();
    }

    /** Engine, version, device and threads, as logged at start. */
    public String description() {
        return description;
    }

    /** The same in parts, for a page to put into words. */
    public EngineSummary summary() {
        return summary;
    }

}
