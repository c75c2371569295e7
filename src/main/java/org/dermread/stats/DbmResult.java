package org.dermread.stats;

import java.util.List;

/**
 * Dorfman-Berbaum-Metz analysis of one figure of merit: the treatment x reader x case ANOVA of jackknife pseudovalues
 * (Dorfman, Berbaum &amp; Metz 1992, Invest Radiol 27:723) with the Hillis (2007) denominator degrees of freedom, as
 * OR-DBM MRMC 2.51 and JAFROC 4.2 print it. The estimates, differences (modality a - b) and intervals are on the scale
 * of the figure of merit.
 *
 * @param cases          c, the cases the pseudovalues are taken over (all for AUC and accuracy, positives for
 *                       sensitivity, negatives for specificity)
 * @param readerFom      theta[modality][reader]
 * @param modalityFom    reader-averaged theta per modality
 * @param anova          the treatment x reader x case ANOVA
 * @param modalityAnova  the reader x case ANOVA of each modality (single-modality intervals)
 * @param readerAnova    the treatment x case ANOVA of each reader (fixed readers, per reader)
 * @param components     the DBM variance components
 * @param randomReadersRandomCases  F = MS(T)/[MS(TR) + max(MS(TC) - MS(TRC), 0)] with Hillis' ddf
 * @param fixedReadersRandomCases   F = MS(T)/MS(TC) on (t-1, (t-1)(c-1)) df
 * @param randomReadersFixedCases   F = MS(T)/MS(TR) on (t-1, (t-1)(r-1)) df
 * @param readerDifferences         fixed readers: each reader's modality differences, t on c - 1 df
 */
public record DbmResult(FigureOfMerit figureOfMerit, List<String> modalities, List<String> readers, int cases,
                        double[][] readerFom, double[] modalityFom, Anova anova, List<ModalityAnova> modalityAnova,
                        List<ReaderAnova> readerAnova, VarianceComponents components,
                        OrResult.OrTest randomReadersRandomCases, OrResult.OrTest fixedReadersRandomCases,
                        OrResult.OrTest randomReadersFixedCases, List<ReaderDifference> readerDifferences) {

    public DbmResult {
        modalities = List.copyOf(modalities);
        readers = List.copyOf(readers);
        modalityAnova = List.copyOf(modalityAnova);
        readerAnova = List.copyOf(readerAnova);
        readerDifferences = List.copyOf(readerDifferences);
    }

    /** One source of the ANOVA: sum of squares, degrees of freedom, mean square. */
    public record Source(double sumOfSquares, double df, double meanSquare) {
    }

    /** The treatment x reader x case ANOVA of the pseudovalues. */
    public record Anova(Source treatment, Source reader, Source cases, Source treatmentReader,
                        Source treatmentCase, Source readerCase, Source treatmentReaderCase) {
    }

    /** A modality's reader x case ANOVA: MS(R), MS(C), MS(RC). */
    public record ModalityAnova(String modality, double msReader, double msCase, double msReaderCase) {
    }

    /** A reader's treatment x case ANOVA: MS(T), MS(C), MS(TC). */
    public record ReaderAnova(String reader, double msTreatment, double msCase, double msTreatmentCase) {
    }

    /**
     * DBM variance components (ANOVA estimates, may be negative): Var(R) = [MS(R) - MS(TR) - MS(RC) + MS(TRC)]/(t c),
     * Var(C) = [MS(C) - MS(TC) - MS(RC) + MS(TRC)]/(t r), Var(TR) = [MS(TR) - MS(TRC)]/c, Var(TC) = [MS(TC) -
     * MS(TRC)]/r, Var(RC) = [MS(RC) - MS(TRC)]/t, Var(TRC) + Var(error) = MS(TRC) (Hillis et al. 2005, Stat Med
     * 24:1579, table I).
     */
    public record VarianceComponents(double reader, double cases, double treatmentReader, double treatmentCase,
                                     double readerCase, double treatmentReaderCaseAndError) {
    }

    /** One reader's difference between two modalities (fixed readers: t on c - 1 df from its MS(TC)). */
    public record ReaderDifference(String reader, OrResult.Difference difference) {
    }
}
