package org.dermread.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact t-SNE (van der Maaten &amp; Hinton, "Visualizing Data using t-SNE", JMLR 9, 2008): Gaussian input
 * affinities with a per-point bandwidth found by binary search to match the perplexity (section 2, eq. 1 and the
 * perplexity definition), symmetrised p_ij = (p_j|i + p_i|j) / 2n (section 3.1), Student-t output affinities (eq. 4),
 * gradient descent with momentum and early exaggeration (section 3.4: momentum 0.5 then 0.8, exaggeration 4 for the
 * first 50 iterations, gains as in Jacobs 1988). O(n^2) per iteration: meant for a study's cases (up to a few
 * thousand). Deterministic for a given seed.
 */
public final class TSne {

    private TSne() {
    }

    /**
     * Embeds {@code data} (one row per point) in two dimensions.
     *
     * @param perplexity effective number of neighbours (5-50; lowered to (n - 1) / 3 for small n)
     */
    public static double[][] embed(double[][] data, double perplexity, int iterations, long seed) {
        int n = data.length;
        if (n == 0) {
            return new double[0][2];
        }
        if (n < 4) {
            double[][] trivial = new double[n][2];
            for (int i = 0; i < n; i++) {
                trivial[i][0] = i;
            }
            return trivial;
        }
        double usedPerplexity = Math.min(perplexity, (n - 1) / 3.0);
        double[][] p = affinities(squaredDistances(data), usedPerplexity);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] y = new double[n][2];
        for (double[] point : y) {
            point[0] = 1e-4 * gaussian(random);
            point[1] = 1e-4 * gaussian(random);
        }
        double[][] velocity = new double[n][2];
        double[][] gains = new double[n][2];
        for (double[] g : gains) {
            Arrays.fill(g, 1.0);
        }
        double learningRate = Math.max(n / 12.0, 50.0);
        double[][] q = new double[n][n];
        double[][] gradient = new double[n][2];
        for (int iteration = 0; iteration < iterations; iteration++) {
            double exaggeration = iteration < 50 ? 4.0 : 1.0;
            double momentum = iteration < 250 ? 0.5 : 0.8;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = y[i][0] - y[j][0];
                    double dy = y[i][1] - y[j][1];
                    double num = 1.0 / (1.0 + dx * dx + dy * dy);
                    q[i][j] = num;
                    q[j][i] = num;
                    sum += 2 * num;
                }
            }
            for (int i = 0; i < n; i++) {
                double gx = 0;
                double gy = 0;
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        continue;
                    }
                    double num = q[i][j];
                    double mult = (exaggeration * p[i][j] - num / sum) * num;
                    gx += mult * (y[i][0] - y[j][0]);
                    gy += mult * (y[i][1] - y[j][1]);
                }
                gradient[i][0] = 4 * gx;
                gradient[i][1] = 4 * gy;
            }
            double[] mean = new double[2];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 2; d++) {
                    boolean sameSign = Math.signum(gradient[i][d]) == Math.signum(velocity[i][d]);
                    gains[i][d] = Math.max(0.01, sameSign ? gains[i][d] * 0.8 : gains[i][d] + 0.2);
                    velocity[i][d] = momentum * velocity[i][d] - learningRate * gains[i][d] * gradient[i][d];
                    y[i][d] += velocity[i][d];
                    mean[d] += y[i][d] / n;
                }
            }
            for (double[] point : y) {
                point[0] -= mean[0];
                point[1] -= mean[1];
            }
        }
        return y;
    }

    private static double[][] squaredDistances(double[][] data) {
        int n = data.length;
        double[][] distances = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = 0;
                for (int k = 0; k < data[i].length; k++) {
                    double diff = data[i][k] - data[j][k];
                    d += diff * diff;
                }
                distances[i][j] = d;
                distances[j][i] = d;
            }
        }
        return distances;
    }

    /** Symmetrised joint probabilities; each row's bandwidth matches log2 perplexity in entropy (bits). */
    private static double[][] affinities(double[][] distances, double perplexity) {
        int n = distances.length;
        double target = Math.log(perplexity);
        double[][] conditional = new double[n][n];
        for (int i = 0; i < n; i++) {
            double beta = 1.0;
            double low = 0;
            double high = Double.POSITIVE_INFINITY;
            for (int step = 0; step < 64; step++) {
                double sum = 0;
                double weighted = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double value = Math.exp(-distances[i][j] * beta);
                        conditional[i][j] = value;
                        sum += value;
                        weighted += distances[i][j] * value;
                    }
                }
                if (sum == 0) {
                    sum = 1e-300;
                }
                double entropy = Math.log(sum) + beta * weighted / sum;
                for (int j = 0; j < n; j++) {
                    conditional[i][j] = j == i ? 0 : conditional[i][j] / sum;
                }
                double difference = entropy - target;
                if (Math.abs(difference) < 1e-5) {
                    break;
                }
                if (difference > 0) {
                    low = beta;
                    beta = Double.isInfinite(high) ? beta * 2 : (beta + high) / 2;
                } else {
                    high = beta;
                    beta = (beta + low) / 2;
                }
            }
        }
        double[][] joint = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                joint[i][j] = Math.max((conditional[i][j] + conditional[j][i]) / (2.0 * n), 1e-12);
            }
        }
        return joint;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u, 1e-300))) * Math.cos(2 * Math.PI * v);
    }
}
