package org.dermread.inference;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dermread.inference.djl.DjlClassifier;

/**
 * Runs a model through DJL in a process of its own, so that oneDNN's instruction set can differ from the parent's
 * (oneDNN reads {@code ONEDNN_MAX_CPU_ISA} once per process). {@link InferenceBenchmark} starts it with
 * {@code ONEDNN_MAX_CPU_ISA=DEFAULT} to measure what DermRead's AVX2 cap costs or gains, and how far the AVX-512
 * kernels' outputs are from the capped ones.
 *
 * <p>Arguments: {@code <model.pt> <manifest.json> <images folder> <image count> <batch> <passes> <threads>}. Prints
 * one JSON line: images per second per pass (end to end, JPEG bytes in memory to probabilities), forward
 * milliseconds per image, and the probabilities of every pass (to see whether they vary from pass to pass).
 */
public final class DjlIsaProbe {

    private DjlIsaProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        String manifestJson = Files.readString(Path.of(args[1]));
        Path images = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int passes = Integer.parseInt(args[5]);
        String threads = args[6];
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        System.setProperty("ai.djl.pytorch.num_threads", threads);
        System.setProperty("ai.djl.pytorch.num_interop_threads", threads);

        ObjectMapper json = new ObjectMapper();
        Set<String> codes = new HashSet<>();
        json.readTree(manifestJson).path("classes").forEach(node -> codes.add(node.asText()));
        ModelManifest manifest = ModelManifest.parse(manifestJson, codes);
        List<byte[]> blobs;
        try (Stream<Path> files = Files.list(images)) {
            blobs = files.sorted().limit(count).map(DemoStudies::read).toList();
        }
        ObjectNode out = json.createObjectNode();
        out.put("onednn_max_cpu_isa", String.valueOf(System.getenv("ONEDNN_MAX_CPU_ISA")));
        out.put("batch", batch);
        ArrayNode ips = out.putArray("images_per_s");
        ArrayNode forward = out.putArray("forward_ms_per_image");
        ArrayNode probabilities = out.putArray("probabilities_per_pass");
        try (DjlClassifier classifier = DjlClassifier.load(model, "probe", manifest, Device.cpu(), 1)) {
            classifier.checkAndWarmUp();
            for (int pass = 0; pass < passes; pass++) {
                ArrayNode passProbabilities = probabilities.addArray();
                long start = System.nanoTime();
                long forwardNanos = 0;
                for (int from = 0; from < blobs.size(); from += batch) {
                    List<Pixels> pixels = new ArrayList<>();
                    for (byte[] blob : blobs.subList(from, Math.min(blobs.size(), from + batch))) {
                        pixels.add(Pixels.decode(blob));
                    }
                    long t0 = System.nanoTime();
                    List<ClassifierOutput> outputs = classifier.classify(pixels);
                    forwardNanos += System.nanoTime() - t0;
                    for (ClassifierOutput output : outputs) {
                        ArrayNode row = passProbabilities.addArray();
                        for (double p : output.probabilities()) {
                            row.add(p);
                        }
                    }
                }
                ips.add(blobs.size() / ((System.nanoTime() - start) / 1e9));
                forward.add(forwardNanos / 1e6 / blobs.size());
            }
        }
        System.out.println(json.writeValueAsString(out));
    }

    /** The probabilities of one pass, as the parent reads them back. */
    static List<double[]> pass(JsonNode probe, int pass) {
        List<double[]> rows = new ArrayList<>();
        for (JsonNode row : probe.path("probabilities_per_pass").get(pass)) {
            double[] values = new double[row.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i).asDouble();
            }
            rows.add(values);
        }
        return rows;
    }
}
