/**
 * The data layer's value types: a {@link kspec.data.Dataset} (points as float64 rows, optional labels
 * and targets) with its {@link kspec.data.Provenance} (source, format, subset, seed, preprocessing),
 * the one-look {@link kspec.data.DatasetSummary}, and {@link kspec.data.DataException} for bad data.
 *
 * <p>Data sets are obtained from {@link kspec.data.io} (files, named data sets) or
 * {@link kspec.data.synthetic} (manifolds of known dimension), then transformed by
 * {@link kspec.data.preprocess}.
 */
package kspec.data;
