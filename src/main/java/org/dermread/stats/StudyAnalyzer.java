package org.dermread.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns a {@link Study} into a {@link StudyReport}: every reader, the panel with bootstrap CIs, agreement,
 * experience groups, the AI, readers against the AI, and the MRMC comparison of two phases. Stateless.
 */
public final class StudyAnalyzer {

    private StudyAnalyzer() {
    }

    /**
     * Runs the whole analysis (the README's "Definitions" define every figure), and again under the settings' grouping
     * of the labels when there is one.
     *
     * @throws IllegalArgumentException when the settings' grouping does not fit the study's labels
     */
    public static StudyReport analyze(StudyData study, AnalysisSettings settings) {
        return withCollaboration(analyzeWithoutCollaboration(study, settings), study, settings);
    }

    private static StudyReport analyzeWithoutCollaboration(StudyData study, AnalysisSettings settings) {
        if (settings.grouping() == null) {
            return analyzeUngrouped(study, settings);
        }
        StudyData groupedStudy = settings.grouping().apply(study);
        StudyReport report = analyzeUngrouped(study, settings);
        StudyReport grouped = analyzeUngrouped(groupedStudy, settings.withGrouping(null));
        return new StudyReport(report.schemaVersion(), settings, report.study(), report.warnings(), report.ai(),
                report.phases(), report.mrmc(), new StudyReport.GroupedReport(settings.grouping(), grouped.study(),
                grouped.warnings(), grouped.ai(), grouped.phases(), grouped.mrmc()));
    }

    /** The human-AI collaboration analysis by arm, when readers have arms ({@link StudyCollaboration}). */
    private static StudyReport withCollaboration(StudyReport report, StudyData study, AnalysisSettings settings) {
        List<String> warnings = new ArrayList<>();
        StudyReport.CollaborationReport collaboration = StudyCollaboration.report(study, settings, warnings);
        return report.withCollaboration(collaboration, warnings);
    }

    private static StudyReport analyzeUngrouped(StudyData study, AnalysisSettings settings) {
        List<String> warnings = new ArrayList<>();
        int k = study.labels().size();
        List<Integer> perClass = new ArrayList<>();
        int[] classCounts = new int[k];
        for (int t : study.truth()) {
            classCounts[t]++;
        }
        for (int c : classCounts) {
            perClass.add(c);
        }
        for (int c = 0; c < k; c++) {
            if (classCounts[c] == 0) {
                warnings.add("class " + study.labels().get(c) + " has no cases: its sensitivity and AUC are undefined");
            }
        }
        int aiCases = 0;
        if (study.hasAi()) {
            for (int c = 0; c < study.caseIds().size(); c++) {
                if (study.aiPredicted(c)) {
                    aiCases++;
                }
            }
            if (aiCases < study.caseIds().size()) {
                warnings.add((study.caseIds().size() - aiCases)
                        + " cases have no AI prediction: AI figures and comparisons use the others");
            }
        }
        StudyReport.AiReport ai = study.hasAi() && aiCases > 0 ? AiAnalysis.report(study, settings) : null;
        // Phases and the MRMC comparison run one after the other, each parallel inside: a parallel stream joined
        // from inside another one's worker spins in ForkJoinPool.helpComplete (a quarter of the CPU time in a JFR
        // profile of the benchmark), so there is one parallel level only.
        List<PhaseReadings> phaseList = study.phases();
        List<List<String>> phaseWarnings = new ArrayList<>();
        List<StudyReport.PhaseReport> phases = new ArrayList<>();
        for (PhaseReadings phase : phaseList) {
            List<String> w = new ArrayList<>();
            phases.add(analyzePhase(study, phase, settings, w));
            phaseWarnings.add(w);
        }
        List<String> mrmcWarnings = new ArrayList<>();
        StudyReport.MrmcReport mrmc = StudyMrmc.report(study, settings, mrmcWarnings);
        phaseWarnings.forEach(warnings::addAll);
        warnings.addAll(mrmcWarnings);
        List<String> phaseNames = study.phases().stream().map(PhaseReadings::phase).toList();
        StudyReport.Summary summary = new StudyReport.Summary(study.labels(), study.caseIds().size(), perClass,
                study.readers().size(), phaseNames, aiCases);
        return new StudyReport(1, settings, summary, warnings, ai, phases, mrmc);
    }

