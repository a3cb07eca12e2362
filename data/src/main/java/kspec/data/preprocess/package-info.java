/**
 * Explicit, recorded preprocessing of a data set, in a fixed order: non-finite values, seeded subset
 * (optionally stratified), scale, centre, standardise, projection onto a sphere.
 *
 * <p>Start from {@link kspec.data.preprocess.Preprocessing#apply}; every step it takes is appended to
 * the data set's provenance. The {@code sqrt-dim} sphere projection gives the neural-tangents input
 * convention (docs/kernels.md §1).
 */
package kspec.data.preprocess;
