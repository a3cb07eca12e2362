/**
 * Statistics shared by the estimators of the other modules: quantiles, medians, standard deviations,
 * the 95% normal quantile, seeded row draws for bootstraps and subsampling, and the named seed streams
 * of a run.
 *
 * <p>Start from {@link kspec.core.stats.Stats} for the helpers, {@link kspec.core.stats.Resampling}
 * for reproducible resampling (replicate r of seed s always draws the same rows) and
 * {@link kspec.core.stats.SeedStream} for the seed each random choice of a run draws from.
 */
package kspec.core.stats;
