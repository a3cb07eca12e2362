package kspec.manifold.knn;

/**
 * What {@link NearestNeighbors#search} does with exactly repeated rows (bit-for-bit equal after
 * identifying {@code -0.0} with {@code 0.0}). Repeated rows put zero distances into the neighbour
 * table, and every nearest-neighbour dimension estimator divides by or takes the logarithm of
 * those distances. Duplicates are detected under every policy and counted in
 * {@link NeighborTable#duplicateRows()}.
 */
public enum DuplicatePolicy {

    /**
     * Keep the first copy of every repeated row and drop the others from the search (they are
     * neither queries nor neighbours). The table then has one row per distinct point; the dropped
     * count is reported. The right choice for intrinsic-dimension estimation, and the default.
     */
    DROP,

    /**
     * Keep every row but move each repeated copy (not the first) by isotropic Gaussian jitter of
     * standard deviation {@code jitter × rms}, where rms is the root-mean-square coordinate
     * deviation of the data. The jitter is seeded. The copies then form tiny clusters whose
     * ratios T₂/T₁ are huge, which biases nearest-neighbour dimension estimates <b>low</b>; use it
     * only when every input row must keep a neighbour list.
     */
    PERTURB,

    /**
     * Keep every row unchanged: the table contains exact zero distances, and the estimators drop
     * the points whose statistics they make undefined (reported in {@code IdEstimate.dropped}).
     */
    KEEP
}
