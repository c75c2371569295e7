package org.dermread.bundle;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The constants of the export-bundle format (format version 1): file names, the columns of each table and the
 * order of the phases. The writer, the reader, the data dictionary and the manifest all take them from here.
 */
public final class BundleFormat {

    /** The {@code format} named in {@code manifest.json}. */
    public static final String NAME = "dermread-export-bundle";
    /** The {@code format_version} named in {@code manifest.json}; raise it when a file or column changes meaning. */
    public static final int VERSION = 1;

    public static final String LABELS = "labels.csv";
    public static final String CASES = "cases.csv";
    public static final String READINGS = "readings.csv";
    public static final String READERS = "readers.csv";
    public static final String AI_PREDICTIONS = "ai_predictions.csv";
    /** The arms of a collaboration study (forms of AI help); only in bundles of studies with arms. */
    public static final String ARMS = "arms.csv";
    public static final String ANALYSIS = "analysis.json";
    public static final String METRICS = "metrics.json";
    public static final String DATA_DICTIONARY = "data-dictionary.md";
    public static final String MANIFEST = "manifest.json";
    /** The study report (PDF) and its editable twin (HTML), written from {@code metrics.json}. */
    public static final String REPORT_PDF = "report.pdf";
    public static final String REPORT_HTML = "report.html";
    public static final String IMRMC_FOLDER = "imrmc/";
    public static final String PLOTS_FOLDER = "plots/";

    static final List<String> LABEL_COLUMNS = List.of("position", "code");
    /** labels.csv with the taxonomy's names and groups (read by name, so older readers skip the extra columns). */
    static final List<String> NAMED_LABEL_COLUMNS = List.of("position", "code", "name_en", "name_zh", "group");
    static final List<String> CASE_COLUMNS = List.of("case_id", "truth", "age", "sex", "body_site", "confirmation",
            "image_sha256");
    static final List<String> READING_COLUMNS = List.of("reader_id", "case_id", "phase", "label", "confidence",
            "shown_at", "answered_at", "revision");
    static final List<String> READER_COLUMNS = List.of("reader_id", "years_dermatology", "years_dermoscopy",
            "board_certified", "title", "hospital_level", "started_at", "unaided_finished_at", "aided_finished_at",
            "phase_order", "phase_order_seed", "phase_order_group", "phase_order_rank", "washout_days",
            "second_phase_opens_at", "arm", "arm_seed", "arm_group", "arm_rank");
    static final List<String> ARM_COLUMNS = List.of("arm", "name", "top1", "probabilities", "malignancy",
            "similar_cases", "similar_k", "saliency");
    /** Prefix of the AI's label-set probability columns ({@code p_MN}, ...). */
    static final String PROBABILITY_PREFIX = "p_";
    /** Prefix of the model's raw probability columns ({@code raw_p_LP}, ...). */
    static final String RAW_PROBABILITY_PREFIX = "raw_p_";

    /** The phase of the first, unaided reading. */
    public static final String UNAIDED = "unaided";
    /** The phase of the AI-assisted second reading. */
    public static final String AIDED = "aided";

    /** A reader who read the unaided phase first ({@code phase_order} in {@code readers.csv}). */
    public static final String UNAIDED_FIRST = "unaided_first";
    /** A reader who read the AI-assisted phase first (a crossover design). */
    public static final String AIDED_FIRST = "aided_first";

    /** Phases in analysis order: unaided, aided (any letter case), then the others (a stable sort keeps theirs). */
    public static final Comparator<String> PHASE_ORDER = Comparator.comparingInt(BundleFormat::phaseRank);

    private BundleFormat() {
    }

    /** The iMRMC input of one class. */
    public static String imrmcFile(String code) {
        return IMRMC_FOLDER + code + ".imrmc";
    }

    private static int phaseRank(String phase) {
        return switch (phase.toLowerCase(Locale.ROOT)) {
            case UNAIDED -> 0;
            case AIDED -> 1;
            default -> 2;
        };
    }
}
