/**
 * Exact Euclidean k-nearest-neighbour search for every point of a data set: a KD-tree in low
 * dimension, tiled native GEMM brute force otherwise, with a policy for exactly repeated rows.
 *
 * <p>Start from {@link kspec.manifold.knn.NearestNeighbors}; the result is a
 * {@link kspec.manifold.knn.NeighborTable} of sorted distances and indices.
 */
package kspec.manifold.knn;
