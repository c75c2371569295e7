package org.dermread.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dermread.accounts.CurrentUser;
import org.dermread.common.FolderRoots;
import org.dermread.inference.internal.ModelRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model registry: models are registered by upload or from a folder, checked against the model contract
 * (manifest keys and shapes, the 14 known class codes, a TorchScript file DJL loads, a test forward pass whose
 * outputs have the declared shapes) and only then stored: the file in the model store named by its SHA-256, the
 * rest in PostgreSQL. A model that fails a check leaves nothing behind. Registering the same file twice returns the
 * model already registered.
 */
@Service
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final ModelRepository models;
    private final ModelStore store;
    private final ModelRuntime runtime;
    private final InferenceAccess access;
    private final ModelFolderRoots folderRoots;

    ModelRegistry(ModelRepository models, ModelStore store, ModelRuntime runtime, InferenceAccess access,
            ModelFolderRoots folderRoots) {
        this.models = models;
        this.store = store;
        this.runtime = runtime;
        this.access = access;
        this.folderRoots = folderRoots;
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
        Path allowed = FolderRoots.resolveWithin(folder, folderRoots.folderRoots()).orElseThrow(() ->
                new ModelValidationException("inference.error.folder-not-allowed", folder,
                        folderRoots.folderRoots().stream().map(Path::toString).collect(Collectors.joining(", "))));
        Path[] files = modelFiles(allowed);
        try (InputStream in = Files.newInputStream(files[0])) {
            return register(in, Files.readString(files[1], StandardCharsets.UTF_8), access.currentAccountId());
        } catch (IOException e) {
            throw new ModelValidationException("inference.error.folder-unreadable", folder, e.getMessage());
        }
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

    private RegisteredModel register(InputStream torchScript, String manifestJson, Long registeredBy) {
        ModelManifest manifest = ModelManifest.parse(manifestJson, models.knownDiagnosisCodes());
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
