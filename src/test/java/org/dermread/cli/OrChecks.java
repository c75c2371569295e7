package org.dermread.cli;

import static org.dermread.stats.ReferenceValues.PROPORTION;
import static org.dermread.stats.ReferenceValues.STATISTIC;

import org.dermread.stats.OrResult;
import org.dermread.stats.ReferenceValues;

/** Compares an OR-Hillis result with the keys written by or_hillis() in generate_reference.R. */
final class OrChecks {

    private OrChecks() {
    }

    static void check(ReferenceValues expected, String prefix, OrResult or) {
        OrResult.Components k = or.components();
        expected.check(prefix + ".theta1", or.modalityFom()[0], PROPORTION);
        expected.check(prefix + ".theta2", or.modalityFom()[1], PROPORTION);
        expected.check(prefix + ".Var", k.errorVariance(), 1e-9);
        expected.check(prefix + ".Cov1", k.cov1(), 1e-9);
        expected.check(prefix + ".Cov2", k.cov2(), 1e-9);
        expected.check(prefix + ".Cov3", k.cov3(), 1e-9);
        expected.check(prefix + ".MST", k.msTreatment(), 1e-9);
        expected.check(prefix + ".MSR", k.msReader(), 1e-9);
        expected.check(prefix + ".MSTR", k.msTreatmentReader(), 1e-9);
        OrResult.OrTest rrrc = or.randomReadersRandomCases();
        expected.check(prefix + ".rrrc.F", rrrc.statistic(), STATISTIC);
        expected.check(prefix + ".rrrc.ddf", rrrc.df2(), STATISTIC);
        expected.check(prefix + ".rrrc.p", rrrc.p(), STATISTIC);
        expected.check(prefix + ".rrrc.diff", rrrc.differences().get(0).estimate(), PROPORTION);
        expected.check(prefix + ".rrrc.se", rrrc.differences().get(0).standardError(), STATISTIC);
        expected.check(prefix + ".rrrc.lower", rrrc.differences().get(0).lower(), STATISTIC);
        expected.check(prefix + ".rrrc.upper", rrrc.differences().get(0).upper(), STATISTIC);
        OrResult.OrTest frrc = or.fixedReadersRandomCases();
        expected.check(prefix + ".frrc.X2", frrc.statistic(), STATISTIC);
        expected.check(prefix + ".frrc.p", frrc.p(), STATISTIC);
        expected.check(prefix + ".frrc.se", frrc.differences().get(0).standardError(), STATISTIC);
        expected.check(prefix + ".frrc.lower", frrc.differences().get(0).lower(), STATISTIC);
        expected.check(prefix + ".frrc.upper", frrc.differences().get(0).upper(), STATISTIC);
        OrResult.OrTest rrfc = or.randomReadersFixedCases();
        expected.check(prefix + ".rrfc.F", rrfc.statistic(), STATISTIC);
        expected.check(prefix + ".rrfc.p", rrfc.p(), STATISTIC);
        expected.check(prefix + ".rrfc.se", rrfc.differences().get(0).standardError(), STATISTIC);
        expected.check(prefix + ".rrfc.lower", rrfc.differences().get(0).lower(), STATISTIC);
        for (int i = 0; i < 2; i++) {
            String s = prefix + ".single" + (i + 1);
            expected.check(s + ".se", rrrc.singleModality().get(i).standardError(), STATISTIC);
            expected.check(s + ".df", rrrc.singleModality().get(i).df(), STATISTIC);
            expected.check(s + ".lower", rrrc.singleModality().get(i).lower(), STATISTIC);
            expected.check(s + ".fixed_se", frrc.singleModality().get(i).standardError(), STATISTIC);
            expected.check(s + ".rrfc_se", rrfc.singleModality().get(i).standardError(), STATISTIC);
        }
    }
}
