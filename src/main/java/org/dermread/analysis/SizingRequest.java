package org.dermread.analysis;

import org.dermread.stats.CovarianceMethod;
import org.dermread.stats.FigureOfMerit;

/**
 * A sizing asked for on the results page, as the CLI's {@code size} command takes it: the figure of merit of the
 * study's MRMC comparison used as the pilot (overall accuracy, or a class's AUC, sensitivity or specificity), the
 * covariance method of its OR analysis, the expected difference between the modalities, the target power and the
 * two-sided significance level.
 *
 * @param code the class (or group) code; null for accuracy
 */
public record SizingRequest(FigureOfMerit figure, String code, CovarianceMethod covariance, double effect,
                            double power, double alpha) {

    public SizingRequest {
        if (figure == null || covariance == null) {
            throw new IllegalArgumentException("a sizing needs a figure of merit and a covariance method");
        }
        if ((figure == FigureOfMerit.PROPORTION) != (code == null)) {
            throw new IllegalArgumentException(figure == FigureOfMerit.PROPORTION ? "accuracy has no class"
                    : figure + " needs a class");
        }
        if (!(effect != 0 && Double.isFinite(effect))) {
            throw new IllegalArgumentException("the expected difference must be a non-zero number");
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("the target power must lie between 0 and 1");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie between 0 and 1");
        }
    }
}
