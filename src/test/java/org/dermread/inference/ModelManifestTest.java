package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ModelManifestTest {

    static final List<String> CODES = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SD", "SK", "MN", "Hem",
            "Pso", "PWS", "BCC");
    private static final ObjectMapper JSON = new ObjectMapper();

    static String valid() throws IOException {
        return Files.readString(Path.of("src/test/resources/inference/valid-manifest.json"));
    }

    static String changed(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(valid());
        change.accept(root);
        return JSON.writeValueAsString(root);
    }

    private static void rejected(String json, String key, Object... arguments) {
        assertThatThrownBy(() -> ModelManifest.parse(json, Set.copyOf(CODES)))
                .isInstanceOfSatisfying(ModelValidationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    if (arguments.length > 0) {
                        assertThat(e.arguments()).containsExactly(arguments);
                    }
                });
    }

    @Test
    void reads_the_exporters_manifest() throws IOException {
        ModelManifest manifest = ModelManifest.parse(valid(), Set.copyOf(CODES));

        assertThat(manifest.classes()).containsExactlyElementsOf(CODES);
        assertThat(manifest.auxHeads()).isEqualTo(7);
        assertThat(manifest.embeddingDim()).isEqualTo(192);
        assertThat(manifest.resize()).containsExactly(128, 128);
        assertThat(manifest.indexOf("BCC")).isEqualTo(13);
    }

    @Test
    void a_manifest_without_a_taxonomy_is_zhu_et_al_and_one_naming_isic_takes_isic_codes_in_any_number()
            throws IOException {
        assertThat(ModelManifest.parse(valid(), Set.copyOf(CODES)).taxonomy()).isEqualTo("zhu2021");
        List<String> isic = List.of("MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC");
        String seven = changed(root -> {
            root.put("taxonomy", "isic");
            ArrayNode classes = ((ArrayNode) root.get("classes")).removeAll();
            isic.forEach(classes::add);
            ((ArrayNode) root.get("outputs").get(0).get("shape")).set(1, 7);
            ((ArrayNode) root.get("outputs").get(1).get("shape")).set(2, 7);
        });

        ModelManifest manifest = ModelManifest.parse(seven, taxonomy -> taxonomy.equals("isic")
                ? Optional.of(Set.of("MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC", "SCC")) : Optional.empty());

        assertThat(manifest.taxonomy()).isEqualTo("isic");
        assertThat(manifest.classes()).containsExactlyElementsOf(isic);
        assertThat(manifest.indexOf("VASC")).isEqualTo(6);
        assertThatThrownBy(() -> ModelManifest.parse(seven, taxonomy -> Optional.empty()))
                .isInstanceOfSatisfying(ModelValidationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("inference.error.unknown-taxonomy");
                    assertThat(e.arguments()).containsExactly("isic");
                });
        assertThatThrownBy(() -> ModelManifest.parse(seven, taxonomy -> Optional.of(Set.copyOf(CODES))))
                .isInstanceOfSatisfying(ModelValidationException.class, e ->
                        assertThat(e.arguments()).containsExactly("MEL", "isic"));
    }

    @Test
    void the_auxiliary_heads_and_the_embedding_are_optional_outputs() throws IOException {
        ModelManifest logitsOnly = ModelManifest.parse(changed(root -> {
            ((ArrayNode) root.get("outputs")).remove(2);
            ((ArrayNode) root.get("outputs")).remove(1);
        }), Set.copyOf(CODES));
        ModelManifest withEmbedding = ModelManifest.parse(changed(root -> ((ArrayNode) root.get("outputs")).remove(1)),
                Set.copyOf(CODES));

        assertThat(logitsOnly.auxHeads()).isZero();
        assertThat(logitsOnly.embeddingDim()).isZero();
        assertThat(withEmbedding.auxHeads()).isZero();
        assertThat(withEmbedding.embeddingDim()).isEqualTo(192);
    }

    @Test
    void rejects_text_that_is_not_json() {
        rejected("{ this is not json", "inference.error.manifest-not-json");
        rejected("[1, 2]", "inference.error.manifest-not-json");
    }

    @Test
    void rejects_a_manifest_without_a_required_key() throws IOException {
        rejected(changed(root -> root.remove("outputs")), "inference.error.manifest-missing-key", "outputs");
        rejected(changed(root -> root.remove("classes")), "inference.error.manifest-missing-key", "classes");
    }

    @Test
    void rejects_a_class_list_that_does_not_match_the_logits_output_and_a_single_class() throws IOException {
        rejected(changed(root -> ((ArrayNode) root.get("classes")).remove(13)), "inference.error.class-count", 13, 14);
        rejected(changed(root -> {
            ((ArrayNode) root.get("classes")).removeAll().add("MN");
            ((ArrayNode) root.get("outputs").get(0).get("shape")).set(1, 1);
        }), "inference.error.too-few-classes", 1, 2);
    }

    @Test
    void rejects_an_unknown_diagnosis_and_a_duplicate() throws IOException {
        rejected(changed(root -> ((ArrayNode) root.get("classes")).set(0, "MEL")), "inference.error.unknown-class",
                "MEL", "zhu2021");
        rejected(changed(root -> ((ArrayNode) root.get("classes")).set(0, "BCC")), "inference.error.duplicate-class",
                "BCC");
    }

    @Test
    void rejects_outputs_that_break_the_contract() throws IOException {
        rejected(changed(root -> ((ArrayNode) root.get("outputs")).removeAll()), "inference.error.manifest-outputs", 0);
        rejected(changed(root -> ((ArrayNode) root.get("outputs")).add(root.get("outputs").get(2).deepCopy())),
                "inference.error.manifest-outputs", 4);
        rejected(changed(root -> {
            ArrayNode outputs = (ArrayNode) root.get("outputs");
            outputs.insert(1, outputs.remove(2));
        }), "inference.error.manifest-output-order", "aux_logits", "embedding");
        rejected(changed(root -> ((ObjectNode) root.get("outputs").get(0)).putArray("shape").add(-1).add(10)),
                "inference.error.class-count", 14, 10);
        rejected(changed(root -> ((ObjectNode) root.get("outputs").get(1)).putArray("shape").add(-1).add(7).add(10)),
                "inference.error.manifest-shape");
        rejected(changed(root -> ((ObjectNode) root.get("outputs").get(1)).put("name", "aux")),
                "inference.error.manifest-output-name", "aux_logits / embedding", "aux");
    }

    @Test
    void rejects_input_or_preprocessing_the_app_does_not_provide() throws IOException {
        rejected(changed(root -> ((ObjectNode) root.get("input")).put("layout", "NHWC")),
                "inference.error.manifest-bad-value", "input.layout", "NHWC");
        rejected(changed(root -> ((ObjectNode) root.get("input")).putArray("value_range").add(0).add(1)),
                "inference.error.manifest-bad-value");
        rejected(changed(root -> ((ObjectNode) root.get("preprocessing")).put("inside_model", false)),
                "inference.error.preprocessing-outside");
    }
}
