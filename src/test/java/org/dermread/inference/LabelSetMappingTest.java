package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelSetMappingTest {

    private static final List<String> CLASSES = ModelManifestTest.CODES;

    @Test
    void restricting_to_a_label_set_renormalises_the_probabilities_of_those_labels() {
        Random random = new Random(7);
        double[] logits = random.doubles(14, -6, 6).toArray();
        double[] p = Softmax.of(logits);
        List<String> labels = List.of("BCC", "MN", "SK", "DF", "LP", "Rosa", "Pso", "EAD");

        double[] mapped = LabelSetMapping.restrict(CLASSES, logits, labels);

        double sum = 0;
        for (String label : labels) {
            sum += p[CLASSES.indexOf(label)];
        }
        for (int i = 0; i < labels.size(); i++) {
            assertThat(mapped[i]).isCloseTo(p[CLASSES.indexOf(labels.get(i))] / sum, within(1e-12));
        }
        assertThat(Arrays.stream(mapped).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void stays_exact_when_the_label_probabilities_underflow() {
        double[] logits = new double[14];
        logits[0] = 1000;
        logits[13] = -10;
        logits[12] = -11;

        double[] mapped = LabelSetMapping.restrict(CLASSES, logits, List.of("BCC", "PWS"));

        assertThat(mapped[0]).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
    }

    @Test
    void a_label_the_model_does_not_know_is_refused() {
        assertThatThrownBy(() -> LabelSetMapping.restrict(CLASSES.subList(0, 13), new double[13], List.of("BCC")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("label-not-in-model");
    }

    @Test
    void softmax_matches_its_definition_and_survives_large_logits() {
        double[] p = Softmax.of(new double[] {1, 2, 3});
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(p).containsExactly(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z},
                within(1e-15));
        assertThat(Softmax.of(new double[] {1e4, 0})[0]).isEqualTo(1.0);
    }
}
