package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parity figures of a variant against its fp32 model, and the precision-aware bound they are held to. */
class VariantParityTest {

    private static final InferenceProperties.Parity SETTINGS = new InferenceProperties.Parity(Path.of("x"), 200,
            0.995, 1e-3);

    @Test
    void agreement_maximum_and_99th_percentile_are_computed_image_by_image() {
        List<double[]> reference = new ArrayList<>();
        List<double[]> variant = new ArrayList<>();
        // 200 images: the variant moves one probability by i * 1e-4 on image i, except image 7, where it swaps the
        // top class (a difference of 0.3). Sorted, the per-image maxima are 0, ..., 6, 8, ..., 199 (x 1e-4) and 0.3;
        // the 99th percentile by nearest rank is the 198th of them: 198e-4.
        for (int i = 0; i < 200; i++) {
            reference.add(new double[] {0.6, 0.3, 0.1});
            double delta = i * 1e-4;
            variant.add(i == 7 ? new double[] {0.3, 0.6, 0.1} : new double[] {0.6 - delta, 0.3 + delta, 0.1});
        }

        VariantParity.Result result = VariantParity.compare(reference, variant);

        assertThat(result.images()).isEqualTo(200);
        assertThat(result.argmaxAgreement()).isEqualTo(199 / 200.0);
        assertThat(result.maxAbsDp()).isCloseTo(0.3, within(1e-12));
        assertThat(result.p99AbsDp()).isCloseTo(0.0198, within(1e-12));
    }

    @Test
    void a_non_finite_output_counts_as_a_disagreement_and_an_infinite_difference() {
        VariantParity.Result result = VariantParity.compare(List.of(new double[] {0.9, 0.1}, new double[] {0.2, 0.8}),
                List.of(new double[] {Double.NaN, Double.NaN}, new double[] {0.2, 0.8}));

        assertThat(result.argmaxAgreement()).isEqualTo(0.5);
        assertThat(result.maxAbsDp()).isInfinite();
        assertThat(VariantParity.bound(Precision.BF16, SETTINGS).admits(result)).isFalse();
    }

    @Test
    void a_bf16_variant_is_held_to_top_class_agreement_and_an_fp32_variant_also_to_the_fp32_tolerance() {
        VariantParity.Bound bf16 = VariantParity.bound(Precision.BF16, SETTINGS);
        VariantParity.Bound fp32 = VariantParity.bound(Precision.FP32, SETTINGS);

        VariantParity.Result typicalBf16 = new VariantParity.Result(200, 1.0, 0.037, 0.031);
        VariantParity.Result oneInTwoHundredOff = new VariantParity.Result(200, 0.995, 0.4, 0.02);
        VariantParity.Result twoInTwoHundredOff = new VariantParity.Result(200, 0.99, 0.4, 0.02);
        VariantParity.Result reordered = new VariantParity.Result(200, 1.0, 3e-7, 1e-7);

        assertThat(bf16.admits(typicalBf16)).isTrue();
        assertThat(bf16.admits(oneInTwoHundredOff)).isTrue();
        assertThat(bf16.admits(twoInTwoHundredOff)).isFalse();
        assertThat(fp32.admits(typicalBf16)).as("an fp32 variant only reorders additions").isFalse();
        assertThat(fp32.admits(reordered)).isTrue();
        assertThat(bf16.describe()).isEqualTo("top class agreement >= 99.5 %");
        assertThat(fp32.describe()).isEqualTo("top class agreement >= 99.5 %, max |dp| <= 0.001");
    }

    @Test
    void outputs_of_different_lengths_are_rejected() {
        assertThatThrownBy(() -> VariantParity.compare(List.of(new double[] {1}), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VariantParity.compare(List.of(new double[] {1, 0}), List.of(new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
