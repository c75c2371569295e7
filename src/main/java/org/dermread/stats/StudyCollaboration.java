package org.dermread.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collaboration part of {@link StudyAnalyzer}: maps a study whose readers have arms onto
 * {@link CollaborationAnalysis} (unaided phase against the aided phase of each reader, the AI's top-1 answer per
 * case) and its result onto {@link StudyReport.CollaborationReport}, with an Obuchowski-Rockette comparison of the
 * two phases among each arm's readers.
 */
final class StudyCollaboration {

    static final String UNAIDED = "unaided";
    static final String AIDED = "aided";

    static final String METHOD = "Per arm, each figure is the mean over the arm's readers of the reader's figure on the"
            + " cases read in both phases. Intervals: two-way percentile bootstrap, cases resampled (shared by all"
            + " arms) and readers resampled within their arm (readers nested in arms). Between arms: the difference"
            + " in mean gain with the percentile interval of the same replicates and a two-sided Wald test on their"
            + " standard deviation (z = difference / SE). Per arm MRMC: Obuchowski-Rockette with Hillis degrees of"
            + " freedom, aided against unaided among the arm's readers.";

    static final List<String> REFERENCES = List.of(
            "Tschandl P, Rinner C, Apalla Z, et al. Human-computer collaboration for skin cancer recognition."
                    + " Nat Med 2020;26:1229-1234. doi:10.1038/s41591-020-0942-0",
            "Beiden SV, Wagner RF, Campbell G. Components-of-variance models and multiple-bootstrap experiments:"
                    + " an alternative method for random-effects, receiver operating characteristic analysis."
                    + " Acad Radiol 2000;7:341-349",
            "Efron B, Tibshirani RJ. An Introduction to the Bootstrap. Chapman & Hall, 1993 (ch. 6, 13, 16)",
            "Obuchowski NA, Rockette HE. Hypothesis testing of diagnostic accuracy for multiple readers and multiple"
                    + " tests: an ANOVA approach with dependent observations. Commun Stat Simul Comput"
                    + " 1995;24:285-308; Hillis SL. A comparison of denominator degrees of freedom methods for"
                    + " multiple observer ROC analysis. Stat Med 2007;26:596-619");

    private StudyCollaboration() {
    }

    /**
     * The collaboration analysis, or null when no reader has an arm, or (with a warning saying why) when the study
     * lacks the unaided or aided phase, AI predictions or readers who read both phases in an arm.
     */
    static StudyReport.CollaborationReport report(StudyData study, AnalysisSettings settings, List<String> warnings) {
        List<StudyReader> readers = study.readers();
        if (readers.stream().allMatch(r -> r.arm().isEmpty())) {
            return null;
        }
        PhaseReadings unaided = phase(study, UNAIDED);
        PhaseReadings aided = phase(study, AIDED);
        if (unaided == null || aided == null) {
            warnings.add("collaboration: readers have arms but the study has no " + (unaided == null ? UNAIDED : AIDED)
                    + " phase with answers; no collaboration analysis");
            return null;
        }
        int cases = study.caseIds().size();
        int[] aiTop1 = new int[cases];
        int predicted = 0;
        for (int c = 0; c < cases; c++) {
            aiTop1[c] = study.aiPredicted(c) ? study.aiLabel(c) : -1;
            predicted += aiTop1[c] >= 0 ? 1 : 0;
        }
        if (predicted == 0) {
            warnings.add("collaboration: readers have arms but the study has no AI predictions; no collaboration"
                    + " analysis");
            return null;
        }
        Map<Integer, ReaderReadings> before = byReader(unaided);
        Map<Integer, ReaderReadings> after = byReader(aided);

        // Arms in the order of arms.csv, then any arm a reader names that the study does not define.
        Map<String, StudyArm> arms = new LinkedHashMap<>();
        study.arms().forEach(arm -> arms.put(arm.code(), arm));
        readers.stream().map(StudyReader::arm).filter(a -> !a.isEmpty() && !arms.containsKey(a)).distinct()
                .forEach(a -> arms.put(a, null));
        List<Integer> selected = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<String> armless = new ArrayList<>();
        for (String code : arms.keySet()) {
            int inArm = 0;
            for (int j = 0; j < readers.size(); j++) {
                if (!readers.get(j).arm().equals(code)) {
                    continue;
                }
                if (before.containsKey(j) && after.containsKey(j)) {
                    selected.add(j);
                    inArm++;
                } else {
                    incomplete.add(readers.get(j).id());
                }
            }
            if (inArm == 0) {
                warnings.add("collaboration: arm " + code + " has no reader who answered in both phases");
            }
        }
        for (int j = 0; j < readers.size(); j++) {
            if (readers.get(j).arm().isEmpty() && (before.containsKey(j) || after.containsKey(j))) {
                armless.add(readers.get(j).id());
            }
        }
        if (!incomplete.isEmpty()) {
            warnings.add("collaboration: readers who did not answer in both phases are left out: " + incomplete);
        }
        if (!armless.isEmpty()) {
            warnings.add("collaboration: readers without an arm are left out: " + armless);
        }
        if (selected.isEmpty()) {
            return null;
        }

        ExperienceGroups experience = new ExperienceGroups(settings.experienceCutPoints());
        List<String> groupNames = experience.names();
        int r = selected.size();
        String[] armOf = new String[r];
        String[] groupOf = new String[r];
        List<ReaderReadings> first = new ArrayList<>();
        List<ReaderReadings> second = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            int j = selected.get(i);
            StudyReader reader = readers.get(j);
            armOf[i] = reader.arm();
            double years = AnalysisSettings.YEARS_DERMOSCOPY.equals(settings.experienceField())
                    ? reader.yearsDermoscopy() : reader.yearsDermatology();
            groupOf[i] = groupNames.get(experience.groupOf(years));
            first.add(renumbered(before.get(j), i));
            second.add(renumbered(after.get(j), i));
        }
        CollaborationAnalysis.Result result = CollaborationAnalysis.analyze(study.labels().size(), study.truth(),
                aiTop1, first, second, armOf, groupOf, settings.bootstrapReplicates(), settings.seed(),
                settings.confidenceLevel());

