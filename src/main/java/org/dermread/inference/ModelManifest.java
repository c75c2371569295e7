package org.dermread.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON manifest that travels with a TorchScript file: what the model expects and returns (the model contract).
 *
 * <p>Input: decoded pixels as float32 NCHW, RGB, 0..255, at the image's own size; resizing and normalisation are
 * inside the model ({@code preprocessing.inside_model = true}), so the app only decodes images and preprocessing
 * cannot drift from training. Output: a tuple {@code (logits [N,C], aux_logits [N,K,C], embedding [N,D])}, of which
 * the auxiliary heads and the embedding are optional (the tuple then has the rest in this order; logits alone may be
 * a plain tensor); the app applies the softmax. The classes are codes of the manifest's {@code taxonomy} (Zhu et
 * al. 2021 when absent), any number C of them, at least two. The network of Zhu et al. (Front. Med. 2021, doi
 * 10.3389/fmed.2021.626369) has C = 14 classes and K = 7 auxiliary classifiers; a HAM10000/ISIC model has 7 or 8.
 * Neither input size nor weights are constants of the app: they are settings of the model (this manifest).
 *
 * @param taxonomy     the code of the taxonomy the classes come from
 * @param classes      class codes in output order
 * @param resize       the network's input size [H, W] after the model's own resize (informative)
 * @param auxHeads     K, the number of auxiliary classifiers (0: the model has no {@code aux_logits} output)
 * @param embeddingDim D, the length of the embedding (penultimate features, kept for t-SNE; 0: no {@code embedding}
 *                     output)
 * @param json         the manifest as given, stored with the model
 */
