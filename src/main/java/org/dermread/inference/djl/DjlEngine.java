package org.dermread.inference.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.dermread.inference.InferenceProperties;
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

    private DjlEngine(Device device, String description) {
        this.device = device;
        this.description = description;
    }

    /** Starts the engine (the first start in a JVM extracts the natives to {@code ~/.djl.ai}). */
    public static DjlEngine start(InferenceProperties properties) {
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
                + (properties.graphOptimizer() ? "on" : "off");
        log.info("AI inference: {}", description);
        return new DjlEngine(device, description);
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

}
