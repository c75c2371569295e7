package org.dermread.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.inference.DemoStudies.DemoStudy;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * Prints throughput figures; asserts nothing about speed. Run alone (the engine's thread count is fixed when it
 * starts):
 *
 * <pre>
 * mvn -Pbenchmark test -Dtest=InferenceBenchmark \
 *     [-Dbenchmark.images=16 -Dbenchmark.threads=2 -Dbenchmark.graph-optimizer=false]
 * </pre>
 *
 * <p>On the EfficientNet-b4 + 7 auxiliary heads export (random weights; speed does not depend on them), in one
 * run: (1) DJL end to end, JPEG bytes in memory to softmax probabilities, at batch 1, 2, 4 and 8, the same
 * definition as {@code src/main/python/benchmark_python.py}; (2) Python on the same {@code .pt} file and images
 * with the same intra- and inter-op thread counts; (3) the app's real path at the configured batch size, JPEG bytes
 * in PostgreSQL to stored probabilities through the job worker, with the share of time outside the forward pass.
 */
@Tag("benchmark")
@DermReadTest
@TestPropertySource(properties = {"dermread.inference.worker.enabled=false", "dermread.inference.predictors=1",
        "dermread.inference.threads=${benchmark.threads:2}", "dermread.inference.batch-size=1",
        "dermread.inference.graph-optimizer=${benchmark.graph-optimizer:false}"})
class InferenceBenchmark {

    /** This context's own strategy (see {@link #useThisContextsSecurity()}). */
    @Autowired
    SecurityContextHolderStrategy securityStrategy;

