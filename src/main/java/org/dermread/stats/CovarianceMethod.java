package org.dermread.stats;

/**
 * How the case-sampling (error) covariances of the OR model are estimated.
 *
 * <ul>
 *   <li>{@code DELONG}: from DeLong et al. (1988) structural components (Hillis et al. 2005, Stat Med
 *       24:1579, section 4).</li>
 *   <li>{@code JACKKNIFE}: leave-one-case-out, Cov = (c-1)/c sum_k (theta_(k) - theta_(.))(theta'_(k) - theta'_(.))
 *       over all c cases (Efron 1982; Hillis et al. 2005), as OR-DBM MRMC and MRMCaov do.</li>
 *   <li>{@code UNBIASED}: U-statistics (Gallas 2006; Gallas et al. 2009), as iMRMC: for the AUC from the same-reader
 *       and different-reader moments ({@link UStatisticMrmc}); for proportions the sample covariances over the shared
 *       cases, which are the U-statistics of a mean. Fully crossed designs only.</li>
 * </ul>
 */
public enum CovarianceMethod {
    DELONG, JACKKNIFE, UNBIASED
}
