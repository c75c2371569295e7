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
import java.util.Set;
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
 * Prints throughput and agreement figures; asserts nothing about speed. Run alone, on a machine as quiet as you can
 * find (the engine's thread count and oneDNN's instruction set are fixed when it starts):
 *
 * <pre>
 * mvn -Pbenchmark test -Dtest=InferenceBenchmark \
 *     [-Dbenchmark.images=16 -Dbenchmark.runs=3 -Dbenchmark.threads=2]
 * </pre>
 *
 * <p>On the EfficientNet-b4 + 7 auxiliary heads export (random weights; speed does not depend on them), in one run:
 * <ol>
 * <li>end to end (JPEG bytes in memory to softmax probabilities, the definition of
 * {@code src/main/python/benchmark_python.py}) at batch 1, 2, 4 and 8, alternating configuration by configuration
 * so all meet the same load: Python fp32 on the same {@code .pt} (its own oneDNN at its native level), DJL fp32, and
 * DJL on the variants derived by {@code derive_variant.py}: fp32 channels-last, bf16, bf16 channels-last, with
 * their agreement with DJL fp32 on the same images;</li>
 * <li>DJL fp32 with oneDNN's AVX-512 kernels ({@code ONEDNN_MAX_CPU_ISA=DEFAULT}) in a child JVM
 * ({@link DjlIsaProbe}), with its agreement with the capped engine, pass by pass;</li>
 * <li>the app's real path at the best setting the app may use here (the channels-last variant registered through
 * the registry when it was faster than fp32), JPEG bytes in PostgreSQL to stored probabilities through the job
 * worker, with the share of time outside the forward pass;</li>
 * <li>saliency (input gradient, rendering, storing) per image through {@link SaliencyService}.</li>
 * </ol>
 */
@Tag("benchmark")
@DermReadTest
@TestPropertySource(properties = {"dermread.inference.worker.enabled=false", "dermread.inference.predictors=1",
        "dermread.inference.threads=${benchmark.threads:2}", "dermread.inference.batch-size=1",
        "dermread.inference.graph-optimizer=false", "dermread.inference.memory-format=auto",
        "dermread.inference.parity.limit=${benchmark.parity-images:50}"})
class InferenceBenchmark {

    /** This context's own strategy (see {@code BatchRunTest}). */
    @Autowired
    SecurityContextHolderStrategy securityStrategy;

