package org.dermread.analysis;

import java.util.List;
import org.dermread.stats.StudySizing;

/**
 * A study sizing from this study used as the pilot (Hillis, Obuchowski &amp; Berbaum 2011), or why there is none.
 *
 * @param request      what was asked for
 * @param unavailable  why the study cannot be the pilot, null when it can
 * @param detail       the statistics' own words for {@link Unavailable#NOT_ESTIMATED} (English), else null
 * @param modalities   the pilot's modalities a and b (empty when unavailable)
 * @param readers      readers in the pilot's analysis
 * @param modalityFom  the reader-averaged figure of merit in a and in b (empty when unavailable)
 * @param pilot        the variance components the sizing uses (null when unavailable)
 * @param designs      per reader count, the fewest cases for the target power (cases -1: none up to
 *                     {@link StudySizing#DEFAULT_MAX_CASES})
 */
public record SizingResult(SizingRequest request, Unavailable unavailable, String detail, List<String> modalities,
                           int readers, List<Double> modalityFom, StudySizing.Pilot pilot,
                           List<StudySizing.Design> designs) {

    public SizingResult {
        modalities = List.copyOf(modalities);
        modalityFom = List.copyOf(modalityFom);
        designs = List.copyOf(designs);
    }

    /** Why a study cannot be the pilot of a sizing. */
    public enum Unavailable {
        /** The study has no two phases to compare (no aided phase, or one of them has no answers). */
        NO_COMPARISON,
        /** Fewer than two readers read in both phases: the reader variance cannot be estimated. */
        TOO_FEW_READERS,
        /** The chosen figure has no analysis of that kind (too few cases, not fully crossed, degenerate df). */
        NOT_ESTIMATED
    }

    static SizingResult unavailable(SizingRequest request, Unavailable why, String detail) {
        return new SizingResult(request, why, detail, List.of(), 0, List.of(), null, List.of());
    }
}
