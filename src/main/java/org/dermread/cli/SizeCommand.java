package org.dermread.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.ImrmcFile;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.CovarianceMethod;
import org.dermread.stats.FigureOfMerit;
import org.dermread.stats.ImrmcReport;
import org.dermread.stats.MrmcData;
import org.dermread.stats.OrResult;
import org.dermread.stats.StudyAnalyzer;
import org.dermread.stats.StudyData;
import org.dermread.stats.StudyReport;
import org.dermread.stats.StudySizing;

/**
 * The {@code size} command: from a pilot study's Obuchowski-Rockette variance components (an export bundle's MRMC
 * analysis of one figure of merit, or an iMRMC file's AUC analysis), the fewest cases each number of readers needs for
 * a target power, and optionally for a target width of the expected CI of the difference, by {@link StudySizing}
 * (Hillis, Obuchowski &amp; Berbaum 2011).
 */
final class SizeCommand {

    static final Set<String> OPTIONS = Set.of("--out", "--effect", "--power", "--alpha", "--ci-width", "--readers",
            "--cases", "--max-cases", "--covariance", "--figure", "--class", "--modalities");

    private SizeCommand() {
    }

    /**
     * The sizing.
     *
     * @param schemaVersion  version of this layout (1)
     * @param pilot          where the variance components come from
     * @param effect         the expected difference of the figure of merit between the two modalities
     * @param alpha          two-sided significance level of the OR-Hillis test
     * @param targetPower    the power the first table reaches
     * @param targetCiWidth  the CI width the second table reaches (null without --ci-width)
     * @param maxCases       the largest number of cases searched
     * @param forPower       per reader count, the fewest cases that reach the target power (cases -1: none up to
     *                       maxCases)
     * @param forCiWidth     per reader count, the fewest cases whose expected CI is at most targetCiWidth wide
     * @param grid           power of every reader count with every case count given by --cases
     */
    public record SizeReport(int schemaVersion, PilotSummary pilot, double effect, double alpha, double targetPower,
                             Double targetCiWidth, int maxCases, List<StudySizing.Design> forPower,
                             List<StudySizing.Design> forCiWidth, List<StudySizing.Design> grid) {
    }

    /**
     * The pilot.
     *
     * @param source             the file or folder
     * @param figureOfMerit      AUC, SENSITIVITY, SPECIFICITY or PROPORTION (accuracy)
     * @param code               the class (null for accuracy and for iMRMC files)
     * @param covarianceMethod   how the error covariances were estimated
     * @param modalities         the two modalities, a and b
     * @param readers            readers in the pilot's analysis
     * @param excludedReaders    readers left out (iMRMC files: fewer than 2 positive or 2 negative cases scored)
     * @param modalityFom        the reader-averaged figure of merit of a and of b
     * @param observedDifference a - b in the pilot
     * @param components         the OR components the sizing uses (c* = cases)
     */
    public record PilotSummary(String source, String figureOfMerit, String code, String covarianceMethod,
                               List<String> modalities, int readers, List<String> excludedReaders,
                               double[] modalityFom, double observedDifference, StudySizing.Pilot components) {
    }

    /**
     * The sizing as a plain table for a terminal ({@code --table}): one line per reader count with the fewest cases
     * for the target power and the power reached, then the --ci-width and --cases rows when asked for.
     */
    static String table(SizeReport report) {
        StringBuilder text = new StringBuilder();
        PilotSummary p = report.pilot();
        text.append(String.format(Locale.ROOT, "pilot %s: %s%s, %s covariances, %s vs %s, %d readers, %d cases%n",
                p.source(), p.figureOfMerit(), p.code() == null ? "" : " of " + p.code(),
                p.covarianceMethod().toLowerCase(Locale.ROOT), p.modalities().get(0), p.modalities().get(1),
                p.readers(), p.components().cases()));
        text.append(String.format(Locale.ROOT, "effect %s, alpha %s, target power %s%n", report.effect(),
                report.alpha(), report.targetPower()));
        rows(text, "fewest cases for the target power", report.forPower());
        if (report.targetCiWidth() != null) {
            rows(text, "fewest cases for a CI at most " + report.targetCiWidth() + " wide", report.forCiWidth());
        }
        if (!report.grid().isEmpty()) {
            rows(text, "power of the given designs", report.grid());
        }
        return text.toString();
    }

