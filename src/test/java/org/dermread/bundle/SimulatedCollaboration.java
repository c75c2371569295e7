package org.dermread.bundle;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The export-bundle files (as CSV text) of a two-arm collaboration study whose readers behave by a known model, for
 * tests from the bundle reader to the page.
 *
 * <p>The model: {@value #K} labels, each case's truth uniform; the AI is right with probability {@value #AI_ACCURACY},
 * otherwise it names one of the other labels at random (and puts 0.7 on it). A reader answers unaided right with
 * probability p (novices, 1 year of dermatology: {@value #P_NOVICE}; experts, 15 years: {@value #P_EXPERT};
 * alternating within each arm), otherwise a wrong label at random; shown the AI's answer, the reader switches to it
 * with the arm's probability f whenever they differ (arm A, top-1 only: {@value #F_A}; arm B, similar cases and
 * saliency: {@value #F_B}), else keeps the answer.
 *
 * <p>Expected values, from the model alone: P(aided right) = p + f (a - p), so the gain is f (a - p); reliance and
 * over-reliance are both f; on the cases the AI got wrong, unaided accuracy is p and aided accuracy p (1 - f) (a right
 * reader always differs from a wrong AI); per case, wrong-to-right has probability (1 - p) a f, right-to-wrong
 * p (1 - a) f, wrong-to-other-wrong (1 - p)(1 - a) f (K - 2)/(K - 1) (the AI's wrong label differs from the reader's
 * with probability (K - 2)/(K - 1)); every class's sensitivity gains f (a - p) and its specificity f (a - p)/(K - 1).
 */
public final class SimulatedCollaboration {

    public static final int K = 4;
    public static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");
    public static final double AI_ACCURACY = 0.8;
    public static final double P_NOVICE = 0.5;
    public static final double P_EXPERT = 0.75;
    public static final double F_A = 0.6;
    public static final double F_B = 0.2;

    private SimulatedCollaboration() {
    }

    /** The arm's switching probability. */
    public static double follow(String arm) {
        return arm.equals("A") ? F_A : F_B;
    }

    /** Expected gain in accuracy of readers with unaided accuracy p in an arm. */
    public static double gain(String arm, double p) {
        return follow(arm) * (AI_ACCURACY - p);
    }

    /** Mean unaided accuracy of an arm's readers (half novices, half experts). */
    public static double meanP() {
        return (P_NOVICE + P_EXPERT) / 2;
    }

    /**
     * The bundle files: labels, cases, readers (with arms), arms, readings (both phases), AI predictions and the
     * analysis settings (the given bootstrap replicates, seed and confidence level).
     */
    public static Map<String, byte[]> files(int cases, int readersPerArm, long seed, int replicates, double level) {
        Random random = new Random(seed);
        StringBuilder labels = new StringBuilder("position,code\n");
        for (int k = 0; k < K; k++) {
            labels.append(k + 1).append(',').append(LABELS.get(k)).append('\n');
        }
        int[] truth = new int[cases];
        int[] ai = new int[cases];
        StringBuilder casesCsv = new StringBuilder("case_id,truth\n");
        StringBuilder aiCsv = new StringBuilder("case_id");
        LABELS.forEach(code -> aiCsv.append(",p_").append(code));
        aiCsv.append('\n');
        for (int c = 0; c < cases; c++) {
            truth[c] = random.nextInt(K);
            ai[c] = random.nextDouble() < AI_ACCURACY ? truth[c] : otherThan(truth[c], random);
            casesCsv.append(caseId(c)).append(',').append(LABELS.get(truth[c])).append('\n');
            aiCsv.append(caseId(c));
            for (int k = 0; k < K; k++) {
                aiCsv.append(',').append(k == ai[c] ? "0.7" : "0.1");
            }
            aiCsv.append('\n');
        }
        StringBuilder readers = new StringBuilder("reader_id,years_dermatology,arm,arm_seed,arm_group,arm_rank\n");
        StringBuilder readings = new StringBuilder("reader_id,case_id,phase,label\n");
        int number = 0;
        for (String arm : List.of("A", "B")) {
            for (int i = 0; i < readersPerArm; i++) {
                number++;
                String id = String.format("R%03d", number);
                boolean novice = i % 2 == 0;
                double p = novice ? P_NOVICE : P_EXPERT;
                readers.append(id).append(',').append(novice ? 1 : 15).append(',').append(arm).append(',')
                        .append(seed).append(',').append(novice ? "<3" : ">10").append(',').append(i + 1)
                        .append('\n');
                for (int c = 0; c < cases; c++) {
                    int first = random.nextDouble() < p ? truth[c] : otherThan(truth[c], random);
                    int second = first != ai[c] && random.nextDouble() < follow(arm) ? ai[c] : first;
                    readings.append(id).append(',').append(caseId(c)).append(",unaided,")
                            .append(LABELS.get(first)).append('\n');
                    readings.append(id).append(',').append(caseId(c)).append(",aided,")
                            .append(LABELS.get(second)).append('\n');
                }
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleFormat.LABELS, bytes(labels));
        files.put(BundleFormat.CASES, bytes(casesCsv));
        files.put(BundleFormat.READERS, bytes(readers));
        files.put(BundleFormat.ARMS, bytes("arm,name,top1,probabilities,malignancy,similar_cases,similar_k,saliency\n"
                + "A,Top-1 only,true,false,false,false,,false\nB,Similar cases with saliency,false,false,false,true,8,"
                + "true\n"));
        files.put(BundleFormat.READINGS, bytes(readings));
        files.put(BundleFormat.AI_PREDICTIONS, bytes(aiCsv));
        files.put(BundleFormat.ANALYSIS, bytes("{\"bootstrap_replicates\": " + replicates + ", \"seed\": " + seed
                + ", \"confidence_level\": " + level + "}"));
        return files;
    }

    private static String caseId(int c) {
        return String.format("c%04d", c);
    }

    private static int otherThan(int label, Random random) {
        int other = random.nextInt(K - 1);
        return other >= label ? other + 1 : other;
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
