package org.dermread.inference.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.dermread.inference.Classifier;
import org.dermread.inference.ClassifierOutput;
import org.dermread.inference.ModelManifest;
import org.dermread.inference.ModelValidationException;
import org.dermread.inference.Pixels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TorchScript model run by DJL's PyTorch engine: one {@link ZooModel} loaded once, a fixed pool of predictors
 * (a DJL predictor is not thread-safe, so each call borrows one), warmed up before first use.
 */
public final class DjlClassifier implements Classifier {

    private static final Logger log = LoggerFactory.getLogger(DjlClassifier.class);
    private static final int WARM_UP_PASSES = 3;

    private final String sha256;
    private final String variantSha256;
    private final ModelManifest manifest;
    private final ZooModel<List<Pixels>, List<ClassifierOutput>> model;
    private final BlockingQueue<Predictor<List<Pixels>, List<ClassifierOutput>>> predictors;
    private final List<Predictor<List<Pixels>, List<ClassifierOutput>>> all = new ArrayList<>();
    private volatile boolean closed;

    private DjlClassifier(String sha256, String variantSha256, ModelManifest manifest,
            ZooModel<List<Pixels>, List<ClassifierOutput>> model, int predictorCount) {
        this.sha256 = sha256;
        this.variantSha256 = variantSha256;
        this.manifest = manifest;
        this.model = model;
        this.predictors = new ArrayBlockingQueue<>(predictorCount);
        for (int i = 0; i < predictorCount; i++) {
            Predictor<List<Pixels>, List<ClassifierOutput>> predictor = model.newPredictor();
            all.add(predictor);
            predictors.add(predictor);
        }
    }

    /**
     * Loads a TorchScript file.
     *
     * @throws ModelValidationException when the file is not a TorchScript model libtorch can load
     */
    public static DjlClassifier load(Path file, String sha256, ModelManifest manifest, Device device, int predictors) {
        return load(file, sha256, null, manifest, device, predictors);
    }

    /**
     * Loads a TorchScript file that computes the model of record {@code sha256}: the fp32 file itself, or, when
     * {@code variantSha256} is given, a variant of it (bf16, channels-last).
     */
    public static DjlClassifier load(Path file, String sha256, String variantSha256, ModelManifest manifest,
            Device device, int predictors) {
        long start = System.nanoTime();
        ZooModel<List<Pixels>, List<ClassifierOutput>> model = loadModel(file, manifest, device, Map.of());
        DjlClassifier classifier = new DjlClassifier(sha256, variantSha256, manifest, model, predictors);
        log.info("Loaded model {} {} ({}{}) on {} in {} ms", manifest.name(), manifest.version(), shortSha(sha256),
                variantSha256 == null ? "" : ", variant " + shortSha(variantSha256), device,
                (System.nanoTime() - start) / 1_000_000);
        return classifier;
    }

    static <I, O> ZooModel<I, O> loadModel(Path file, ModelManifest manifest, Device device,
            Map<String, String> options, Class<I> input, Class<O> output,
            Translator<I, O> translator) {
        // Tests and tools load models without the application's engine; oneDNN's instruction set must be chosen
        // before libtorch first runs (a no-op once the application has chosen it).
        CpuInstructionSet.ensureDefault();
        Criteria.Builder<I, O> builder = Criteria.builder()
                .setTypes(input, output)
                .optEngine("PyTorch")
                .optModelPath(file)
                .optDevice(device)
                .optTranslator(translator)
                // The file is a complete serving model; DJL must not look for extra files or download anything.
                .optOption("mapLocation", "true");
        options.forEach(builder::optOption);
        try {
            return builder.build().loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            throw new ModelValidationException("inference.error.not-torchscript", reason);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ZooModel<List<Pixels>, List<ClassifierOutput>> loadModel(Path file, ModelManifest manifest,
            Device device, Map<String, String> options) {
        return (ZooModel) loadModel(file, manifest, device, options, (Class) List.class, (Class) List.class,
                new PixelsTranslator(manifest));
    }

    /**
     * Runs the model on two small synthetic images in one batch (so the batch dimension really is -1, at a size
     * unlike any training size) and checks every output's shape against the manifest.
     *
     * @throws ModelValidationException when an output does not match the contract
     */
    public void checkContract() {
        List<ClassifierOutput> outputs = classify(List.of(dummy(61, 47, 1), dummy(61, 47, 2)));
        if (outputs.size() != 2) {
            throw new ModelValidationException("inference.error.output-shape", "logits", outputs.size(), 2);
        }
    }

    /**
     * Checks the contract, then runs a few passes at the network's input size: libtorch's JIT profiles and
     * optimises the graph during the first passes, which are several times slower than later ones.
     */
    public void checkAndWarmUp() {
        long start = System.nanoTime();
        checkContract();
        int h = manifest.resize().size() == 2 ? manifest.resize().get(0) : 224;
        int w = manifest.resize().size() == 2 ? manifest.resize().get(1) : 224;
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            classify(List.of(dummy(w, h, i)));
        }
        log.info("Model {} checked and warmed up in {} ms", shortSha(sha256), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public List<ClassifierOutput> classify(List<Pixels> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        Map<String, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            bySize.computeIfAbsent(images.get(i).width() + "x" + images.get(i).height(), key -> new ArrayList<>())
                    .add(i);
        }
        ClassifierOutput[] results = new ClassifierOutput[images.size()];
        for (List<Integer> group : bySize.values()) {
            List<ClassifierOutput> outputs = forward(group.stream().map(images::get).toList());
            for (int j = 0; j < group.size(); j++) {
                results[group.get(j)] = outputs.get(j);
            }
        }
        return List.of(results);
    }

    private List<ClassifierOutput> forward(List<Pixels> batch) {
        if (closed) {
            throw new IllegalStateException("classifier " + shortSha(sha256) + " is closed");
        }
        Predictor<List<Pixels>, List<ClassifierOutput>> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            if (e.getCause() instanceof ModelValidationException invalid) {
                throw invalid;
            }
            throw new ModelValidationException("inference.error.forward-failed", firstLine(String.valueOf(
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public String modelSha256() {
        return sha256;
    }

    @Override
    public Optional<String> variantSha256() {
        return Optional.ofNullable(variantSha256);
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public String device() {
        return model.getNDManager().getDevice().toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        all.forEach(Predictor::close);
        model.close();
        log.info("Closed model {}", shortSha(sha256));
    }

    static Pixels dummy(int width, int height, int seed) {
        float[] chw = new float[3 * width * height];
        for (int i = 0; i < chw.length; i++) {
            // A smooth, image-like pattern in 0..255; deterministic per seed.
            chw[i] = (float) (127.5 + 127.5 * Math.sin(0.05 * i + seed));
        }
        return new Pixels(width, height, chw);
    }

    static String shortSha(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }

    static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse(text);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