    @BeforeEach
    void useThisContextsSecurity() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    private static final int IMAGES = Integer.getInteger("benchmark.images", 16);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 2);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    private static final int SALIENCY_IMAGES = 3;
    private static final int[] BATCHES = {1, 2, 4, 8};
    private static final List<String> VARIANTS = List.of("channels_last", "bf16", "bf16-channels_last");

    @Autowired
    ModelRegistry registry;
    @Autowired
    ModelRuntime runtime;
    @Autowired
    InferenceService inference;
    @Autowired
    SaliencyService saliency;
    @Autowired
    InferenceWorker worker;
    @Autowired
    DemoStudies demoStudies;
    @Autowired
    TestAccounts accounts;

    /** One configuration's figures at one batch size. */
    private record Figures(double imagesPerSecond, double forwardMsPerImage, double outsideForward) {
    }

    @Test
    void efficientnet_b4_throughput_by_precision_memory_format_and_batch_against_python() throws Exception {
        String loadAtStart = loadAverage();
        ExportedModels.Exported b4 = ExportedModels.efficientNetB4();
        Map<String, ExportedModels.Exported> files = new LinkedHashMap<>();
        files.put("fp32", b4);
        for (String variant : VARIANTS) {
            files.put(variant, ExportedModels.variant(b4, variant));
        }
        Account coordinator = accounts.create("bench", Role.COORDINATOR);
        ModelRegistrationTest.signIn(coordinator);
        RegisteredModel model = registry.register(Files.newInputStream(b4.pt()), b4.manifest());
        ModelManifest manifest = ModelManifest.parse(b4.manifest(), Set.copyOf(model.classes()));
        List<byte[]> blobs = firstImages();

        Map<String, Classifier> classifiers = new LinkedHashMap<>();
        classifiers.put("fp32", runtime.classifier(model, registry.storedFile(model)));
        for (String variant : VARIANTS) {
            classifiers.put(variant, runtime.open(files.get(variant).pt(), manifest));
        }
        Map<String, VariantParity.Result> agreement = new LinkedHashMap<>();
        List<double[]> reference = probabilities(classifiers.get("fp32"), blobs);
        for (String variant : VARIANTS) {
            agreement.put(variant, VariantParity.compare(reference, probabilities(classifiers.get(variant), blobs)));
        }

        String loadBefore = loadAverage();
        Map<String, Map<Integer, Figures>> djl = new LinkedHashMap<>();
        Map<Integer, JsonNode> pythonRuns = new LinkedHashMap<>();
        for (int batch : BATCHES) {
            pythonRuns.put(batch, python(b4.pt(), batch));
            for (Map.Entry<String, Classifier> entry : classifiers.entrySet()) {
                djl.computeIfAbsent(entry.getKey(), key -> new LinkedHashMap<>())
                        .put(batch, inMemory(entry.getValue(), blobs, batch));
            }
        }
        JsonNode avx512 = isaProbe(b4, 1, "DEFAULT");
        String loadAfterSweep = loadAverage();

        // The app's own path at the best setting it may use here: bf16 is refused on this machine (PrecisionSupport),
        // so the channels-last variant, registered (and parity-checked) through the registry, if it was faster.
        boolean channelsLastFaster = djl.get("channels_last").get(1).imagesPerSecond()
                > djl.get("fp32").get(1).imagesPerSecond();
        ModelVariant channelsLast = null;
        if (channelsLastFaster) {
            ExportedModels.Exported file = files.get("channels_last");
            channelsLast = registry.registerVariant(Files.newInputStream(file.pt()), file.manifest());
        }
        ServingFile serving = registry.serving(model);
        runtime.classifier(serving); // loaded and warmed up before the run, as a running worker has it
        DemoStudy study = demoStudies.create(coordinator, BatchRunTest.DEMO_LABELS, IMAGES, false);
        inference.startRun(study.studyId(), model.sha256());
        worker.workOnce("benchmark", Integer.MAX_VALUE);
        JobTimings job = worker.lastTimings();

        List<Long> saliencyMillis = new ArrayList<>();
        for (long caseId : study.caseIds().subList(0, SALIENCY_IMAGES + 1)) {
            long t0 = System.nanoTime();
            saliency.saliencyPng(model.sha256(), caseId);
            saliencyMillis.add((System.nanoTime() - t0) / 1_000_000);
        }
        SecurityContextHolder.clearContext();
        classifiers.forEach((name, classifier) -> {
            if (!name.equals("fp32")) {
                classifier.close();
            }
        });

        StringBuilder out = new StringBuilder();
        JsonNode python = pythonRuns.get(1);
        out.append(String.format("%nInference benchmark: %s, %d images (256x256 JPEG, resized to 380x380 inside the "
                + "model), %d passes%nDJL: %s%n", model.label(), blobs.size(), RUNS, runtime.description()));
        out.append(String.format("Python: torch %s, %d intra-op / %d inter-op threads, its own oneDNN at its native "
                + "level (ONEDNN_MAX_CPU_ISA unset)%n", python.path("torch").asText(), python.path("threads").asInt(),
                python.path("interop_threads").asInt()));
        out.append("end to end, images/s (median of passes); in brackets DJL forward ms per image\n");
        out.append(String.format("%5s | %8s | %16s | %16s | %16s | %16s | %s%n", "batch", "Python", "DJL fp32",
                "DJL fp32 CL", "DJL bf16", "DJL bf16 CL", "best DJL / Python"));
        double bestRatio = 0;
        String best = "";
        for (int batch : BATCHES) {
            double pythonIps = pythonResult(pythonRuns.get(batch), batch).path("end_to_end_images_per_s").asDouble();
            StringBuilder row = new StringBuilder(String.format("%5d | %8.2f", batch, pythonIps));
            double bestHere = 0;
            for (String config : classifiers.keySet()) {
                Figures f = djl.get(config).get(batch);
                row.append(String.format(" | %7.2f (%6.1f)", f.imagesPerSecond(), f.forwardMsPerImage()));
                if (f.imagesPerSecond() > bestHere) {
                    bestHere = f.imagesPerSecond();
                }
                if (f.imagesPerSecond() / pythonIps > bestRatio) {
                    bestRatio = f.imagesPerSecond() / pythonIps;
                    best = config + " at batch " + batch;
                }
            }
            row.append(String.format(" | %.2f%n", bestHere / pythonIps));
            out.append(row);
        }
        out.append(String.format("Best DJL configuration against Python at the same batch: %s (%.2fx)%n", best,
                bestRatio));
        out.append(String.format("Python forward ms/image at batch 1 (median): %.1f; decode ms/image: %.2f%n",
                pythonResult(python, 1).path("forward_ms_per_image_median").asDouble(),
                python.path("decode_ms_per_image_median").asDouble()));
        for (String variant : VARIANTS) {
            out.append(String.format("Agreement of DJL %s with DJL fp32 on these images: %s%n", variant,
                    agreement.get(variant).describe()));
        }
        double avx512Ips = median(avx512.path("images_per_s"));
        out.append(String.format("DJL fp32 with oneDNN's AVX-512 kernels (child JVM, ONEDNN_MAX_CPU_ISA=%s), batch 1: "
                + "%.2f img/s (%.1f ms/img forward) against %.2f capped at AVX2 in this JVM%n",
                avx512.path("onednn_max_cpu_isa").asText(), avx512Ips, median(avx512.path("forward_ms_per_image")),
                djl.get("fp32").get(1).imagesPerSecond()));
        for (int pass = 0; pass < avx512.path("probabilities_per_pass").size(); pass++) {
            out.append(String.format("  AVX-512 pass %d against AVX2: %s%n", pass + 1,
                    VariantParity.compare(reference, DjlIsaProbe.pass(avx512, pass)).describe()));
        }
        out.append(String.format("Job path (JPEG bytes in PostgreSQL -> stored probabilities, batch 1) from %s: %.2f "
                + "img/s = %.2fx Python fp32 batch 1 (%.2f img/s); outside the forward pass %.1f%% (read %.1f%%, "
                + "decode %.1f%%, store %.1f%%)%n", serving.describe(), job.imagesPerSecond(),
                job.imagesPerSecond() / pythonResult(python, 1).path("end_to_end_images_per_s").asDouble(),
                pythonResult(python, 1).path("end_to_end_images_per_s").asDouble(), 100 * job.outsideForwardShare(),
                100.0 * job.loadNanos() / job.wallNanos(), 100 * job.decodeShare(),
                100.0 * job.storeNanos() / job.wallNanos()));
        if (channelsLast != null) {
            out.append(String.format("  channels-last variant registered: %s, offered %s%n",
                    channelsLast.parity().describe(), channelsLast.offered()));
        }
        out.append(String.format("Saliency per image (gradient pass, rendering, storing): first %d ms (loads the "
                + "gradient model), then %s ms%n", saliencyMillis.get(0), saliencyMillis.subList(1,
                saliencyMillis.size())));
        out.append(String.format("Load average at start / before the sweep / after the sweep / end: %s / %s / %s / %s "
                + "(%d cores)%n", loadAtStart, loadBefore, loadAfterSweep, loadAverage(),
                Runtime.getRuntime().availableProcessors()));
        System.out.println(out);
        Path report = Path.of("target", "benchmark", "inference.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out + "\nPython raw: " + pythonRuns.values() + "\n");
    }

    /** Images per second end to end, forward ms per image (medians), share of time outside the forward pass. */
    private static Figures inMemory(Classifier classifier, List<byte[]> blobs, int batch) {
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
        return new Figures(ips[RUNS / 2], sortedForward[sortedForward.length / 2],
                1 - (double) forwardTotal / wallTotal);
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

    private static List<double[]> probabilities(Classifier classifier, List<byte[]> blobs) {
        return blobs.stream().map(blob -> classifier.classify(Pixels.decode(blob)).probabilities()).toList();
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

    private static double median(JsonNode values) {
        double[] sorted = new double[values.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values.get(i).asDouble();
        }
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static JsonNode python(Path pt, int batch) throws IOException, InterruptedException {
        List<String> command = List.of("/usr/bin/python3", "src/main/python/benchmark_python.py", "--model",
                pt.toString(), "--images", DemoStudies.DEMO_SET.resolve("images").toString(), "--limit",
                Integer.toString(IMAGES), "--threads", Integer.toString(THREADS), "--interop-threads",
                Integer.toString(THREADS), "--batch-sizes", Integer.toString(batch), "--runs", Integer.toString(RUNS),
                "--warmup", "3");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // Python as it runs on its own: this JVM's ONEDNN_MAX_CPU_ISA (set for libtorch) must not cap it.
        builder.environment().remove("ONEDNN_MAX_CPU_ISA");
        return lastJsonLine(builder.start(), "Python benchmark");
    }

    /** DJL fp32 in a child JVM with oneDNN at {@code isa} (a process-wide choice). */
    private static JsonNode isaProbe(ExportedModels.Exported model, int batch, String isa)
            throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DjlIsaProbe.class.getName(), model.pt().toString(),
                model.json().toString(), DemoStudies.DEMO_SET.resolve("images").toString(), Integer.toString(IMAGES),
                Integer.toString(batch), Integer.toString(RUNS), Integer.toString(THREADS));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ONEDNN_MAX_CPU_ISA", isa);
        return lastJsonLine(builder.start(), "DJL probe at " + isa);
    }

    private static JsonNode lastJsonLine(Process process, String what) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed: " + output);
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
