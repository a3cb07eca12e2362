/**
 * Readers and writers: NPY (versions 1–3, every common dtype, C or Fortran order), IDX (the MNIST
 * family, plain or gzip) and CSV, plus named data sets such as {@code fashion-mnist:train}.
 *
 * <p>Start from {@link kspec.data.io.DatasetReader#read}, which detects the format and records the
 * provenance; {@link kspec.data.io.NamedDatasets} resolves names; {@link kspec.data.io.NpyWriter} and
 * {@link kspec.data.io.CsvWriter} write results, through {@link kspec.data.io.AtomicFiles} so that a
 * failed write never leaves a partial file.
 */
package kspec.data.io;
