package org.dermread.analysis.report;

import java.util.List;
import java.util.Optional;
import org.dermread.stats.OrResult;
import org.dermread.stats.StudyReport;

/**
 * One MRMC figure of merit as a reader study reports it: the later phase minus the earlier (AI-assisted - unaided,
 * so an improvement is positive), from the Obuchowski-Rockette analysis with readers and cases random and Hillis
 * (2007) degrees of freedom, jackknife covariances where available, else DeLong's.
 *
 * @param first       the earlier phase's reader-averaged figure (e.g. unaided)
 * @param second      the later phase's (e.g. AI-assisted)
 * @param difference  second - first, with its CI
 * @param unavailable why there is no analysis (the statistics' note), else null
 */
public record MrmcSummary(String firstPhase, String secondPhase, double first, double second, double difference,
        double lower, double upper, double df1, double df2, double statistic, double p, String covariance,
        String unavailable) {

    /** The summary of a figure of merit; the statistics' note when it could not be analysed. */
    public static MrmcSummary of(StudyReport.MrmcFom fom, List<String> modalities) {
        OrResult or = fom == null ? null : fom.jackknife() != null ? fom.jackknife() : fom.delong();
        String firstPhase = modalities.isEmpty() ? "" : modalities.get(0);
        String secondPhase = modalities.size() < 2 ? "" : modalities.get(1);
        if (or == null) {
            String note = fom == null || fom.note() == null ? "" : fom.note();
            return new MrmcSummary(firstPhase, secondPhase, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, note);
        }
        OrResult.OrTest test = or.randomReadersRandomCases();
        double first = single(test, firstPhase);
        double second = single(test, secondPhase);
        Optional<OrResult.Difference> d = test.differences().stream()
                .filter(x -> (x.modalityA().equals(firstPhase) && x.modalityB().equals(secondPhase))
                        || (x.modalityA().equals(secondPhase) && x.modalityB().equals(firstPhase))).findFirst();
        double difference = Double.NaN;
        double lower = Double.NaN;
        double upper = Double.NaN;
        double p = test.p();
        if (d.isPresent()) {
            // The statistics give a - b; the report gives second - first.
            boolean flip = d.get().modalityA().equals(firstPhase);
            difference = flip ? -d.get().estimate() : d.get().estimate();
            lower = flip ? -d.get().upper() : d.get().lower();
            upper = flip ? -d.get().lower() : d.get().upper();
            p = d.get().p();
        }
        return new MrmcSummary(firstPhase, secondPhase, first, second, difference, lower, upper, test.df1(),
                test.df2(), test.statistic(), p, or.covarianceMethod().name(), null);
    }

    private static double single(OrResult.OrTest test, String modality) {
        return test.singleModality().stream().filter(s -> s.modality().equals(modality))
                .mapToDouble(OrResult.SingleModality::estimate).findFirst()
                .orElse(Double.NaN);
    }

    /** Whether the random-reader test could be computed (it needs two readers and some variation). */
    public boolean tested() {
        return unavailable == null && Double.isFinite(statistic) && Double.isFinite(p);
    }
}
