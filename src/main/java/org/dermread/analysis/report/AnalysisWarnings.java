package org.dermread.analysis.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dermread.analysis.MalignancyGrouping;
import java.util.stream.Collectors;

/**
 * The analysis' warnings and MRMC notes in the reader's language. The statistics core writes them in English (they
 * also go into {@code metrics.json}, which keeps them as written); the results page and the report show them through
 * this class, which knows every sentence the core writes. A sentence it does not know (an exception's own message)
 * is shown as written rather than dropped.
 */
public final class AnalysisWarnings {

    /** Looks up a translation: {@code FigureText::get} in the report, {@code getTranslation} on a page. */
    @FunctionalInterface
    public interface Words {
        String get(String key, Object... arguments);
    }

    private static final Pattern NO_CASES = Pattern.compile(
            "class (\\S+) has no cases: its sensitivity and AUC are undefined");
    private static final Pattern NO_AI = Pattern.compile(
            "(\\d+) cases have no AI prediction: AI figures and comparisons use the others");
    private static final Pattern NO_COMPLETE_READER = Pattern.compile(
            "MRMC: no reader answered in every modality of \\[(.*)]");
    private static final Pattern NOT_ENOUGH = Pattern.compile("(?:MRMC: )?no reader has enough cases for (.+)");
    private static final Pattern DEGENERATE = Pattern.compile("(?:MRMC: (.+): )?could not be estimated: its degrees"
            + " of freedom are degenerate \\(too few readers or cases\\)");
    private static final Pattern NO_PHASE = Pattern.compile("MRMC: phase (\\S+) has no readings; no MRMC analysis");
    private static final Pattern OTHER = Pattern.compile("MRMC: (accuracy|\\S+ AUC|\\S+ sensitivity|\\S+ specificity)"
            + ": (.+)");
    private static final String CROSSED_ONLY = "MRMC: unbiased (U-statistic) covariances and DBM need every reader to"
            + " read every case in both modalities; they are left out where that does not hold";
    private static final String TWO_MODALITIES = "MRMC needs at least two modalities";

    private static final String COLLABORATION = "collaboration: ";
    private static final Pattern COLLABORATION_NO_PHASE = Pattern.compile("collaboration: readers have arms but the"
            + " study has no (\\S+) phase with answers; no collaboration analysis");
    private static final String COLLABORATION_NO_AI = "collaboration: readers have arms but the study has no AI"
            + " predictions; no collaboration analysis";
    private static final Pattern COLLABORATION_EMPTY_ARM = Pattern.compile(
            "collaboration: arm (.+) has no reader who answered in both phases");
    private static final Pattern COLLABORATION_INCOMPLETE = Pattern.compile(
            "collaboration: readers who did not answer in both phases are left out: \\[(.*)]");
    private static final Pattern COLLABORATION_ARMLESS = Pattern.compile(
            "collaboration: readers without an arm are left out: \\[(.*)]");
    private static final Pattern COLLABORATION_ARM_MRMC = Pattern.compile("collaboration: arm (.+?): (MRMC.+)");

    private AnalysisWarnings() {
    }

    /** The warning or note in words of the given language; an unknown one as it is. */
    public static String inWords(String warning, Words words) {
        Matcher m;
        if (warning.startsWith(COLLABORATION)) {
            return collaboration(warning, words);
        }
        if (warning.equals(CROSSED_ONLY)) {
            return words.get("report.warning.crossed-only");
        }
        if (warning.equals(TWO_MODALITIES)) {
            return words.get("report.warning.two-modalities");
        }
        if ((m = NO_CASES.matcher(warning)).matches()) {
            return words.get("report.warning.no-cases", m.group(1));
        }
        if ((m = NO_AI.matcher(warning)).matches()) {
            return words.get("report.warning.no-ai", Integer.parseInt(m.group(1)));
        }
        if ((m = NO_COMPLETE_READER.matcher(warning)).matches()) {
            return words.get("report.warning.no-complete-reader", Arrays.stream(m.group(1).split(",\\s*"))
                    .map(phase -> phase(phase, words)).collect(Collectors.joining(words.get("report.list.separator"))));
        }
        if ((m = NOT_ENOUGH.matcher(warning)).matches()) {
            return words.get("report.warning.not-enough", figure(m.group(1), words));
        }
        if ((m = DEGENERATE.matcher(warning)).matches()) {
            return m.group(1) == null ? words.get("report.warning.degenerate")
                    : words.get("report.warning.degenerate-of", figure(m.group(1), words));
        }
        if ((m = NO_PHASE.matcher(warning)).matches()) {
            return words.get("report.warning.no-phase", phase(m.group(1), words));
        }
        if ((m = OTHER.matcher(warning)).matches()) {
            return words.get("report.warning.other", figure(m.group(1), words), m.group(2));
        }
        return warning;
    }

    /** The collaboration analysis' sentences (StudyCollaboration); an arm's MRMC note in the words of the others. */
    private static String collaboration(String warning, Words words) {
        Matcher m;
        if (warning.equals(COLLABORATION_NO_AI)) {
            return words.get("report.warning.collab.no-ai");
        }
        if ((m = COLLABORATION_NO_PHASE.matcher(warning)).matches()) {
            return words.get("report.warning.collab.no-phase", phase(m.group(1), words));
        }
        if ((m = COLLABORATION_EMPTY_ARM.matcher(warning)).matches()) {
            return words.get("report.warning.collab.empty-arm", m.group(1));
        }
        if ((m = COLLABORATION_INCOMPLETE.matcher(warning)).matches()) {
            return words.get("report.warning.collab.incomplete", list(m.group(1), words));
        }
        if ((m = COLLABORATION_ARMLESS.matcher(warning)).matches()) {
            return words.get("report.warning.collab.armless", list(m.group(1), words));
        }
        if ((m = COLLABORATION_ARM_MRMC.matcher(warning)).matches()) {
            return words.get("report.warning.collab.arm", m.group(1), inWords(m.group(2), words));
        }
        return warning;
    }

    private static String list(String items, Words words) {
        return String.join(words.get("report.list.separator"), items.split(",\\s*"));
    }

    /**
     * A class as the analysis names it: a label code as it is, the two groups of the malignant-vs-benign analysis
     * ({@link MalignancyGrouping}) in words.
     */
    public static String className(String code, Words words) {
        return MalignancyGrouping.MALIGNANT.equals(code) || MalignancyGrouping.BENIGN.equals(code)
                ? words.get("report.group." + code) : code;
    }

    /** "accuracy", "MN AUC", "MN sensitivity" or "MN specificity" in words. */
    private static String figure(String what, Words words) {
        if (what.equals("accuracy")) {
            return words.get("report.warning.figure.accuracy");
        }
        int space = what.lastIndexOf(' ');
        if (space < 0) {
            return what;
        }
        String kind = what.substring(space + 1);
        return switch (kind) {
            case "AUC", "sensitivity", "specificity" -> words.get("report.warning.figure." + kind.toLowerCase(
                    Locale.ROOT), className(what.substring(0, space), words));
            default -> what;
        };
    }

    private static String phase(String phase, Words words) {
        return switch (phase) {
            case "unaided", "aided" -> words.get("report.phase." + phase);
            default -> phase;
        };
    }
}