public record ModelManifest(String name, String version, String architecture, String taxonomy,
        List<String> classes, List<Integer> resize, int auxHeads, int embeddingDim, String weights, String json) {

    /** The taxonomy of a manifest that names none (every manifest before issue 17): Zhu et al. 2021. */
    public static final String DEFAULT_TAXONOMY = "zhu2021";
    /** The fewest classes a classifier can have. */
    public static final int MIN_CLASSES = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPTIONAL_OUTPUTS = List.of("aux_logits", "embedding");
    private static final List<String> REQUIRED = List.of("name", "version", "architecture", "classes", "input",
            "preprocessing", "outputs");

    public ModelManifest {
        Objects.requireNonNull(taxonomy);
        classes = List.copyOf(classes);
        resize = List.copyOf(resize);
    }

    /**
     * Reads and checks a manifest whose classes are known to be {@code knownCodes} (a registered model's own
     * classes, or a test's), whatever taxonomy it names.
     *
     * @throws ModelValidationException naming the first thing that is wrong
     */
    public static ModelManifest parse(String json, Set<String> knownCodes) {
        return parse(json, taxonomy -> Optional.of(knownCodes));
    }

    /**
     * Reads and checks a manifest against the contract: its classes must be codes of the taxonomy it names.
     *
     * @param taxonomyCodes the diagnosis codes of a taxonomy, empty when there is no such taxonomy
     * @throws ModelValidationException naming the first thing that is wrong
     */
    public static ModelManifest parse(String json, Function<String, Optional<Set<String>>> taxonomyCodes) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelValidationException("inference.error.manifest-not-json", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ModelValidationException("inference.error.manifest-not-json", "not a JSON object");
        }
        for (String key : REQUIRED) {
            if (!root.hasNonNull(key)) {
                throw new ModelValidationException("inference.error.manifest-missing-key", key);
            }
        }
        String name = text(root, "name");
        String version = text(root, "version");
        String architecture = text(root, "architecture");
        if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new ModelValidationException("inference.error.manifest-bad-value", "name", name);
        }
        if (version.isBlank() || version.length() > 50) {
            throw new ModelValidationException("inference.error.manifest-bad-value", "version", version);
        }

        String taxonomy = root.hasNonNull("taxonomy") ? text(root, "taxonomy") : DEFAULT_TAXONOMY;
        Set<String> knownCodes = taxonomyCodes.apply(taxonomy).orElseThrow(() ->
                new ModelValidationException("inference.error.unknown-taxonomy", taxonomy));

        JsonNode classNodes = root.get("classes");
        if (!classNodes.isArray()) {
            throw new ModelValidationException("inference.error.manifest-bad-value", "classes", classNodes.toString());
        }
        List<String> classes = new ArrayList<>();
        classNodes.forEach(node -> classes.add(node.asText()));
        if (classes.size() < MIN_CLASSES) {
            throw new ModelValidationException("inference.error.too-few-classes", classes.size(), MIN_CLASSES);
        }
        Set<String> seen = new HashSet<>();
        for (String code : classes) {
            if (!knownCodes.contains(code)) {
                throw new ModelValidationException("inference.error.unknown-class", code, taxonomy);
            }
            if (!seen.add(code)) {
                throw new ModelValidationException("inference.error.duplicate-class", code);
            }
        }

        JsonNode input = root.get("input");
        expect(input, "input", "layout", "NCHW");
        expect(input, "input", "dtype", "float32");
        expect(input, "input", "color", "RGB");
        JsonNode range = input.get("value_range");
        if (range == null || !range.isArray() || range.size() != 2 || range.get(0).asDouble() != 0
                || range.get(1).asDouble() != 255) {
            throw new ModelValidationException("inference.error.manifest-bad-value", "input.value_range",
                    String.valueOf(range));
        }
        JsonNode preprocessing = root.get("preprocessing");
        if (!preprocessing.path("inside_model").asBoolean(false)) {
            throw new ModelValidationException("inference.error.preprocessing-outside");
        }
        List<Integer> resize = new ArrayList<>();
        preprocessing.path("resize").forEach(node -> resize.add(node.asInt()));

        JsonNode outputs = root.get("outputs");
        if (!outputs.isArray() || outputs.isEmpty() || outputs.size() > 3) {
            throw new ModelValidationException("inference.error.manifest-outputs",
                    outputs.isArray() ? outputs.size() : 0);
        }
        expectOutput(outputs.get(0), "logits", 2);
        List<Long> logits = shape(outputs.get(0));
        // The auxiliary heads and the embedding are optional, in this order after the logits.
        List<Long> aux = null;
        List<Long> embedding = null;
        int next = 0;
        for (int i = 1; i < outputs.size(); i++) {
            String outputName = outputs.get(i).path("name").asText("?");
            int at = OPTIONAL_OUTPUTS.indexOf(outputName);
            if (at < 0) {
                throw new ModelValidationException("inference.error.manifest-output-name",
                        String.join(" / ", OPTIONAL_OUTPUTS), outputName);
            }
            if (at < next) {
                throw new ModelValidationException("inference.error.manifest-output-order", outputName,
                        outputs.get(i - 1).path("name").asText("?"));
            }
            next = at + 1;
            if (at == 0) {
                expectOutput(outputs.get(i), "aux_logits", 3);
                aux = shape(outputs.get(i));
            } else {
                expectOutput(outputs.get(i), "embedding", 2);
                embedding = shape(outputs.get(i));
            }
        }
        int count = classes.size();
        if (logits.get(1) != count) {
            throw new ModelValidationException("inference.error.class-count", count, logits.get(1).intValue());
        }
        if (aux != null && (aux.get(1) < 1 || aux.get(2) != count)) {
            throw new ModelValidationException("inference.error.manifest-shape", "aux_logits", aux,
                    "[-1, K, " + count + "]");
        }
        if (embedding != null && embedding.get(1) < 1) {
            throw new ModelValidationException("inference.error.manifest-shape", "embedding", embedding, "[-1, D]");
        }
        return new ModelManifest(name, version, architecture, taxonomy, classes, resize,
                aux == null ? 0 : aux.get(1).intValue(), embedding == null ? 0 : embedding.get(1).intValue(),
                root.path("weights").asText(""), json);
    }

    /**
     * What a variant's manifest declares in its {@code variant} block (written by {@code derive_variant.py}).
     *
     * @param ofSha256 the fp32 model of record the variant was derived from
     */
    public record VariantDeclaration(String ofSha256, Precision precision, MemoryFormat memoryFormat) {
    }

    /**
     * The manifest's {@code variant} block, or empty for a model of record.
     *
     * @throws ModelValidationException when the block is there but malformed
     */
    public static Optional<VariantDeclaration> variantOf(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelValidationException("inference.error.manifest-not-json", e.getOriginalMessage());
        }
        JsonNode variant = root == null ? null : root.get("variant");
        if (variant == null || variant.isNull()) {
            return Optional.empty();
        }
        String of = variant.path("of_sha256").asText("");
        if (!of.matches("[0-9a-f]{64}")) {
            throw new ModelValidationException("inference.error.manifest-bad-value", "variant.of_sha256", of);
        }
        String precisionCode = variant.path("precision").asText("");
        Precision precision = Precision.fromCode(precisionCode).orElseThrow(() -> new ModelValidationException(
                "inference.error.manifest-bad-value", "variant.precision", precisionCode));
        String formatCode = variant.path("memory_format").asText("");
        MemoryFormat format = MemoryFormat.fromCode(formatCode).orElseThrow(() -> new ModelValidationException(
                "inference.error.manifest-bad-value", "variant.memory_format", formatCode));
        if (precision == Precision.FP32 && format == MemoryFormat.CONTIGUOUS) {
            throw new ModelValidationException("inference.error.manifest-bad-value", "variant",
                    "fp32, contiguous (that is the model itself)");
        }
        return Optional.of(new VariantDeclaration(of, precision, format));
    }

    /** Whether another manifest describes the same contract: classes in the same order and the same outputs. */
    public boolean sameContractAs(ModelManifest other) {
        return taxonomy.equals(other.taxonomy) && classes.equals(other.classes) && resize.equals(other.resize)
                && auxHeads == other.auxHeads && embeddingDim == other.embeddingDim;
    }

    /** Index of {@code code} in the model's output. */
    public int indexOf(String code) {
        return classes.indexOf(code);
    }

    private static String text(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (!node.isValueNode()) {
            throw new ModelValidationException("inference.error.manifest-bad-value", key, node.toString());
        }
        return node.asText().strip();
    }

    private static void expect(JsonNode parent, String parentName, String key, String value) {
        String actual = parent.path(key).asText(null);
        if (!value.equals(actual)) {
            throw new ModelValidationException("inference.error.manifest-bad-value", parentName + "." + key,
                    String.valueOf(actual));
        }
    }

    private static void expectOutput(JsonNode output, String name, int rank) {
        if (!name.equals(output.path("name").asText(null))) {
            throw new ModelValidationException("inference.error.manifest-output-name", name,
                    output.path("name").asText("?"));
        }
        List<Long> shape = shape(output);
        if (shape.size() != rank || shape.get(0) != -1) {
            throw new ModelValidationException("inference.error.manifest-shape", name, shape,
                    rank == 3 ? "[-1, K, C]" : "[-1, n]");
        }
    }

    private static List<Long> shape(JsonNode output) {
        List<Long> shape = new ArrayList<>();
        output.path("shape").forEach(node -> shape.add(node.asLong()));
        return shape;
    }
}
