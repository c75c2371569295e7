package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Registering models: real TorchScript files through DJL, real PostgreSQL, a real model store folder. */
@DermReadTest
class ModelRegistrationTest {

    /** This context's own strategy (see {@link #useThisContextsSecurity()}). */
    @Autowired
    SecurityContextHolderStrategy securityStrategy;

    /**
     * Each Spring test context installs its own Vaadin-aware security strategy (with its own thread-local) as the
     * global one; after another context has started, signing in through {@code SecurityContextHolder} would land
     * in that context's strategy and this context's method security would see nobody. Point the global holder back
     * at this context's strategy.
     */
    void useThisContextsSecurity() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ModelRegistry registry;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InferenceProperties properties;
    @Autowired
    DemoModelRegistrar demoModelRegistrar;

    private final ExportedModels.Exported tiny = ExportedModels.tiny();

    @BeforeEach
    void signInAsCoordinator() {
        useThisContextsSecurity();
        signIn(accounts.create("coord", Role.COORDINATOR));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(Account account) {
        var authorities = account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(account.username(), null, authorities));
    }

    private String tinyManifest(String version) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(tiny.manifest());
        root.put("version", version);
        return JSON.writeValueAsString(root);
    }

    private InputStream tinyFile() throws IOException {
        return Files.newInputStream(tiny.pt());
    }

    @Test
    void a_coordinator_registers_an_exported_model_and_its_file_is_stored_under_its_sha256() throws IOException {
        RegisteredModel model = registry.register(tinyFile(), tiny.manifest());

        assertThat(model.sha256()).isEqualTo(DemoStudies.sha256(Files.readAllBytes(tiny.pt())));
        assertThat(model.classes()).hasSize(14).startsWith("LP").endsWith("BCC");
        assertThat(model.embeddingDim()).isEqualTo(192);
        assertThat(model.registeredBy()).startsWith("coord");
        assertThat(properties.modelStore().resolve(model.sha256() + ".pt")).exists()
                .hasSameBinaryContentAs(tiny.pt());
        assertThat(registry.models()).extracting(RegisteredModel::sha256).contains(model.sha256());
    }

    @Test
    void the_demo_model_is_registered_at_start_and_registering_it_again_changes_nothing() throws IOException {
        byte[] demoFile = Files.readAllBytes(Path.of("src/main/resources/models/demo-skin-cnn/demo-skin-cnn.pt"));
        RegisteredModel demo = registry.models().stream().filter(model -> model.name().equals("demo-skin-cnn"))
                .findFirst().orElseThrow();
        assertThat(demo.sha256()).isEqualTo(DemoStudies.sha256(demoFile));
        assertThat(demo.registeredBy()).isNull();
        int rows = modelRows();

        demoModelRegistrar.run(null);

        assertThat(modelRows()).isEqualTo(rows);
        assertThat(registry.model(demo.sha256())).contains(demo);
    }

    @Test
    void registering_the_same_file_again_returns_the_registered_model() throws IOException {
        RegisteredModel first = registry.register(tinyFile(), tiny.manifest());
        int before = modelRows();

        RegisteredModel again = registry.register(tinyFile(), tiny.manifest());

        assertThat(again).isEqualTo(first);
        assertThat(modelRows()).isEqualTo(before);
    }

    @Test
    void a_model_registers_from_the_folder_the_exporter_wrote() {
        RegisteredModel model = registry.registerFromFolder(exportFolderWithOnly(tiny));
        assertThat(model.name()).isEqualTo("test-tiny");
    }

    @Test
    void a_file_that_is_not_torchscript_is_refused_and_leaves_no_trace() throws IOException {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);

        assertRefusedWithoutTrace(() -> registry.register(new ByteArrayInputStream(noise), tinyManifest("noise")),
                "inference.error.not-torchscript");
        assertRefusedWithoutTrace(() -> registry.register(new ByteArrayInputStream(
                "import torch\nprint('hello')\n".getBytes()), tinyManifest("python")),
                "inference.error.not-torchscript");
    }

    @Test
    void a_wrong_manifest_is_refused_before_anything_is_stored() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(tiny.manifest());
        root.remove("architecture");
        String missing = JSON.writeValueAsString(root);
        assertRefusedWithoutTrace(() -> registry.register(tinyFile(), missing), "inference.error.manifest-missing-key");
        assertRefusedWithoutTrace(() -> registry.register(tinyFile(), "not json at all"),
                "inference.error.manifest-not-json");
    }

    @Test
    void a_manifest_with_a_mismatched_class_count_is_refused() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(tinyManifest("13"));
        ((ArrayNode) root.get("classes")).remove(13);
        String thirteen = JSON.writeValueAsString(root);

        assertRefusedWithoutTrace(() -> registry.register(tinyFile(), thirteen), "inference.error.class-count");
    }

    @Test
    void a_manifest_whose_shapes_the_model_does_not_produce_is_refused_after_the_test_forward() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(tinyManifest("wrong-embedding"));
        ((ArrayNode) root.get("outputs").get(2).get("shape")).set(1, 100);
        String wrongEmbedding = JSON.writeValueAsString(root);
        ObjectNode aux = (ObjectNode) JSON.readTree(tinyManifest("wrong-aux"));
        ((ArrayNode) aux.get("outputs").get(1).get("shape")).set(1, 5);
        String wrongAux = JSON.writeValueAsString(aux);

        assertRefusedWithoutTrace(() -> registry.register(tinyFile(), wrongEmbedding), "inference.error.output-shape");
        assertRefusedWithoutTrace(() -> registry.register(tinyFile(), wrongAux), "inference.error.output-shape");
    }

    @Test
    void another_file_under_a_registered_name_and_version_is_refused() throws IOException {
        registry.register(tinyFile(), tiny.manifest());
        byte[] other = Files.readAllBytes(tiny.pt());
        byte[] changed = Arrays.copyOf(other, other.length + 1);

        assertRefusedWithoutTrace(() -> registry.register(new ByteArrayInputStream(changed), tiny.manifest()),
                "inference.error.name-version-taken");
    }

    @Test
    void readers_cannot_register_or_list_models_and_statisticians_only_list_them() throws IOException {
        signIn(accounts.create("reader", Role.READER));
        assertThatThrownBy(() -> registry.register(tinyFile(), tiny.manifest()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.models()).isInstanceOf(AccessDeniedException.class);

        signIn(accounts.create("stat", Role.STATISTICIAN));
        assertThat(registry.models()).isNotNull();
        assertThatThrownBy(() -> registry.register(tinyFile(), tiny.manifest()))
                .isInstanceOf(AccessDeniedException.class);
    }

    interface Registration {
        void run() throws Exception;
    }

    private void assertRefusedWithoutTrace(Registration registration, String key) {
        int rows = modelRows();
        List<Path> files = storeFiles();

        assertThatThrownBy(registration::run).isInstanceOfSatisfying(ModelValidationException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));

        assertThat(modelRows()).isEqualTo(rows);
        assertThat(storeFiles()).containsExactlyInAnyOrderElementsOf(files);
    }

    private int modelRows() {
        return jdbc.sql("select count(*) from inference_model").query(Integer.class).single();
    }

    private List<Path> storeFiles() {
        try (Stream<Path> files = Files.walk(properties.modelStore())) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path exportFolderWithOnly(ExportedModels.Exported model) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "test-exports", "folder-" + System.nanoTime()));
            Files.copy(model.pt(), folder.resolve(model.pt().getFileName()));
            Files.copy(model.json(), folder.resolve(model.json().getFileName()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
