package org.dermread.inference.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;

/**
 * Compares the engine on this machine with Python before any prediction is trusted: the committed demo model runs
 * on a fixed synthetic input and its logits must match what Python's PyTorch computed for the same file and input
 * ({@code models/demo-skin-cnn/selfcheck.json}, written by {@code src/main/python/selfcheck_reference.py}). Logits,
 * not probabilities, because a confident model's softmax hides errors near 0 and 1.
 *
 * <p>Tolerance: 1e-3 on the CPU, where DJL and Python agree to about 1e-6 on this model; 2e-2 on a GPU, where
 * cuDNN may compute fp32 convolutions in TF32 (10-bit mantissa; NVIDIA, "TensorFloat-32 in the A100 GPU", 2020).
 */
final class EngineSelfCheck {

    static final String MODEL = "models/demo-skin-cnn/demo-skin-cnn.pt";
    static final String REFERENCE = "models/demo-skin-cnn/selfcheck.json";
    static final double CPU_TOLERANCE = 1e-3;
    static final double GPU_TOLERANCE = 2e-2;

    private EngineSelfCheck() {
    }

    /** The outcome: the largest |logit difference| to Python, and whether it is within the device's tolerance. */
    record Result(boolean passed, double maxDifference, double tolerance) {

        String describe() {
            return String.format(Locale.ROOT, "self-check %s (largest logit difference to Python %.2g, tolerance %.0g)",
                    passed ? "passed" : "FAILED", maxDifference, tolerance);
        }
    }

    /** The synthetic input: value(c, y, x) = (7x + 13y + 61c + (xy mod 29)) mod 256, as a [1, 3, H, W] tensor. */
    static float[] input(int height, int width) {
        float[] values = new float[3 * height * width];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    values[(c * height + y) * width + x] = (7 * x + 13 * y + 61 * c + (x * y) % 29) % 256;
                }
            }
        }
        return values;
    }

    static Result run(Device device) {
        return run(device, reference());
    }

    /** Runs the check against a given reference (tests give a wrong one to see it fail). */
    static Result run(Device device, JsonNode reference) {
        int height = reference.path("input").path("height").asInt();
        int width = reference.path("input").path("width").asInt();
        JsonNode expected = reference.path("logits");
        double tolerance = device.isGpu() ? GPU_TOLERANCE : CPU_TOLERANCE;
        Path copy = null;
        try {
            copy = Files.createTempFile("dermread-selfcheck-", ".pt");
            try (InputStream in = new ClassPathResource(MODEL).getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine("PyTorch")
                    .optModelPath(copy)
                    .optDevice(device)
                    .optTranslator(new NoopTranslator())
                    .optOption("mapLocation", "true")
                    .build();
            try (ZooModel<NDList, NDList> model = criteria.loadModel();
                    Predictor<NDList, NDList> predictor = model.newPredictor();
                    NDManager manager = model.getNDManager().newSubManager()) {
                NDList output = predictor.predict(new NDList(manager.create(FloatBuffer.wrap(input(height, width)),
                        new Shape(1, 3, height, width))));
                float[] logits = output.get(0).toFloatArray();
                if (logits.length != expected.size()) {
                    throw new IllegalStateException("self-check model returned " + logits.length + " logits, "
                            + "expected " + expected.size());
                }
                double max = 0;
                for (int i = 0; i < logits.length; i++) {
                    double difference = Math.abs(logits[i] - expected.get(i).asDouble());
                    max = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(max, difference);
                }
                return new Result(max <= tolerance, max, tolerance);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelNotFoundException | MalformedModelException | TranslateException e) {
            throw new IllegalStateException("The inference self-check could not run: " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a temporary copy left behind is harmless
                }
            }
        }
    }

    static JsonNode reference() {
        try (InputStream in = new ClassPathResource(REFERENCE).getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + REFERENCE, e);
        }
    }
}
