package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.dermread.inference.djl.DjlClassifier;
import org.junit.jupiter.api.Test;

/**
 * The paper's architecture (Zhu et al., Front. Med. 2021: EfficientNet-b4 with a 14-class head and seven auxiliary
 * classifiers) exported by {@code src/main/python/export_model.py} with random weights runs through the same DJL
 * path as the demo model.
 */
class EfficientNetExportTest {

    @Test
    void the_exported_efficientnet_b4_with_seven_auxiliary_heads_runs_in_djl() throws IOException {
        ExportedModels.Exported export = ExportedModels.efficientNetB4();
        ModelManifest manifest = ModelManifest.parse(export.manifest(), Set.copyOf(ModelManifestTest.CODES));
        assertThat(manifest.architecture()).isEqualTo("efficientnet_b4_aux7");
        assertThat(manifest.auxHeads()).isEqualTo(7);
        assertThat(manifest.embeddingDim()).isEqualTo(1792);

        try (DjlClassifier classifier = DjlClassifier.load(export.pt(), "b4", manifest, Device.cpu(), 1)) {
            // Checks every output's shape on a batch of two, then warms up at 380 x 380.
            classifier.checkAndWarmUp();
            Pixels image = Pixels.decode(DemoStudies.read(DemoStudies.DEMO_SET.resolve("images/demo-0001.jpg")));
            Pixels other = Pixels.decode(DemoStudies.read(DemoStudies.DEMO_SET.resolve("images/demo-0002.jpg")));
            List<ClassifierOutput> outputs = classifier.classify(List.of(image, other));

            ClassifierOutput output = outputs.get(0);
            assertThat(output.logits()).hasSize(14);
            assertThat(output.auxLogits()).hasSize(7 * 14);
            assertThat(output.embedding()).hasSize(1792);
            assertThat(Arrays.stream(output.probabilities()).sum()).isCloseTo(1, within(1e-9));
            assertThat(output.embedding()).as("random weights still give image-dependent features")
                    .isNotEqualTo(outputs.get(1).embedding());
        }
        System.out.printf("EfficientNet-b4 + 7 auxiliary heads: exported in %.1f s (0 = reused from target/), "
                + "runs in DJL with outputs [1,14], [1,7,14], [1,1792]%n", export.exportMillis() / 1000.0);
    }
}