    private static void rows(StringBuilder text, String title, List<StudySizing.Design> designs) {
        text.append(System.lineSeparator()).append(title).append(System.lineSeparator());
        text.append(String.format(Locale.ROOT, "%8s %8s %8s %14s%n", "readers", "cases", "power", "CI width"));
        for (StudySizing.Design d : designs) {
            text.append(d.cases() < 0
                    ? String.format(Locale.ROOT, "%8d %8s %8s %14s%n", d.readers(), "-", "-", "not reachable")
                    : String.format(Locale.ROOT, "%8d %8d %8.4f %14.4f%n", d.readers(), d.cases(), d.power(),
                    d.expectedCiWidth()));
        }
    }

    static SizeReport run(CommandLine line) throws IOException {
        Path input = line.input("pilot (export bundle or iMRMC file)");
        Double effect = line.number("--effect");
        if (effect == null || effect == 0) {
            throw new CommandLine.UsageError("--effect needs the expected difference in the figure of merit, e.g."
                    + " --effect 0.05");
        }
        Double power = line.fraction("--power");
        Double alpha = line.fraction("--alpha");
        Double width = line.positive("--ci-width");
        Integer maxCases = line.count("--max-cases", 2);
        List<Integer> readers = line.has("--readers") ? line.counts("--readers", 2) : StudySizing.DEFAULT_READERS;
        List<Integer> cases = line.counts("--cases", 2);
        CovarianceMethod method = covariance(line.text("--covariance", "jackknife"));
        boolean imrmc = Files.isRegularFile(input) && !input.toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        OrResult or;
        List<String> excluded = List.of();
        String code = null;
        if (imrmc) {
            if (line.has("--figure") || line.has("--class")) {
                throw new CommandLine.UsageError("--figure and --class go with bundles; an iMRMC pilot gives AUCs");
            }
            ImrmcReport.Comparison comparison = imrmcPilot(ImrmcFile.read(input), line.list("--modalities"));
            excluded = comparison.excludedReaders();
            or = switch (method) {
                case DELONG -> comparison.delong();
                case JACKKNIFE -> comparison.jackknife();
                case UNBIASED -> comparison.unbiased();
            };
            if (or == null) {
                throw new IllegalArgumentException(input + ": no " + method.name().toLowerCase(Locale.ROOT)
                        + " analysis of the pilot: " + (comparison.delong() == null
                        ? "no reader scored 2 positive and 2 negative cases in both modalities"
                        : "unbiased covariances need every reader to score every case"));
            }
        } else {
            String figure = line.text("--figure", "auc").toLowerCase(Locale.ROOT);
            code = line.text("--class", null);
            or = bundlePilot(input, figure, code, method, line.list("--modalities"));
        }
        if (or.modalities().size() != 2) {
            throw new CommandLine.UsageError("the pilot compares " + or.modalities() + "; choose two with"
                    + " --modalities");
        }
        StudySizing.Pilot pilot = StudySizing.Pilot.of(or);
        double a = alpha == null ? 0.05 : alpha;
        double p = power == null ? 0.8 : power;
        int limit = maxCases == null ? StudySizing.DEFAULT_MAX_CASES : maxCases;
        List<StudySizing.Design> grid = new ArrayList<>();
        for (int r : readers) {
            for (int c : cases) {
                grid.add(StudySizing.design(pilot, r, c, effect, a));
            }
        }
        PilotSummary summary = new PilotSummary(input.toString(), or.figureOfMerit().name(), code, method.name(),
                or.modalities(), or.readers().size(), excluded, or.modalityFom(),
                or.modalityFom()[0] - or.modalityFom()[1], pilot);
        return new SizeReport(1, summary, effect, a, p, width, limit,
                StudySizing.forPower(pilot, effect, a, p, readers, limit).designs(),
                width == null ? List.of() : StudySizing.forCiWidth(pilot, effect, a, width, readers, limit).designs(),
                grid);
    }