    /**
     * The whole analysis of the study under a grouping of its labels (e.g. malignant vs benign): every figure with the
     * groups as classes, readers' answers mapped to their group and the AI's group score the sum of its probabilities
     * (see {@link Grouping#apply}).
     */
    public static StudyReport analyze(StudyData study, AnalysisSettings settings, Grouping grouping) {
        return analyzeUngrouped(grouping.apply(study), settings.withGrouping(null));
    }

    /**
     * The MRMC comparison alone (as {@link StudyReport#mrmc()}): for study sizing from a pilot without the rest of the
     * analysis. Null without two modalities; why is then in {@code warnings}.
     */
    public static StudyReport.MrmcReport mrmc(StudyData study, AnalysisSettings settings, List<String> warnings) {
        return StudyMrmc.report(study, settings, warnings);
    }

    /** One phase: per-reader figures, the bootstrap panel and groups, agreement, and readers against the AI. */
    static StudyReport.PhaseReport analyzePhase(StudyData study, PhaseReadings phase, AnalysisSettings settings,
                                                List<String> warnings) {
        List<String> labels = study.labels();
        int k = labels.size();
        int cases = study.caseIds().size();
        int[] truth = study.truth();
        List<ReaderReadings> readers = phase.readers().stream().filter(rr -> rr.size() > 0).toList();
        List<String> readerIds = study.readers().stream().map(StudyReader::id).toList();
        ExperienceGroups experience = new ExperienceGroups(settings.experienceCutPoints());
        List<String> groupNames = experience.names();

        int figures = ReaderFigures.count(k);
        double[][] point = new double[readers.size()][figures];
        List<StudyReport.ReaderReport> readerReports = new ArrayList<>();
        double[][] pooled = new double[k][k];
        int readings = 0;
        List<List<Integer>> membersByGroup = new ArrayList<>();
        for (int g = 0; g < groupNames.size(); g++) {
            membersByGroup.add(new ArrayList<>());
        }
        for (int j = 0; j < readers.size(); j++) {
            ReaderReadings rr = readers.get(j);
            StudyReader reader = study.readers().get(rr.reader());
            int[] t = new int[rr.size()];
            int[] chosen = rr.labels();
            int[] counts = new int[k * k];
            for (int i = 0; i < rr.size(); i++) {
                t[i] = truth[rr.caseAt(i)];
                counts[t[i] * k + chosen[i]]++;
                pooled[t[i]][chosen[i]]++;
            }
            readings += rr.size();
            ReaderFigures.compute(counts, k, point[j]);
            // the reader's table is tallied once, for the figures and the confusion matrix alike
            ConfusionMatrix confusion = ConfusionMatrix.ofCounts(labels, counts);
            double years = AnalysisSettings.YEARS_DERMOSCOPY.equals(settings.experienceField())
                    ? reader.yearsDermoscopy() : reader.yearsDermatology();
            int group = experience.groupOf(years);
            membersByGroup.get(group).add(j);
            readerReports.add(new StudyReport.ReaderReport(reader.id(), groupNames.get(group), rr.size(),
                    confusion.accuracy(), confusion.balancedAccuracy(), CohenKappa.of(t, chosen, k),
                    confusion.perClass(), confusion));
        }
        // Group 0 of the bootstrap is the whole panel; then the experience groups that have readers.
        List<String> panelNames = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        panelNames.add("all");
        groups.add(IntStream.range(0, readers.size()).toArray());
        for (int g = 0; g < groupNames.size(); g++) {
            if (!membersByGroup.get(g).isEmpty()) {
                panelNames.add(groupNames.get(g));
                groups.add(membersByGroup.get(g).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        List<PanelBootstrap.AiClassScores> aiScores = study.hasAi() ? AiAnalysis.classScores(study) : null;
        int b = settings.bootstrapReplicates();
        PanelBootstrap.Replicates replicates = b > 0 && !readers.isEmpty()
                ? PanelBootstrap.run(k, truth, readers, groups.toArray(new int[0][]), aiScores, b, settings.seed())
                : null;
        List<StudyReport.PanelSummary> panels = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            panels.add(panel(panelNames.get(g), g, groups.get(g), point, labels, replicates,
                    settings.confidenceLevel()));
        }
        StudyReport.AiComparison comparison = study.hasAi() && !readers.isEmpty()
                ? AiAnalysis.compare(study, readers, point, replicates, settings)
                : null;
        return new StudyReport.PhaseReport(phase.phase(), readers.size(), readings, readerReports, panels.get(0),
                new ConfusionMatrix(labels, pooled), Agreement.fleiss(labels, cases, readers),
                Agreement.pairwise(readerIds, k, cases, readers), panels.subList(1, panels.size()), comparison);
    }

    private static StudyReport.PanelSummary panel(String name, int g, int[] members, double[][] point,
                                                  List<String> labels, PanelBootstrap.Replicates replicates,
                                                  double level) {
        List<StudyReport.ClassPanel> perClass = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            perClass.add(new StudyReport.ClassPanel(labels.get(c),
                    estimate(g, ReaderFigures.classFigure(c, ReaderFigures.SENSITIVITY), members, point, replicates,
                            level),
                    estimate(g, ReaderFigures.classFigure(c, ReaderFigures.SPECIFICITY), members, point, replicates,
                            level),
                    estimate(g, ReaderFigures.classFigure(c, ReaderFigures.PPV), members, point, replicates, level),
                    estimate(g, ReaderFigures.classFigure(c, ReaderFigures.NPV), members, point, replicates, level),
                    estimate(g, ReaderFigures.classFigure(c, ReaderFigures.F1), members, point, replicates, level),
                    estimate(g, ReaderFigures.classFigure(c, ReaderFigures.CLASS_ACCURACY), members, point,
                            replicates, level)));
        }
        return new StudyReport.PanelSummary(name, members.length,
                estimate(g, ReaderFigures.ACCURACY, members, point, replicates, level),
                estimate(g, ReaderFigures.BALANCED_ACCURACY, members, point, replicates, level),
                estimate(g, ReaderFigures.KAPPA, members, point, replicates, level), perClass,
                estimate(g, ReaderFigures.MACRO_SPECIFICITY, members, point, replicates, level),
                estimate(g, ReaderFigures.MACRO_ACCURACY, members, point, replicates, level));
    }

    private static StudyReport.Estimate estimate(int g, int f, int[] members, double[][] point,
                                                 PanelBootstrap.Replicates replicates, double level) {
        double[] values = new double[members.length];
        int defined = 0;
        for (int a = 0; a < members.length; a++) {
            values[a] = point[members[a]][f];
            if (!Double.isNaN(values[a])) {
                defined++;
            }
        }
        double mean = Descriptives.mean(values);
        double median = Descriptives.median(values);
        double[] meanCi = {Double.NaN, Double.NaN};
        double[] medianCi = {Double.NaN, Double.NaN};
        if (replicates != null) {
            meanCi = PanelBootstrap.percentileInterval(replicates.panel()[g][f][PanelBootstrap.MEAN], level);
            medianCi = PanelBootstrap.percentileInterval(replicates.panel()[g][f][PanelBootstrap.MEDIAN], level);
        }
        return new StudyReport.Estimate(defined, mean, meanCi[0], meanCi[1], median, medianCi[0], medianCi[1]);
    }

    static double[] column(double[][] point, int f) {
        return Arrays.stream(point).mapToDouble(row -> row[f]).toArray();
    }
}
