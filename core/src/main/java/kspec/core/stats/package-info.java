/**
 * Statistics shared by the estimators of the other modules: quantiles, medians, standard deviations,
 * the 95% normal quantile, and seeded row draws for bootstraps and subsampling.
 *
 * <p>Start from {@link kspec.core.stats.Stats} for the helpers and {@link kspec.core.stats.Resampling}
 * for reproducible resampling (replicate r of seed s always draws the same rows).
 */
package kspec.core.stats;
