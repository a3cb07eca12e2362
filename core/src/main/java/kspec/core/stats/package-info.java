/**
 * Statistics shared by the estimators of the other modules: the one result type for a value with
 * its uncertainty, quantiles, medians, standard deviations, the 95% normal quantile, seeded row draws
 * for bootstraps and subsampling, and the named seed streams of a run.
 *
 * <p>Every estimator returns an {@link kspec.core.stats.Estimate} (value, standard error, 95% interval
 * and the {@link kspec.core.stats.IntervalMethod} that made it). Start from
 * {@link kspec.core.stats.Stats} for the helpers, {@link kspec.core.stats.Resampling} for
 * reproducible resampling (replicate r of seed s always draws the same rows) and
 * {@link kspec.core.stats.SeedStream} for the seed each random choice of a run draws from.
 */
package kspec.core.stats;