    private static CovarianceMethod covariance(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jackknife" -> CovarianceMethod.JACKKNIFE;
            case "delong" -> CovarianceMethod.DELONG;
            case "unbiased" -> CovarianceMethod.UNBIASED;
            default -> throw new CommandLine.UsageError("--covariance is jackknife, delong or unbiased, got " + name);
        };
    }

    /** The OR analyses of the two chosen modalities (both when the file has two). */
    private static ImrmcReport.Comparison imrmcPilot(MrmcData data, List<String> chosen) {
        List<String> modalities = chosen.isEmpty() ? data.modalities() : chosen;
        if (modalities.size() != 2) {
            throw new CommandLine.UsageError("the pilot has modalities " + data.modalities() + "; choose two with"
                    + " --modalities A,B");
        }
        double[][][] all = data.ratings();
        double[][][] two = new double[2][][];
        for (int i = 0; i < 2; i++) {
            int index = data.modalities().indexOf(modalities.get(i));
            if (index < 0) {
                throw new CommandLine.UsageError("the pilot has no modality " + modalities.get(i) + "; it has "
                        + data.modalities());
            }
            two[i] = all[index];
        }
        MrmcData pair = new MrmcData(modalities, data.readers(), data.caseIds(), data.truth(), two);
        return ImrmcReport.analyze(pair, 0.95).comparisons().get(0);
    }

    /** The bundle's MRMC analysis of one figure of merit, by one covariance method. */
    private static OrResult bundlePilot(Path input, String figure, String code, CovarianceMethod method,
                                        List<String> modalities) throws IOException {
        if (!List.of("auc", "sensitivity", "specificity", "accuracy").contains(figure)) {
            throw new CommandLine.UsageError("--figure is auc, sensitivity, specificity or accuracy, got " + figure);
        }
        if (figure.equals("accuracy") == (code != null)) {
            throw new CommandLine.UsageError(figure.equals("accuracy") ? "--class does not go with accuracy"
                    : "--figure " + figure + " needs --class CODE");
        }
        BundleStudy bundle = BundleReader.read(AnalyzeCommand.read(input));
        AnalysisSettings s = bundle.settings();
        AnalysisSettings settings = new AnalysisSettings(0, s.seed(), s.experienceCutPoints(), s.experienceField(),
                modalities.isEmpty() ? s.mrmcModalities() : modalities, s.confidenceLevel());
        StudyData study = bundle.study();
        if (code != null && !study.labels().contains(code)) {
            if (s.grouping() == null || !s.grouping().groups().contains(code)) {
                throw new CommandLine.UsageError("--class " + code + " is neither a label of the bundle "
                        + study.labels()
                        + (s.grouping() == null ? "" : " nor a group of its grouping " + s.grouping().groups()));
            }
            study = s.grouping().apply(study);
        }
        List<String> warnings = new ArrayList<>();
        StudyReport.MrmcReport mrmc = StudyAnalyzer.mrmc(study, settings, warnings);
        if (mrmc == null) {
            throw new IllegalArgumentException(input + ": no MRMC analysis: " + String.join("; ", warnings));
        }
        FigureOfMerit fom = switch (figure) {
            case "auc" -> FigureOfMerit.AUC;
            case "sensitivity" -> FigureOfMerit.SENSITIVITY;
            case "specificity" -> FigureOfMerit.SPECIFICITY;
            default -> FigureOfMerit.PROPORTION;
        };
        OrResult or;
        try {
            or = StudySizing.pilotAnalysis(mrmc, fom, code, method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage(), e);
        }
        return or;
    }
}
