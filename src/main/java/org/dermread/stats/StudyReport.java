package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@link StudyAnalyzer} computes for a study; immutable. docs-stats.md lists each key and definition.
 *
 * @param schemaVersion version of this layout (1)
 * @param settings      the settings used (including the bootstrap seed)
 * @param study         what was analysed
 * @param warnings      data left out or figures not estimable, in words
 * @param ai            the AI alone (null without AI predictions)
 * @param phases        readers per phase, and readers against the AI
 * @param mrmc          Obuchowski-Rockette comparison of two phases (null when fewer than two phases)
 * @param grouped       the whole analysis again under the settings' grouping of the labels (null without one)
 * @param collaboration the human-AI collaboration analysis by arm of AI help (null unless readers have arms and the
 *                      study has both phases and AI predictions)
 */
public record StudyReport(int schemaVersion, AnalysisSettings settings, Summary study, List<String> warnings,
                          AiReport ai, List<PhaseReport> phases, MrmcReport mrmc, GroupedReport grouped,
                          CollaborationReport collaboration) {

    public StudyReport {
        warnings = List.copyOf(warnings);
        phases = List.copyOf(phases);
    }

    /** Without a collaboration analysis. */
    public StudyReport(int schemaVersion, AnalysisSettings settings, Summary study, List<String> warnings,
                       AiReport ai, List<PhaseReport> phases, MrmcReport mrmc, GroupedReport grouped) {
        this(schemaVersion, settings, study, warnings, ai, phases, mrmc, grouped, null);
    }

    /** This report with other warnings. */
    public StudyReport withWarnings(List<String> newWarnings) {
        return new StudyReport(schemaVersion, settings, study, newWarnings, ai, phases, mrmc, grouped,
                collaboration);
    }

    /** This report with a collaboration analysis (and the warnings it adds after the others). */
    public StudyReport withCollaboration(CollaborationReport newCollaboration, List<String> moreWarnings) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new StudyReport(schemaVersion, settings, study, all, ai, phases, mrmc, grouped, newCollaboration);
    }

    /**
     * Human-AI collaboration by arm ({@link CollaborationAnalysis}): each reader's unaided reading against the same
     * reader's aided reading with the arm's form of AI help.
     *
     * @param unaidedPhase   the baseline phase
     * @param aidedPhase     the phase read with the arm's help
     * @param method         how the intervals and the between-arm test are computed, in words
     * @param references     the papers behind the design and the method
     * @param arms           one per arm with analysed readers, in the order of arms.csv
     * @param differences    every pair of arms: arm a's mean gain minus arm b's
     */
    public record CollaborationReport(String unaidedPhase, String aidedPhase, double confidenceLevel, int replicates,
                                      long seed, String method, List<String> references, List<ArmReport> arms,
                                      List<ArmDifference> differences) {

        public CollaborationReport {
            references = List.copyOf(references);
            arms = List.copyOf(arms);
            differences = List.copyOf(differences);
        }
    }

    /**
     * One arm. Every figure is the mean over the arm's readers of each reader's figure (aided minus unaided for a
     * gain), over the cases the reader read in both phases, with its two-way bootstrap interval.
     *
     * @param help                     the form of AI help
     * @param readerIds                the arm's analysed readers
     * @param reliance                 rate of switching to the AI's answer when it was right and the reader had
     *                                 answered otherwise
     * @param overReliance             the same when the AI was wrong
     * @param answerChanges            the readers' answer changes summed
     * @param readerChanges            each reader's answer changes and rates
     * @param switching                unaided correctness to aided correctness, summed over the arm's readers,
     *                                 once for the cases the AI got right and once for those it got wrong
     * @param mrmc                     aided against unaided among the arm's readers (Obuchowski-Rockette), null
     *                                 when it cannot be run (why is in the warnings)
     */
    public record ArmReport(String arm, String name, ArmHelp help, int readers, List<String> readerIds,
                            Interval unaidedAccuracy, Interval aidedAccuracy, Interval gain,
                            Interval balancedAccuracyGain, List<ClassGain> perClass,
                            List<GroupGain> experienceGroups, Interval reliance, Interval overReliance,
                            Interval accuracyOnAiWrongUnaided, Interval accuracyOnAiWrongAided,
                            AnswerChanges answerChanges, List<ReaderChanges> readerChanges,
                            List<Switching> switching, MrmcReport mrmc) {

        public ArmReport {
            switching = List.copyOf(switching);
            readerIds = List.copyOf(readerIds);
            perClass = List.copyOf(perClass);
            experienceGroups = List.copyOf(experienceGroups);
            readerChanges = List.copyOf(readerChanges);
        }
    }

    /**
     * Counts of (unaided correctness, aided correctness) over an arm's readers and the cases they read in both
     * phases on which the AI was right ({@code ai} = "right") or wrong ("wrong").
     */
    public record Switching(String ai, int rightToRight, int rightToWrong, int wrongToRight, int wrongToWrong) {
    }

    /** The forms of AI help an arm shows (arms.csv). */
    public record ArmHelp(boolean top1, boolean probabilities, boolean malignancy, boolean similarCases,
                          int similarK, boolean saliency) {
    }

    /** The mean gain in one class's one-vs-rest sensitivity and specificity. */
    public record ClassGain(String code, Interval sensitivityGain, Interval specificityGain) {
    }

    /** The mean gain in accuracy of an arm's readers in one experience group. */
    public record GroupGain(String group, int readers, Interval gain) {
    }

    /** One reader's answer changes (counts) and the rates they give; rates are null where undefined. */
    public record ReaderChanges(String readerId, String experienceGroup, AnswerChanges changes,
                                double unaidedAccuracy, double aidedAccuracy, double gain, double reliance,
                                double overReliance) {
    }

    /**
     * Arm a's mean gain minus arm b's (a before b in arms.csv), with the percentile interval of the bootstrap
     * replicates, their standard deviation as standard error, and the two-sided Wald p value (z = difference / SE).
     */
    public record ArmDifference(String armA, String armB, Interval gainDifference, double standardError, double z,
                                double p) {
    }

    /** Without a grouped analysis. */
    public StudyReport(int schemaVersion, AnalysisSettings settings, Summary study, List<String> warnings,
                       AiReport ai, List<PhaseReport> phases, MrmcReport mrmc) {
        this(schemaVersion, settings, study, warnings, ai, phases, mrmc, null);
    }

    /**
     * Every figure of the study with the groups of a {@link Grouping} as the classes (see {@link Grouping#apply}):
     * the same sections as the report itself.
     *
     * @param warnings what the grouped analysis left out, in words
     */
    public record GroupedReport(Grouping grouping, Summary study, List<String> warnings, AiReport ai,
                                List<PhaseReport> phases, MrmcReport mrmc) {

        public GroupedReport {
            warnings = List.copyOf(warnings);
            phases = List.copyOf(phases);
        }
    }

    /** Size of the study. */
    public record Summary(List<String> labels, int cases, List<Integer> casesPerClass, int readers,
                          List<String> phases, int casesWithAi) {
    }

    /** One phase: each reader, the panel, agreement, experience groups and the comparison with the AI. */
    public record PhaseReport(String phase, int readers, int readings, List<ReaderReport> readerResults,
                              PanelSummary panel, ConfusionMatrix pooledConfusion, FleissKappa fleissKappa,
                              PairwiseKappa pairwiseKappa, List<PanelSummary> experienceGroups,
                              AiComparison aiComparison) {
    }

    /**
     * One reader in one phase, over the cases that reader answered.
     *
     * @param balancedAccuracy macro sensitivity (classes with cases)
     * @param macroSpecificity mean specificity over the classes with negative cases
     * @param macroAccuracy    mean one-vs-rest accuracy over all classes
     */
    public record ReaderReport(String readerId, String experienceGroup, int cases, double accuracy,
                               double balancedAccuracy, CohenKappa kappa, List<ClassMetrics> perClass,
                               ConfusionMatrix confusion, double macroSpecificity, double macroAccuracy) {

        /** Macro figures from the confusion matrix. */
        public ReaderReport(String readerId, String experienceGroup, int cases, double accuracy,
                            double balancedAccuracy, CohenKappa kappa, List<ClassMetrics> perClass,
                            ConfusionMatrix confusion) {
            this(readerId, experienceGroup, cases, accuracy, balancedAccuracy, kappa, perClass, confusion,
                    confusion.macroSpecificity(), confusion.macroAccuracy());
        }
    }

    /**
     * Mean and median over readers of each figure, with percentile bootstrap CIs (readers and cases resampled).
     *
     * @param group "all" or an experience group such as "3-10"
     */
    public record PanelSummary(String group, int readers, Estimate accuracy, Estimate balancedAccuracy,
                               Estimate kappa, List<ClassPanel> perClass, Estimate macroSpecificity,
                               Estimate macroAccuracy) {

        /** Without the macro specificity and one-vs-rest accuracy. */
        public PanelSummary(String group, int readers, Estimate accuracy, Estimate balancedAccuracy,
                            Estimate kappa, List<ClassPanel> perClass) {
            this(group, readers, accuracy, balancedAccuracy, kappa, perClass, null, null);
        }
    }

    /** Panel figures of one class; accuracy is one-vs-rest. */
    public record ClassPanel(String code, Estimate sensitivity, Estimate specificity, Estimate ppv, Estimate npv,
                             Estimate f1, Estimate accuracy) {

        /** Without the one-vs-rest accuracy. */
        public ClassPanel(String code, Estimate sensitivity, Estimate specificity, Estimate ppv, Estimate npv,
                          Estimate f1) {
            this(code, sensitivity, specificity, ppv, npv, f1, null);
        }
    }

    /**
     * A figure over readers.
     *
     * @param readers readers for whom the figure is defined
     */
    public record Estimate(int readers, double mean, double meanLower, double meanUpper, double median,
                           double medianLower, double medianUpper) {
    }

    /** Cohen's kappa of every pair of readers over the cases both answered. */
    public record PairwiseKappa(int pairs, double mean, double median, double min, double max,
                                List<KappaPair> pairList) {
    }

    /** Cohen's kappa of two readers. */
    public record KappaPair(String readerA, String readerB, int cases, double kappa) {
    }

    /**
     * The AI alone over the cases it predicted.
     *
     * @param kappa             Cohen's kappa of the AI's top-1 choice against the truth
     * @param macroSpecificity  mean specificity of the top-1 choice over the classes with negative cases
     * @param macroAccuracy     mean one-vs-rest accuracy of the top-1 choice over all classes
     * @param weightedMacroAuc  mean of the defined per-class AUCs weighted by prevalence (scikit-learn's
     *                          average = "weighted")
     * @param distinctScores    per class, how many different probabilities the AI gave (few means many ties)
     * @param argmaxTies        cases whose highest probability is shared by two or more classes (the first in label
     *                          order is taken)
     */
    public record AiReport(int cases, double top1Accuracy, double balancedAccuracy, ConfusionMatrix confusion,
                           List<ClassMetrics> perClass, List<AiClass> classes, double macroAuc, double microAuc,
                           CohenKappa kappa, double macroSpecificity, double macroAccuracy, double weightedMacroAuc,
                           List<Integer> distinctScores, int argmaxTies) {

        /** Without kappa, macro figures, weighted AUC and tie counts. */
        public AiReport(int cases, double top1Accuracy, double balancedAccuracy, ConfusionMatrix confusion,
                        List<ClassMetrics> perClass, List<AiClass> classes, double macroAuc, double microAuc) {
            this(cases, top1Accuracy, balancedAccuracy, confusion, perClass, classes, macroAuc, microAuc, null,
                    confusion.macroSpecificity(), confusion.macroAccuracy(), Double.NaN, List.of(), 0);
        }
    }

    /**
     * The AI's one-vs-rest ROC for one class; everything but the counts is null (or empty) without cases or without
     * other cases.
     *
     * @param operatingPoints the Youden and closest-to-top-left points with their 2 x 2 tables
     * @param bootstrap       stratified percentile bootstrap of the AUC (the analysis's replicates and seed)
     * @param atSpecificity   the curve read at the settings' specificity targets
     * @param atSensitivity   the curve read at the settings' sensitivity targets
     */
    public record AiClass(String code, int positives, int negatives, AucEstimate auc, RocPoint youden,
                          List<RocPoint> roc, List<OperatingPoint> operatingPoints, AucBootstrap.Interval bootstrap,
                          List<RocTableReport.Coordinate> atSpecificity,
                          List<RocTableReport.Coordinate> atSensitivity) {

        /** Without operating points, bootstrap and readings. */
        public AiClass(String code, int positives, int negatives, AucEstimate auc, RocPoint youden,
                       List<RocPoint> roc) {
            this(code, positives, negatives, auc, youden, roc, List.of(), null, List.of(), List.of());
        }
    }

    /** Readers against the AI in one phase, on the cases each reader answered that the AI predicted. */
    public record AiComparison(List<ReaderMcNemar> mcnemar, List<WilcoxonResult> wilcoxon,
                               List<OperatingPointComparison> operatingPoints,
                               List<ReaderAucComparison> pairedDelong) {
    }

    /** McNemar test of one reader against the AI on top-1 correctness; b = reader right and AI wrong. */
    public record ReaderMcNemar(String readerId, int cases, double readerAccuracy, double aiAccuracy,
                                McNemarTest test) {
    }

    /**
     * Wilcoxon signed-rank test over readers of (reader figure - AI figure on the same cases).
     *
     * @param code null for accuracy and balanced accuracy, the class for sensitivity / specificity
     */
    public record WilcoxonResult(String figure, String code, double meanReader, double meanAi,
                                 WilcoxonSignedRankTest test) {
    }

    /**
     * The AI's ROC against the readers' operating points for one class.
     *
     * @param aiConservativeAtMeanSpecificity the AI's attainable point with the best sensitivity among those whose
     *                                        specificity is at least the readers' mean, with its threshold
     * @param aiConservativeAtMeanSensitivity the attainable point with the best specificity at sensitivity at least
     *                                        the readers' mean
     */
    public record OperatingPointComparison(String code, int readers, double readerMeanSensitivity,
                                           double readerMeanSpecificity, Interval aiSensitivityAtMeanSpecificity,
                                           Interval aiSpecificityAtMeanSensitivity,
                                           int readersBeatenAtTheirSpecificity,
                                           int readersBeatenAtTheirSensitivity,
                                           OperatingPoint aiConservativeAtMeanSpecificity,
                                           OperatingPoint aiConservativeAtMeanSensitivity) {

        /** Without the conservative readings. */
        public OperatingPointComparison(String code, int readers, double readerMeanSensitivity,
                                        double readerMeanSpecificity, Interval aiSensitivityAtMeanSpecificity,
                                        Interval aiSpecificityAtMeanSensitivity, int readersBeatenAtTheirSpecificity,
                                        int readersBeatenAtTheirSensitivity) {
            this(code, readers, readerMeanSensitivity, readerMeanSpecificity, aiSensitivityAtMeanSpecificity,
                    aiSpecificityAtMeanSensitivity, readersBeatenAtTheirSpecificity, readersBeatenAtTheirSensitivity,
                    null, null);
        }
    }

    /** An estimate with a percentile bootstrap interval. */
    public record Interval(double estimate, double lower, double upper) {
    }

    /** Paired DeLong test, AI probability (A) against the reader's ordinal rating (B), one class (A - B). */
    public record ReaderAucComparison(String readerId, String code, PairedAucTest test) {
    }

    /** The MRMC comparison of two or more phases. */
    public record MrmcReport(List<String> modalities, List<String> readers, MrmcFom accuracy,
                             List<MrmcClass> classes) {
    }

    /** MRMC per class with three figures of merit. */
    public record MrmcClass(String code, MrmcFom auc, MrmcFom sensitivity, MrmcFom specificity) {
    }

    /**
     * One figure of merit analysed by Obuchowski-Rockette with each covariance estimate and by Dorfman-Berbaum-Metz.
     *
     * @param note      why delong and jackknife are null (the figure could not be analysed), else null
     * @param unbiased  OR with U-statistic covariances; null unless every reader read every case the figure uses
     * @param dbm       the DBM analysis of jackknife pseudovalues; null unless the design is fully crossed
     */
    public record MrmcFom(OrResult delong, OrResult jackknife, String note, OrResult unbiased, DbmResult dbm) {

        /** Without the fully crossed analyses. */
        public MrmcFom(OrResult delong, OrResult jackknife, String note) {
            this(delong, jackknife, note, null, null);
        }
    }
}
