package org.dermread.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The paper's architecture: EfficientNet-b4 with seven auxiliary classifiers (380 px, embedding 1792). */
    public static synchronized Exported efficientNetB4() {
        return export("efficientnet_b4_aux7", "test-b4");
    }

    private static Exported export(String arch, String name) {
        Path pt = FOLDER.resolve(name + ".pt");
        Path json = FOLDER.resolve(name + ".json");
        if (Files.isRegularFile(pt) && Files.isRegularFile(json)) {
            return new Exported(pt, json, 0);
        }
        long start = System.nanoTime();
        List<String> command = List.of("/usr/bin/python3", "src/main/python/export_model.py", "--arch", arch,
                "--name", name, "--version", "test", "--out-dir", FOLDER.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(FOLDER.getParent().resolve(name + "-export.log").toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("export of " + arch + " failed; see target/" + name + "-export.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Exported(pt, json, (System.nanoTime() - start) / 1_000_000);
    }
}
