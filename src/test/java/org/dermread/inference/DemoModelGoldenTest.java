package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.inference.djl.DjlClassifier;
import org.junit.jupiter.api.Test;

/**
 * The committed demo model, loaded through DJL, reproduces Python's reference probabilities
 * ({@code src/main/python/reference_predict.py}: Pillow decode, the same TorchScript file, softmax) within 1e-3 on
 * every image of the demo set, decoding with the JDK's ImageIO.
 */
class DemoModelGoldenTest {

    private static final Path MODEL = Path.of("src/main/resources/models/demo-skin-cnn");
    private static final Path GOLDEN = Path.of("src/test/resources/models/golden");
    private static final double TOLERANCE = 1e-3;

    @Test
    void the_demo_model_reproduces_the_python_probabilities_on_every_demo_image() throws IOException {
        ModelManifest manifest = ModelManifest.parse(Files.readString(MODEL.resolve("demo-skin-cnn.json")),
                Set.copyOf(ModelManifestTest.CODES));
        List<String> golden = Files.readAllLines(GOLDEN.resolve("demo-skin-cnn-probabilities.csv"));
        List<String> header = List.of(golden.get(0).split(","));
        Map<String, String> pillowPixels = pixelHashes();

        double maxDifference = 0;
        String worst = "";
        int images = 0;
        int samePixels = 0;
        int sameTopClass = 0;
        try (DjlClassifier classifier = DjlClassifier.load(MODEL.resolve("demo-skin-cnn.pt"), "demo", manifest,
                Device.cpu(), 1)) {
            for (String line : golden.subList(1, golden.size())) {
                String[] fields = line.split(",");
                Pixels pixels = Pixels.decode(Files.readAllBytes(DemoStudies.DEMO_SET.resolve(fields[0])));
                if (rgbSha256(pixels).equals(pillowPixels.get(fields[0]))) {
                    samePixels++;
                }
                ClassifierOutput output = classifier.classify(pixels);
                int pythonTop = 0;
                for (String code : manifest.classes()) {
                    double python = Double.parseDouble(fields[header.indexOf(code)]);
                    double java = output.probabilities()[manifest.indexOf(code)];
                    double difference = Math.abs(python - java);
                    if (difference > maxDifference) {
                        maxDifference = difference;
                        worst = fields[0] + " " + code;
                    }
                    if (python > Double.parseDouble(fields[header.indexOf(manifest.classes().get(pythonTop))])) {
                        pythonTop = manifest.indexOf(code);
                    }
                }
                if (output.argmax() == pythonTop) {
                    sameTopClass++;
                }
                images++;
            }
        }
        System.out.printf("Demo model vs Python on %d images: max |dp| = %.3g (%s); ImageIO pixels identical to "
                + "Pillow's on %d images; same top class on %d%n", images, maxDifference, worst, samePixels,
                sameTopClass);

        assertThat(images).isEqualTo(200);
        assertThat(maxDifference).as("largest probability difference to Python").isLessThanOrEqualTo(TOLERANCE);
        assertThat(sameTopClass).isEqualTo(images);
    }

    private static Map<String, String> pixelHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        List<String> lines = Files.readAllLines(GOLDEN.resolve("demo-set-decoded-rgb-sha256.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            hashes.put(fields[0], fields[3]);
        }
        return hashes;
    }

    /** SHA-256 of the pixels as H*W*3 bytes, row-major RGB (how the golden file hashes Pillow's pixels). */
    private static String rgbSha256(Pixels pixels) {
        int plane = pixels.width() * pixels.height();
        byte[] hwc = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                hwc[3 * i + c] = (byte) pixels.chw()[c * plane + i];
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hwc));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