    /**
     * Each Spring test context installs its own Vaadin-aware security strategy (with its own thread-local) as the
     * global one; after another context has started, signing in through {@code SecurityContextHolder} would land
     * in that context's strategy and this context's method security would see nobody. Point the global holder back
     * at this context's strategy.
     */
    @BeforeEach
    void useThisContextsSecurity() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    private static final int IMAGES = Integer.getInteger("benchmark.images", 16);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 2);
    private static final int RUNS = 3;
    private static final int[] BATCHES = {1, 2, 4, 8};

    @Autowired
    ModelRegistry registry;
    @Autowired
    ModelRuntime runtime;
    @Autowired
    InferenceService inference;
    @Autowired
    InferenceWorker worker;
    @Autowired
    DemoStudies demoStudies;
    @Autowired
    TestAccounts accounts;

    @Test
    void efficientnet_b4_images_per_second_djl_against_python() throws Exception {
        ExportedModels.Exported b4 = ExportedModels.efficientNetB4();
        Account coordinator = accounts.create("bench", Role.COORDINATOR);
        ModelRegistrationTest.signIn(coordinator);
        RegisteredModel model = registry.register(Files.newInputStream(b4.pt()), b4.manifest());
        Classifier classifier = runtime.classifier(model, registry.storedFile(model));
        List<byte[]> blobs = firstImages();

        // The app's own path first, at batch 1 right after the warm-up: libtorch's profiling executor specialises the
        // graph on the shapes it sees, so the batch-size sweep below could change what this measures.
        DemoStudy study = demoStudies.create(coordinator, BatchRunTest.DEMO_LABELS, IMAGES, false);
        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("benchmark", Integer.MAX_VALUE);
        JobTimings job = worker.lastTimings();
        SecurityContextHolder.clearContext();

        // DJL and Python alternate batch size by batch size, so both meet the same load on a shared machine.
        String loadBefore = loadAverage();
        Map<Integer, double[]> djl = new LinkedHashMap<>();
        Map<Integer, JsonNode> pythonRuns = new LinkedHashMap<>();
        for (int batch : BATCHES) {
            djl.put(batch, inMemory(classifier, blobs, batch));
            pythonRuns.put(batch, python(b4.pt(), batch));
        }
        JsonNode python = pythonRuns.get(1);


        StringBuilder out = new StringBuilder();
        out.append(String.format("%nInference benchmark: %s, %d images (%s), %d passes, %s%n", model.label(),
                blobs.size(), "256x256 JPEG, resized to 380x380 inside the model", RUNS, runtime.description()));
        out.append(String.format("Python: torch %s, %d intra-op / %d inter-op threads%n", python.path("torch").asText(),
                python.path("threads").asInt(), python.path("interop_threads").asInt()));
        out.append("batch | DJL img/s e2e | Python img/s e2e | DJL/Python | DJL fwd ms/img | Python fwd ms/img | "
                + "DJL outside fwd\n");
        int bestBatch = 1;
        for (int batch : BATCHES) {
            double[] d = djl.get(batch);
            JsonNode p = pythonResult(pythonRuns.get(batch), batch);
            double pythonIps = p.path("end_to_end_images_per_s").asDouble();
            out.append(String.format("%5d | %13.2f | %16.2f | %10.2f | %14.1f | %17.1f | %14.1f%%%n", batch, d[0],
                    pythonIps, d[0] / pythonIps, d[1], p.path("forward_ms_per_image_median").asDouble(),
                    100 * d[2]));
            if (d[0] > djl.get(bestBatch)[0]) {
                bestBatch = batch;
            }
        }
        out.append(String.format("Best DJL batch size: %d%n", bestBatch));
        out.append(String.format("Job path (JPEG bytes in PostgreSQL -> stored probabilities, batch 1): %.2f img/s; "
                + "outside the forward pass %.1f%% (read %.1f%%, decode %.1f%%, store %.1f%%)%n",
                job.imagesPerSecond(), 100 * job.outsideForwardShare(), 100.0 * job.loadNanos() / job.wallNanos(),
                100 * job.decodeShare(), 100.0 * job.storeNanos() / job.wallNanos()));
        out.append(String.format("Python decode ms/image (median): %.2f%n",
                python.path("decode_ms_per_image_median").asDouble()));
        out.append(String.format("Load average before / after: %s / %s (%d cores)%n", loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors()));
        System.out.println(out);
        Path report = Path.of("target", "benchmark", "inference.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out + "\nPython raw: " + pythonRuns.values() + "\n");
    }

    /** [images/s end to end, forward ms per image (median), share of time outside the forward pass]. */
    private static double[] inMemory(Classifier classifier, List<byte[]> blobs, int batch) {
        runPass(classifier, blobs.subList(0, Math.min(blobs.size(), 2 * batch)), batch, new long[1]);
        double[] ips = new double[RUNS];
        List<Double> forwardPerImage = new ArrayList<>();
        long forwardTotal = 0;
        long wallTotal = 0;
        for (int run = 0; run < RUNS; run++) {
            long[] forward = new long[1];
            long start = System.nanoTime();
            List<Double> perImage = runPass(classifier, blobs, batch, forward);
            long wall = System.nanoTime() - start;
            ips[run] = blobs.size() / (wall / 1e9);
            forwardPerImage.addAll(perImage);
            forwardTotal += forward[0];
            wallTotal += wall;
        }
        Arrays.sort(ips);
        double[] sortedForward = forwardPerImage.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {ips[RUNS / 2], sortedForward[sortedForward.length / 2],
                1 - (double) forwardTotal / wallTotal};
    }

    private static List<Double> runPass(Classifier classifier, List<byte[]> blobs, int batch, long[] forward) {
        List<Double> perImage = new ArrayList<>();
        for (int from = 0; from < blobs.size(); from += batch) {
            List<Pixels> pixels = blobs.subList(from, Math.min(blobs.size(), from + batch)).stream()
                    .map(Pixels::decode).toList();
            long t0 = System.nanoTime();
            classifier.classify(pixels);
            long t = System.nanoTime() - t0;
            forward[0] += t;
            perImage.add(t / 1e6 / pixels.size());
        }
        return perImage;
    }

    private static List<byte[]> firstImages() throws IOException {
        try (Stream<Path> files = Files.list(DemoStudies.DEMO_SET.resolve("images"))) {
            return files.sorted().limit(IMAGES).map(DemoStudies::read).toList();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static JsonNode python(Path pt, int batch) throws IOException, InterruptedException {
        List<String> command = List.of("/usr/bin/python3", "src/main/python/benchmark_python.py", "--model",
                pt.toString(), "--images", DemoStudies.DEMO_SET.resolve("images").toString(), "--limit",
                Integer.toString(IMAGES), "--threads", Integer.toString(THREADS), "--interop-threads",
                Integer.toString(THREADS), "--batch-sizes", Integer.toString(batch), "--runs", Integer.toString(RUNS),
                "--warmup", "3");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Python benchmark failed: " + output);
        }
        String json = output.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(json);
    }

    private static JsonNode pythonResult(JsonNode python, int batch) {
        for (JsonNode result : python.path("results")) {
            if (result.path("batch").asInt() == batch) {
                return result;
            }
        }
        throw new IllegalStateException("no Python result for batch " + batch);
    }
}
