package org.dermread.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dermread.accounts.CurrentUser;
import org.dermread.common.FolderRoots;
import org.dermread.inference.internal.ModelRepository;
import org.dermread.inference.internal.VariantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model registry: models are registered by upload or from a folder, checked against the model contract
 * (manifest keys and shapes, class codes of the taxonomy the manifest names, a TorchScript file DJL loads, a test
 * forward pass whose outputs have the declared shapes) and only then stored: the file in the model store named by
 * its SHA-256, the rest in PostgreSQL. A model that fails a check leaves nothing behind. Registering the same file
 * twice returns the model already registered.
 *
 * <p>A variant of a registered model (bf16 and/or channels-last, derived from the fp32 file by
 * {@code derive_variant.py}) is registered the same way; in addition it is compared with its fp32 model on the
 * parity images, and the figures are recorded. A variant below its bound ({@link VariantParity#bound}) is recorded
 * but its file is not kept and it never runs.
 */
@Service
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final ModelRepository models;
    private final VariantRepository variants;
    private final ModelStore store;
    private final ModelRuntime runtime;
    private final InferenceAccess access;
    private final InferenceProperties properties;
    private final ModelFolderRoots folderRoots;
    private final Set<String> fallbackWarned = ConcurrentHashMap.newKeySet();

    ModelRegistry(ModelRepository models, VariantRepository variants, ModelStore store, ModelRuntime runtime,
            InferenceAccess access, InferenceProperties properties, ModelFolderRoots folderRoots) {
        this.models = models;
        this.variants = variants;
        this.store = store;
        this.runtime = runtime;
        this.access = access;
        this.properties = properties;
        this.folderRoots = folderRoots;
    }

    /** What a registration produced: a model of record, or a variant of one. */
    public record Registration(RegisteredModel model, Optional<ModelVariant> variant) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<RegisteredModel> models() {
        return models.list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public Optional<RegisteredModel> model(String sha256) {
        return models.find(sha256);
    }

    /** Every registered variant with its parity figures, offered or not. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<ModelVariant> variants() {
        return variants.list();
    }

    /**
     * Registers an uploaded file as what its manifest says it is: a model, or (with a {@code variant} block) a
     * variant of a registered model.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public Registration registerFile(InputStream torchScript, String manifestJson) {
        Long by = access.currentAccountId();
        if (ModelManifest.variantOf(manifestJson).isPresent()) {
            ModelVariant variant = registerVariant(torchScript, manifestJson, by);
            return new Registration(models.find(variant.modelSha256()).orElseThrow(), Optional.of(variant));
        }
        return new Registration(register(torchScript, manifestJson, by), Optional.empty());
    }

    /**
     * As {@link #registerFile}, from a folder holding exactly one {@code .pt} file and one {@code .json} manifest; the
     * folder must lie under {@code dermread.inference.folder-roots}, as in {@link #registerFromFolder}.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public Registration registerFolder(Path folder) {
        Path[] files = modelFiles(allowedFolder(folder));
        try (InputStream in = Files.newInputStream(files[0])) {
            return registerFile(in, Files.readString(files[1], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelValidationException("inference.error.folder-unreadable", folder, e.getMessage());
        }
    }

    /**
     * Registers a variant of a registered model: its manifest's {@code variant} block names the fp32 model of record
     * ({@code of_sha256}), the precision and the memory format. Checked like a model (contract, test forward pass),
     * it must keep its model's contract (classes in the same order, same outputs), and is then compared with the fp32
     * model on the parity images ({@code dermread.inference.parity.*}). The figures are recorded either way; the
     * file is kept, and the variant offered, only when they meet the bound.
     *
     * @throws ModelValidationException naming what is wrong; nothing is stored then
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public ModelVariant registerVariant(InputStream torchScript, String manifestJson) {
        return registerVariant(torchScript, manifestJson, access.currentAccountId());
    }

    /** Registers a variant shipped with the app (the demo model's bf16 variant); no user involved. */
    ModelVariant registerBundledVariant(Path file, String manifestJson) {
        try (InputStream in = Files.newInputStream(file)) {
            return registerVariant(in, manifestJson, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file this instance runs a model from: the offered variant that {@code dermread.inference.precision} and
     * {@code memory-format} ask for, falling back towards the fp32 file of record (with a warning, once, when the
     * setting asked for bf16 or channels-last explicitly and the model has no such variant offered).
     */
    ServingFile serving(RegisteredModel model) {
        List<MemoryFormat> formats = switch (properties.memoryFormat()) {
            case AUTO, CHANNELS_LAST -> List.of(MemoryFormat.CHANNELS_LAST, MemoryFormat.CONTIGUOUS);
            case CONTIGUOUS -> List.of(MemoryFormat.CONTIGUOUS);
        };
        List<Precision> precisions = properties.precision() == Precision.BF16
                ? List.of(Precision.BF16, Precision.FP32) : List.of(Precision.FP32);
        for (Precision precision : precisions) {
            for (MemoryFormat format : formats) {
                if (precision == Precision.FP32 && format == MemoryFormat.CONTIGUOUS) {
                    warnFallback(model);
                    return new ServingFile(model, Optional.empty(), storedFile(model));
                }
                Optional<ModelVariant> variant = variants.find(model.sha256(), precision, format)
                        .filter(ModelVariant::offered);
                if (variant.isPresent()) {
                    if (precision != properties.precision()) {
                        warnFallback(model);
                    }
                    return new ServingFile(model, variant, storedVariantFile(variant.get()));
                }
            }
        }
        throw new IllegalStateException("unreachable: fp32 contiguous is always a candidate");
    }

    private void warnFallback(RegisteredModel model) {
        boolean explicit = properties.precision() == Precision.BF16
                || properties.memoryFormat() == InferenceProperties.MemoryFormatChoice.CHANNELS_LAST;
        if (explicit && fallbackWarned.add(model.sha256())) {
            log.warn("Model {} has no offered variant for precision {} / memory format {} (none registered, or below "
                    + "its parity bound); it runs from {}", model.label(), properties.precision().code(),
                    properties.memoryFormat(), "its fp32 file or another offered variant");
        }
    }

    /**
     * Registers an uploaded model.
     *
     * @param torchScript  the {@code .pt} file's content
     * @param manifestJson the manifest's content
     * @throws ModelValidationException naming what is wrong; nothing is stored then
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public RegisteredModel register(InputStream torchScript, String manifestJson) {
        return register(torchScript, manifestJson, access.currentAccountId());
    }

    /**
     * Registers the model in a folder holding exactly one {@code .pt} file and one {@code .json} manifest (as
     * {@code src/main/python/export_model.py} writes them). The folder must lie under one of
     * {@code dermread.inference.folder-roots} once symbolic links are resolved ({@link ModelFolderRoots}).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public RegisteredModel registerFromFolder(Path folder) {
        Path[] files = modelFiles(allowedFolder(folder));
        try (InputStream in = Files.newInputStream(files[0])) {
            return register(in, Files.readString(files[1], StandardCharsets.UTF_8), access.currentAccountId());
        } catch (IOException e) {
            throw new ModelValidationException("inference.error.folder-unreadable", folder, e.getMessage());
        }
    }

    /** The folder with its links resolved, when it lies under one of the folder roots (issue 12, finding 8). */
    private Path allowedFolder(Path folder) {
        return FolderRoots.resolveWithin(folder, folderRoots.folderRoots()).orElseThrow(() ->
                new ModelValidationException("inference.error.folder-not-allowed", folder,
                        folderRoots.folderRoots().stream().map(Path::toString).collect(Collectors.joining(", "))));
    }

    /** Registers a model shipped with the app (the demo model); no user involved. */
    RegisteredModel registerBundled(Path file, String manifestJson) {
        try (InputStream in = Files.newInputStream(file)) {
            return register(in, manifestJson, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored file of a registered model, checked against its SHA-256 (a worker may have its own store). */
    Path storedFile(RegisteredModel model) {
        Path file = store.fileOf(model.sha256());
        if (!Files.isRegularFile(file)) {
            throw new ModelValidationException("inference.error.file-missing", model.label(), file);
        }
        return file;
    }

    /** The stored file of an offered variant. */
    Path storedVariantFile(ModelVariant variant) {
        Path file = store.fileOf(variant.sha256());
        if (!Files.isRegularFile(file)) {
            throw new ModelValidationException("inference.error.file-missing", variant.modelLabel() + " ("
                    + variant.kind() + ")", file);
        }
        return file;
    }

    private RegisteredModel register(InputStream torchScript, String manifestJson, Long registeredBy) {
        ModelManifest.variantOf(manifestJson).ifPresent(variant -> {
            throw new ModelValidationException("inference.error.is-variant", variant.precision().code() + ", "
                    + variant.memoryFormat().code(), variant.ofSha256());
        });
        ModelManifest manifest = ModelManifest.parse(manifestJson, models::taxonomyCodes);
        ModelStore.Staged staged = store.stage(torchScript);
        boolean created = false;
        try {
            if (staged.sizeBytes() == 0) {
                throw new ModelValidationException("inference.error.empty-file");
            }
            Optional<RegisteredModel> existing = models.find(staged.sha256());
            if (existing.isPresent()) {
                store.discard(staged);
                return existing.get();
            }
            models.findByNameAndVersion(manifest.name(), manifest.version()).ifPresent(other -> {
                throw new ModelValidationException("inference.error.name-version-taken", manifest.name(),
                        manifest.version());
            });
            runtime.check(staged.file(), manifest);
            created = store.commit(staged);
            models.insert(staged.sha256(), manifest, staged.sizeBytes(), registeredBy);
            RegisteredModel model = models.find(staged.sha256()).orElseThrow();
            log.info("Model {} registered ({} bytes, sha256 {}) by {}", model.label(), staged.sizeBytes(),
                    staged.sha256(), CurrentUser.username().orElse("DermRead"));
            return model;
        } catch (RuntimeException e) {
            store.discard(staged);
            if (created) {
                store.delete(store.fileOf(staged.sha256()));
            }
            throw e;
        }
    }

    private ModelVariant registerVariant(InputStream torchScript, String manifestJson, Long registeredBy) {
        ModelManifest.VariantDeclaration declared = ModelManifest.variantOf(manifestJson)
                .orElseThrow(() -> new ModelValidationException("inference.error.manifest-missing-key", "variant"));
        ModelManifest manifest = ModelManifest.parse(manifestJson, models::taxonomyCodes);
        RegisteredModel of = models.find(declared.ofSha256()).orElseThrow(() -> new ModelValidationException(
                "inference.error.variant-of-unknown", declared.ofSha256()));
        if (!manifest.sameContractAs(ModelManifest.parse(of.manifestJson(), Set.copyOf(of.classes())))) {
            throw new ModelValidationException("inference.error.variant-contract", of.label());
        }
        String kind = declared.precision().code() + ", " + declared.memoryFormat().code();
        ModelStore.Staged staged = store.stage(torchScript);
        boolean created = false;
        try {
            if (staged.sizeBytes() == 0) {
                throw new ModelValidationException("inference.error.empty-file");
            }
            Optional<ModelVariant> existing = variants.find(staged.sha256());
            if (existing.isPresent()) {
                store.discard(staged);
                return existing.get();
            }
            if (models.find(staged.sha256()).isPresent()) {
                throw new ModelValidationException("inference.error.variant-is-model");
            }
            variants.find(of.sha256(), declared.precision(), declared.memoryFormat()).ifPresent(other -> {
                throw new ModelValidationException("inference.error.variant-taken", of.label(), kind);
            });
            runtime.check(staged.file(), manifest);
            VariantParity.Result parity = parity(of, staged.file(), manifest);
            VariantParity.Bound bound = VariantParity.bound(declared.precision(), properties.parity());
            boolean offered = bound.admits(parity);
            if (offered) {
                created = store.commit(staged);
            } else {
                store.discard(staged);
            }
            variants.insert(staged.sha256(), of.sha256(), declared.precision(), declared.memoryFormat(),
                    staged.sizeBytes(), manifest.json(), parity, bound.describe(), offered, runtime.description(),
                    registeredBy);
            ModelVariant variant = variants.find(staged.sha256()).orElseThrow();
            if (offered) {
                log.info("Variant {} of model {} registered and offered (sha256 {}): {}; bound {}", kind, of.label(),
                        staged.sha256(), parity.describe(), bound.describe());
            } else {
                log.warn("Variant {} of model {} NOT offered (sha256 {}): {}; bound {}", kind, of.label(),
                        staged.sha256(), parity.describe(), bound.describe());
            }
            return variant;
        } catch (RuntimeException e) {
            store.discard(staged);
            if (created) {
                store.delete(store.fileOf(staged.sha256()));
            }
            throw e;
        }
    }

    /** Runs the fp32 model and the candidate variant over the parity images and compares their probabilities. */
    private VariantParity.Result parity(RegisteredModel of, Path candidateFile, ModelManifest manifest) {
        List<Path> images = parityImages();
        Classifier reference = runtime.classifier(of, storedFile(of));
        List<double[]> expected = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        try (Classifier candidate = runtime.open(candidateFile, manifest)) {
            for (Path image : images) {
                Pixels pixels;
                try {
                    pixels = Pixels.decode(Files.readAllBytes(image));
                } catch (IOException | RuntimeException e) {
                    throw new ModelValidationException("inference.error.parity-images", image, e.getMessage());
                }
                expected.add(reference.classify(pixels).probabilities());
                actual.add(candidate.classify(pixels).probabilities());
            }
        }
        return VariantParity.compare(expected, actual);
    }

    private List<Path> parityImages() {
        Path folder = properties.parity().images();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> images = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)"))
                    .sorted().limit(properties.parity().limit()).toList();
            if (images.isEmpty()) {
                throw new ModelValidationException("inference.error.parity-images", folder.toAbsolutePath(),
                        "no .jpg or .png files");
            }
            return images;
        } catch (IOException e) {
            throw new ModelValidationException("inference.error.parity-images", folder.toAbsolutePath(),
                    e.getMessage());
        }
    }

    private static Path[] modelFiles(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ModelValidationException("inference.error.folder-unreadable", folder, "not a folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> files = entries.filter(Files::isRegularFile).toList();
            List<Path> pt = files.stream().filter(f -> f.getFileName().toString().endsWith(".pt")).toList();
            List<Path> json = files.stream().filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals("training-record.json")).toList();
            if (pt.size() != 1 || json.size() != 1) {
                throw new ModelValidationException("inference.error.folder-contents", folder, pt.size(), json.size());
            }
            return new Path[] {pt.get(0), json.get(0)};
        } catch (IOException e) {
            throw new ModelValidationException("inference.error.folder-unreadable", folder, e.getMessage());
        }
    }
}
