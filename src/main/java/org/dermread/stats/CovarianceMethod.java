package org.dermread.stats;

/**
 * How the case-sampling (error) covariances of the OR model are estimated.
 *
 * <ul>
 *   <li>{@code DELONG}: from DeLong et al. (1988) structural components (Hillis et al. 2005, Stat Med
 *       24:1579, section 4).</li>
 *   <li>{@code JACKKNIFE}: leave-one-case-out, Cov = (c-1)/c sum_k (theta_(k) - theta_(.))(theta'_(k) - theta'_(.))
 *       over all c cases (Efron 1982; Hillis et al. 2005), as OR-DBM MRMC and MRMCaov do.</li>
 * </ul>
 */
public enum CovarianceMethod {
    DELONG, JACKKNIFE
}
