package org.dermread.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Models exported for tests by the project's own exporter ({@code src/main/python/export_model.py}, Debian's
 * {@code python3-torch}) into {@code target/}, once per build (random weights: they test the pipeline, not
 * medicine).
 */
public final class ExportedModels {

    /** An exported model: its TorchScript file, manifest, and how long the export took (0 when reused). */
    public record Exported(Path pt, Path json, long exportMillis) {
        public String manifest() {
            try {
                return Files.readString(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Path FOLDER = Path.of("target", "test-exports");

    private ExportedModels() {
    }

    /** The small TorchScript network with the same contract (128 px input, embedding 192). */
    public static synchronized Exported tiny() {
        return export("tiny_dermnet_aux7", "test-tiny");
    }

    /** The HAM10000 / ISIC 2018 seven classes, in the exporter's order for them. */
    public static final List<String> ISIC_SEVEN = List.of("MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC");

    /** The small network with seven classes of the taxonomy {@code isic} ({@link #ISIC_SEVEN}). */
    public static synchronized Exported tinyIsic() {
        return export("tiny_dermnet_aux7", "test-tiny-isic7", "--taxonomy", "isic", "--classes",
                String.join(",", ISIC_SEVEN));
    }

    /** As {@link #tinyIsic()}, with the logits as its only output (no auxiliary heads, no embedding). */
    public static synchronized Exported tinyIsicLogitsOnly() {
        return export("tiny_dermnet_aux7", "test-tiny-isic7-logits", "--taxonomy", "isic", "--classes",
                String.join(",", ISIC_SEVEN), "--outputs", "logits");
    }

    /** The paper's architecture: EfficientNet-b4 with seven auxiliary classifiers (380 px, embedding 1792). */
    public static synchronized Exported efficientNetB4() {
        return export("efficientnet_b4_aux7", "test-b4");
    }

    /**
     * A variant of an exported model derived by {@code src/main/python/derive_variant.py} (bf16, channels_last or
     * bf16-channels_last), into {@code target/test-exports/<name>.variants/<variant>/}, once per build.
     */
    public static synchronized Exported variant(Exported base, String variant) {
        String name = base.pt().getFileName().toString().replaceFirst("\\.pt$", "");
        Path folder = FOLDER.resolve(name + ".variants").resolve(variant);
        Path pt = folder.resolve(name + "." + variant + ".pt");
        Path json = folder.resolve(name + "." + variant + ".json");
        if (Files.isRegularFile(pt) && Files.isRegularFile(json)) {
            return new Exported(pt, json, 0);
        }
        String precision = variant.startsWith("bf16") ? "bf16" : "fp32";
        String format = variant.endsWith("channels_last") ? "channels_last" : "contiguous";
        long start = System.nanoTime();
        run(List.of("/usr/bin/python3", "src/main/python/derive_variant.py", "--model", base.pt().toString(),
                "--manifest", base.json().toString(), "--precision", precision, "--memory-format", format,
                "--out-dir", folder.toString()), name + "-" + variant);
        return new Exported(pt, json, (System.nanoTime() - start) / 1_000_000);
    }

    private static void run(List<String> command, String logName) {
        try {
            Files.createDirectories(FOLDER);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(FOLDER.getParent().resolve(logName + "-export.log").toFile());
            // The application caps this JVM's oneDNN with ONEDNN_MAX_CPU_ISA (set in the process environment for
            // libtorch); Python's own oneDNN is right at its native level and cannot run bf16 below AVX512_CORE_BF16.
            builder.environment().remove("ONEDNN_MAX_CPU_ISA");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(1) + " failed; see target/" + logName + "-export.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Exported export(String arch, String name, String... extra) {
        Path pt = FOLDER.resolve(name + ".pt");
        Path json = FOLDER.resolve(name + ".json");
        if (Files.isRegularFile(pt) && Files.isRegularFile(json)) {
            return new Exported(pt, json, 0);
        }
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/main/python/export_model.py", "--arch",
                arch, "--name", name, "--version", "test", "--out-dir", FOLDER.toString()));
        command.addAll(List.of(extra));
        run(command, name);
        return new Exported(pt, json, (System.nanoTime() - start) / 1_000_000);
    }
}
