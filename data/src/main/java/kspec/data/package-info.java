/**
 * The data layer's value types: a {@link kspec.data.Dataset} (points as float64 rows, optional labels
 * and targets) with its {@link kspec.data.Provenance} (source, format, subset, seed, preprocessing),
 * the one-look {@link kspec.data.DatasetSummary}, and {@link kspec.data.DataException} for bad data.
 *
 * <p>Start from {@link kspec.data.Datasets#open}, which opens a file or a named data set
 * ({@link kspec.data.io}) or samples a manifold of known dimension ({@link kspec.data.synthetic}) from
 * one string; then transform with {@link kspec.data.preprocess}.
 */
package kspec.data;