        List<StudyReport.ArmReport> armReports = new ArrayList<>();
        for (CollaborationAnalysis.ArmResult arm : result.arms()) {
            List<String> ids = new ArrayList<>();
            List<StudyReport.ReaderChanges> readerChanges = new ArrayList<>();
            for (Map.Entry<Integer, AnswerChanges> e : arm.changes().entrySet()) {
                int i = e.getKey();
                AnswerChanges ch = e.getValue();
                String id = readers.get(selected.get(i)).id();
                ids.add(id);
                readerChanges.add(new StudyReport.ReaderChanges(id, groupOf[i], ch, ch.unaidedAccuracy(),
                        ch.aidedAccuracy(), ch.gain(), ch.reliance(), ch.overReliance()));
            }
            List<StudyReport.GroupGain> groups = new ArrayList<>();
            for (String g : groupNames) {
                long members = arm.changes().keySet().stream().filter(i -> groupOf[i].equals(g)).count();
                if (members > 0) {
                    groups.add(new StudyReport.GroupGain(g, (int) members, interval(arm.gainByGroup().get(g))));
                }
            }
            List<StudyReport.ClassGain> perClass = arm.classGains().stream()
                    .map(c -> new StudyReport.ClassGain(study.labels().get(c.label()),
                            interval(c.sensitivityGain()), interval(c.specificityGain())))
                    .toList();
            StudyArm definition = arms.get(arm.arm());
            StudyReport.ArmHelp help = definition == null ? null : new StudyReport.ArmHelp(definition.top1(),
                    definition.probabilities(), definition.malignancy(), definition.similarCases(),
                    definition.similarK(), definition.saliency());
            List<String> mrmcWarnings = new ArrayList<>();
            StudyReport.MrmcReport mrmc = armMrmc(study, settings, unaided, aided,
                    arm.changes().keySet().stream().map(selected::get).toList(), mrmcWarnings);
            mrmcWarnings.forEach(w -> warnings.add("collaboration: arm " + arm.arm() + ": " + w));
            armReports.add(new StudyReport.ArmReport(arm.arm(), definition == null ? arm.arm() : definition.name(),
                    help, arm.readers(), ids, interval(arm.unaidedAccuracy()), interval(arm.aidedAccuracy()),
                    interval(arm.gain()), interval(arm.balancedAccuracyGain()), perClass, groups,
                    interval(arm.reliance()), interval(arm.overReliance()),
                    interval(arm.accuracyOnAiWrongUnaided()), interval(arm.accuracyOnAiWrongAided()),
                    AnswerChanges.sum(arm.changes().values()), readerChanges,
                    switching(study.truth(), aiTop1, arm.changes().keySet().stream().map(i -> first.get(i)).toList(),
                            arm.changes().keySet().stream().map(i -> second.get(i)).toList()), mrmc));
        }
        List<StudyReport.ArmDifference> differences = new ArrayList<>();
        for (CollaborationAnalysis.ArmDifference d : result.differences()) {
            // the analysis gives second minus first; the report, as every difference in metrics.json, a minus b
            CollaborationAnalysis.Estimate e = d.gainDifference();
            double value = -e.value();
            double se = d.standardError();
            differences.add(new StudyReport.ArmDifference(d.first(), d.second(),
                    new StudyReport.Interval(value, -e.upper(), -e.lower()), se,
                    se > 0 ? value / se : Double.NaN, d.p()));
        }
        return new StudyReport.CollaborationReport(unaided.phase(), aided.phase(), settings.confidenceLevel(),
                settings.bootstrapReplicates(), settings.seed(), METHOD, REFERENCES, armReports, differences);
    }

    /** The switching diagram's counts: [AI right, AI wrong] x (unaided right?, aided right?), cases read twice. */
    private static List<StudyReport.Switching> switching(int[] truth, int[] aiTop1, List<ReaderReadings> unaided,
            List<ReaderReadings> aided) {
        int[][] n = new int[2][4];
        for (int r = 0; r < unaided.size(); r++) {
            int[] before = AnswerChanges.answersByCase(truth.length, unaided.get(r));
            int[] after = AnswerChanges.answersByCase(truth.length, aided.get(r));
            for (int c = 0; c < truth.length; c++) {
                if (before[c] < 0 || after[c] < 0 || aiTop1[c] < 0) {
                    continue;
                }
                int cell = (before[c] == truth[c] ? 0 : 2) + (after[c] == truth[c] ? 0 : 1);
                n[aiTop1[c] == truth[c] ? 0 : 1][cell]++;
            }
        }
        return List.of(new StudyReport.Switching("right", n[0][0], n[0][1], n[0][2], n[0][3]),
                new StudyReport.Switching("wrong", n[1][0], n[1][1], n[1][2], n[1][3]));
    }

    /** Aided against unaided among some readers: the study's MRMC on those readers' readings of the two phases. */
    private static StudyReport.MrmcReport armMrmc(StudyData study, AnalysisSettings settings, PhaseReadings unaided,
            PhaseReadings aided, List<Integer> members, List<String> warnings) {
        List<PhaseReadings> phases = List.of(only(unaided, members), only(aided, members));
        StudyData arm = new StudyData(study.labels(), study.caseIds(), study.truth(), study.readers(), phases,
                study.aiProbabilities(), study.arms());
        AnalysisSettings two = new AnalysisSettings(settings.bootstrapReplicates(), settings.seed(),
                settings.experienceCutPoints(), settings.experienceField(), List.of(unaided.phase(), aided.phase()),
                settings.confidenceLevel(), settings.specificityTargets(), settings.sensitivityTargets(), null);
        return StudyMrmc.report(arm, two, warnings);
    }

    private static PhaseReadings only(PhaseReadings phase, List<Integer> members) {
        return new PhaseReadings(phase.phase(),
                phase.readers().stream().filter(rr -> members.contains(rr.reader())).toList());
    }

    private static PhaseReadings phase(StudyData study, String name) {
        return study.phases().stream().filter(p -> p.phase().equalsIgnoreCase(name))
                .filter(p -> p.readers().stream().anyMatch(rr -> rr.size() > 0)).findFirst().orElse(null);
    }

    private static Map<Integer, ReaderReadings> byReader(PhaseReadings phase) {
        Map<Integer, ReaderReadings> map = new LinkedHashMap<>();
        for (ReaderReadings rr : phase.readers()) {
            if (rr.size() > 0) {
                map.put(rr.reader(), rr);
            }
        }
        return map;
    }

    private static ReaderReadings renumbered(ReaderReadings rr, int reader) {
        return new ReaderReadings(reader, rr.cases(), rr.labels(), rr.confidences());
    }

    private static StudyReport.Interval interval(CollaborationAnalysis.Estimate e) {
        return e == null ? new StudyReport.Interval(Double.NaN, Double.NaN, Double.NaN)
                : new StudyReport.Interval(e.value(), e.lower(), e.upper());
    }
}
