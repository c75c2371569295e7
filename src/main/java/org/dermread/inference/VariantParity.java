package org.dermread.inference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parity check of a variant against its fp32 model: both classify the same images and their probabilities are
 * compared. The bound depends on the precision: a bf16 variant must give the fp32 model's top class on at least
 * {@code minAgreement} of the images (99.5 % by default; bfloat16 keeps 8 significant bits, so probabilities move in
 * the second or third decimal, see Kalamkar et al., arXiv:1905.12322, 2019); an fp32 variant (only the memory format
 * differs, so only the order of additions) must in addition stay within {@code fp32MaxDifference} of every probability.
 */
public final class VariantParity {

    private VariantParity() {
    }

    /**
     * What the comparison found.
     *
     * @param images          images compared
     * @param argmaxAgreement share of them with the same top class (an image with a non-finite probability counts as
     *                        a disagreement)
     * @param maxAbsDp        the largest |p_variant - p_fp32| over all images and classes (infinite if an output was
     *                        not finite)
     * @param p99AbsDp        the 99th percentile over images of each image's largest |delta p| (nearest rank)
     */
    public record Result(int images, double argmaxAgreement, double maxAbsDp, double p99AbsDp) {

        public Result {
            if (images < 1) {
                throw new IllegalArgumentException("a parity check needs at least one image");
            }
        }

        public String describe() {
            return String.format(Locale.ROOT, "top class agrees on %.2f %% of %d images, max |dp| %.3g, p99 |dp| %.3g",
                    100 * argmaxAgreement, images, maxAbsDp, p99AbsDp);
        }
    }

    /** The bound a variant must meet, and whether a result meets it. */
    public record Bound(Precision precision, double minAgreement, double maxAbsDp) {

        public boolean admits(Result result) {
            return result.argmaxAgreement() >= minAgreement && result.maxAbsDp() <= maxAbsDp;
        }

        public String describe() {
            String agreement = String.format(Locale.ROOT, "top class agreement >= %.1f %%", 100 * minAgreement);
            return Double.isInfinite(maxAbsDp) ? agreement
                    : agreement + String.format(Locale.ROOT, ", max |dp| <= %.0g", maxAbsDp);
        }
    }

    /** The bound for a variant of the given precision. */
    public static Bound bound(Precision precision, InferenceProperties.Parity settings) {
        return precision == Precision.FP32
                ? new Bound(precision, settings.minAgreement(), settings.fp32MaxDifference())
                : new Bound(precision, settings.minAgreement(), Double.POSITIVE_INFINITY);
    }

    /**
     * Compares probabilities image by image.
     *
     * @param reference the fp32 model's probabilities, one array per image
     * @param variant   the variant's, in the same order
     */
    public static Result compare(List<double[]> reference, List<double[]> variant) {
        if (reference.size() != variant.size()) {
            throw new IllegalArgumentException(reference.size() + " reference outputs but " + variant.size()
                    + " variant outputs");
        }
        int n = reference.size();
        double[] perImage = new double[n];
        int same = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double[] p = reference.get(i);
            double[] q = variant.get(i);
            if (p.length != q.length) {
                throw new IllegalArgumentException("image " + i + ": " + p.length + " and " + q.length + " classes");
            }
            double largest = 0;
            boolean finite = true;
            for (int k = 0; k < p.length; k++) {
                double difference = Math.abs(p[k] - q[k]);
                if (!Double.isFinite(difference)) {
                    finite = false;
                    difference = Double.POSITIVE_INFINITY;
                }
                largest = Math.max(largest, difference);
            }
            perImage[i] = largest;
            max = Math.max(max, largest);
            if (finite && argmax(p) == argmax(q)) {
                same++;
            }
        }
        double[] sorted = perImage.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.99 * n);
        return new Result(n, (double) same / n, max, sorted[Math.max(0, rank - 1)]);
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
