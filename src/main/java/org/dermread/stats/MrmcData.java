package org.dermread.stats;

import java.util.List;

/**
 * Multi-reader multi-case ratings: {@code ratings[modality][reader][case]}, NaN where that reader did not read that
 * case in that modality (designs need not be fully crossed).
 *
 * @param modalities modality names, in order
 * @param readers    reader ids, in order
 * @param caseIds    case ids, in order
 * @param truth      true status of each case (true = positive / diseased)
 * @param ratings    ratings by modality, reader and case
 */
public record MrmcData(List<String> modalities, List<String> readers, List<String> caseIds, boolean[] truth,
                       double[][][] ratings) {

    public MrmcData {
        boolean trusted = TRUSTED.get();
        modalities = List.copyOf(modalities);
        readers = List.copyOf(readers);
        caseIds = List.copyOf(caseIds);
        truth = truth.clone();
        if (truth.length != caseIds.size()) {
            throw new IllegalArgumentException("one truth value per case is needed");
        }
        if (ratings.length != modalities.size()) {
            throw new IllegalArgumentException("one rating block per modality is needed");
        }
        double[][][] copy = new double[ratings.length][][];
        for (int i = 0; i < ratings.length; i++) {
            if (ratings[i].length != readers.size()) {
                throw new IllegalArgumentException("one rating row per reader is needed");
            }
            copy[i] = new double[ratings[i].length][];
            for (int j = 0; j < ratings[i].length; j++) {
                if (ratings[i][j].length != caseIds.size()) {
                    throw new IllegalArgumentException("one rating per case is needed (NaN if not read)");
                }
                copy[i][j] = trusted ? ratings[i][j] : ratings[i][j].clone();
            }
        }
        ratings = copy;
    }

    /** Set while {@link #sharing} constructs: the rating rows are taken as they are. */
    private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * The same data without copying the rating rows, for callers in this package that build them for one analysis and
     * never modify them afterwards (the study's MRMC comparison builds 25 data sets of 2 x 280 x 1,000 ratings; copying
     * them doubled what it allocated). Rows may be shared between data sets.
     */
    static MrmcData sharing(List<String> modalities, List<String> readers, List<String> caseIds, boolean[] truth,
                            double[][][] ratings) {
        TRUSTED.set(Boolean.TRUE);
        try {
            return new MrmcData(modalities, readers, caseIds, truth, ratings);
        } finally {
            TRUSTED.set(Boolean.FALSE);
        }
    }

    double rating(int modality, int reader, int c) {
        return ratings[modality][reader][c];
    }

    /** The ratings of one reader in one modality (shared, not to be modified). */
    double[] ratingRow(int modality, int reader) {
        return ratings[modality][reader];
    }

    boolean positive(int c) {
        return truth[c];
    }

    @Override
    public boolean[] truth() {
        return truth.clone();
    }

    @Override
    public double[][][] ratings() {
        double[][][] copy = new double[ratings.length][][];
        for (int i = 0; i < ratings.length; i++) {
            copy[i] = new double[ratings[i].length][];
            for (int j = 0; j < ratings[i].length; j++) {
                copy[i][j] = ratings[i][j].clone();
            }
        }
        return copy;
    }
}
