package org.dermread.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Registers the demo model committed with the app ({@code models/demo-skin-cnn/} on the class path: a small CNN
 * trained on the synthetic demo study set with the same contract as the paper's network) at every start, so the
 * demo can run the AI. Registering is idempotent (the SHA-256 is the model's identity), and a failure is logged,
 * never fatal. Off with {@code dermread.inference.register-demo-model=false}. With
 * {@code dermread.inference.precision=bf16} the committed bf16 variant ({@code variants/bf16/}, derived by
 * {@code derive_variant.py}) is registered too, which runs its parity check over the demo set once.
 */
@Component
@Order(20)
class DemoModelRegistrar implements ApplicationRunner {

    static final String FOLDER = "models/demo-skin-cnn/";
    static final String NAME = "demo-skin-cnn";
    private static final Logger log = LoggerFactory.getLogger(DemoModelRegistrar.class);

    private final InferenceProperties properties;
    private final ModelRegistry registry;

    DemoModelRegistrar(InferenceProperties properties, ModelRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.registerDemoModel()) {
            return;
        }
        ClassPathResource torchScript = new ClassPathResource(FOLDER + NAME + ".pt");
        ClassPathResource manifest = new ClassPathResource(FOLDER + NAME + ".json");
        if (!torchScript.exists() || !manifest.exists()) {
            log.info("No demo model on the class path ({}); none registered", FOLDER);
            return;
        }
        long start = System.nanoTime();
        boolean registered = withCopy(torchScript, manifest, (copy, json) -> {
            RegisteredModel model = registry.registerBundled(copy, json);
            log.info("Demo model {} registered (sha256 {}) in {} ms", model.label(), model.sha256(),
                    (System.nanoTime() - start) / 1_000_000);
        });
        if (registered && properties.precision() == Precision.BF16) {
            long variantStart = System.nanoTime();
            withCopy(new ClassPathResource(FOLDER + "variants/bf16/" + NAME + ".bf16.pt"),
                    new ClassPathResource(FOLDER + "variants/bf16/" + NAME + ".bf16.json"), (copy, json) -> {
                        ModelVariant variant = registry.registerBundledVariant(copy, json);
                        log.info("Demo model's bf16 variant registered ({}; {}) in {} ms", variant.offered()
                                ? "offered" : "NOT offered", variant.parity().describe(),
                                (System.nanoTime() - variantStart) / 1_000_000);
                    });
        }
    }

    /** What to do with a bundled file copied out of the class path, and its manifest's text. */
    private interface Registration {
        void register(Path copy, String manifestJson);
    }

    private boolean withCopy(ClassPathResource torchScript, ClassPathResource manifest, Registration registration) {
        if (!torchScript.exists() || !manifest.exists()) {
            log.info("No {} on the class path; not registered", torchScript.getPath());
            return false;
        }
        Path copy = null;
        try {
            // The class path may be inside a jar; the registry (and libtorch) read a file.
            copy = Files.createTempFile("demo-model-", ".pt");
            try (InputStream in = torchScript.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            registration.register(copy, manifest.getContentAsString(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("{} could not be registered", torchScript.getPath(), e);
            return false;
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    log.debug("temporary copy {} left behind", copy);
                }
            }
        }
    }
}
