package org.dermread.inference.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dermread.inference.EngineSummary;
import org.dermread.inference.Classifier;
import org.dermread.inference.InferenceProperties;
import org.dermread.inference.ModelManifest;
import org.dermread.inference.ModelRuntime;
import org.dermread.inference.ModelVariant;
import org.dermread.inference.ModelValidationException;
import org.dermread.inference.Pixels;
import org.dermread.inference.RegisteredModel;
import org.dermread.inference.ServingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * DJL's PyTorch engine behind {@link ModelRuntime}. The engine starts on first use (so instances that never run a
 * model never load libtorch); each model is loaded once, warmed up and kept until shutdown, when everything is
 * closed and its native memory released.
 */
@Component
class DjlRuntime implements ModelRuntime {

    private static final Logger log = LoggerFactory.getLogger(DjlRuntime.class);

    private final InferenceProperties properties;
    private final Map<String, DjlClassifier> classifiers = new ConcurrentHashMap<>();
    private final Map<String, ZooModel<NDList, NDList>> gradientModels = new ConcurrentHashMap<>();
    private volatile DjlEngine engine;

    DjlRuntime(InferenceProperties properties) {
        this.properties = properties;
    }

    /**
     * Chooses oneDNN's instruction set (before libtorch loads) and refuses a precision this machine cannot run with
     * its own instructions: the application does not start, and the message says why and what to set.
     */
    @PostConstruct
    void checkPrecision() {
        CpuInstructionSet.CpuInfo cpu = CpuInstructionSet.CpuInfo.read(properties.cpuInfo());
        CpuInstructionSet.Choice isa = CpuInstructionSet.ensureApplied(properties.cpuIsa(), cpu);
        PrecisionSupport.refusal(properties.precision(), cpu, isa.level(),
                properties.device() == InferenceProperties.DeviceChoice.GPU).ifPresent(reason -> {
                    throw new IllegalStateException(reason);
                });
    }

    /** The started engine, refusing to hand it out when it failed its self-check. */
    private DjlEngine engine() {
        DjlEngine started = startedEngine();
        started.requireTrustworthy();
        return started;
    }

    private DjlEngine startedEngine() {
        DjlEngine started = engine;
        if (started == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = DjlEngine.start(properties);
                }
                started = engine;
            }
        }
        return started;
    }

    @Override
    public String description() {
        return startedEngine().description();
    }

    @Override
    public EngineSummary summary() {
        return startedEngine().summary();
    }

    @Override
    public void check(Path file, ModelManifest manifest) {
        try (DjlClassifier classifier = DjlClassifier.load(file, "candidate", manifest, engine().device(), 1)) {
            classifier.checkContract();
        }
    }

    @Override
    public Classifier classifier(ServingFile serving) {
        RegisteredModel model = serving.model();
        return classifiers.computeIfAbsent(serving.fileSha256(), sha -> {
            ModelManifest manifest = ModelManifest.parse(model.manifestJson(), Set.copyOf(model.classes()));
            DjlClassifier classifier = DjlClassifier.load(serving.file(), model.sha256(),
                    serving.variant().map(ModelVariant::sha256).orElse(null), manifest, engine().device(),
                    properties.predictors());
            try {
                classifier.checkAndWarmUp();
            } catch (RuntimeException e) {
                classifier.close();
                throw e;
            }
            return classifier;
        });
    }

    @Override
    public Classifier open(Path file, ModelManifest manifest) {
        DjlClassifier classifier = DjlClassifier.load(file, "parity-check", manifest, engine().device(), 1);
        try {
            classifier.checkAndWarmUp();
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
        return classifier;
    }

    @Override
    public float[] inputGradient(RegisteredModel model, Path file, Pixels pixels, int classIndex) {
        ZooModel<NDList, NDList> gradientModel = gradientModels.computeIfAbsent(model.sha256(), sha -> {
            ModelManifest manifest = ModelManifest.parse(model.manifestJson(), Set.copyOf(model.classes()));
            // A separate instance: gradients need the parameters loaded for training and the block called directly
            // (a Predictor runs in inference mode, where libtorch records no gradients).
            return DjlClassifier.loadModel(file, manifest, engine().device(), Map.of("trainParam", "true"),
                    NDList.class, NDList.class, new NoopTranslator());
        });
        // One gradient pass at a time per model: it holds the most native memory (about 1 GB for EfficientNet-b4).
        synchronized (gradientModel) {
            Block block = gradientModel.getBlock();
            try (NDManager manager = gradientModel.getNDManager().newSubManager();
                    GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray input = manager.create(FloatBuffer.wrap(pixels.chw()),
                        new Shape(1, 3, pixels.height(), pixels.width()));
                input.setRequiresGradient(true);
                NDList outputs = block.forward(new ParameterStore(manager, false), new NDList(input), true);
                if (outputs.isEmpty() || outputs.get(0).getShape().get(1) <= classIndex) {
                    throw new ModelValidationException("inference.error.output-count", outputs.size(), 1);
                }
                NDArray score = outputs.get(0).get(0, classIndex);
                collector.backward(score);
                return input.getGradient().toFloatArray();
            }
        }
    }

    @PreDestroy
    void close() {
        classifiers.values().forEach(DjlClassifier::close);
        classifiers.clear();
        gradientModels.values().forEach(ZooModel::close);
        gradientModels.clear();
        if (engine != null) {
            log.info("AI inference stopped; models closed");
        }
    }

    Device device() {
        return engine().device();
    }
}
