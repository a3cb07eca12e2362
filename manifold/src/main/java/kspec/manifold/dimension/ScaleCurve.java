package kspec.manifold.dimension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import kspec.manifold.knn.DuplicatePolicy;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.NeighborTable;
import org.ejml.data.DMatrixRMaj;

/**
 * An intrinsic-dimension estimate as a function of the length scale probed, because real data have
 * different dimensions at different scales (noise at the smallest, curvature and the global shape
 * at the largest). Each entry is an {@link IdEstimate} whose {@code scale} says where it looked;
 * entries are sorted by scale, ascending.
 *
 * <ul>
 * <li>{@link #twoNnDecimation}: TwoNN on random subsets of n/2^j points, j = 0, 1, …; fewer points
 * are farther apart, so the scale grows by about 2^(1/d) per halving (Facco et al. 2017's scale check).</li>
 * <li>{@link #gride}: GRIDE over neighbour ranks (n₁, n₂) = (1, 2), (2, 4), (4, 8), … on the full
 * data (Denti et al. 2022).</li>
 * </ul>
 *
 * @param method    {@link IntrinsicDimension.Method#TWONN} or {@link IntrinsicDimension.Method#GRIDE}
 * @param estimates the estimates, ascending in scale (copied, unmodifiable)
 */
public record ScaleCurve(IntrinsicDimension.Method method, List<IdEstimate> estimates) {

    public ScaleCurve {
        Objects.requireNonNull(method, "method");
        estimates = List.copyOf(estimates);
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("a scale curve needs at least one estimate");
        }
    }

    /**
     * TwoNN under decimation: level j uses one random subset of ⌊n/2^j⌋ points (nested subsets of
     * one seeded permutation), down to {@code minPoints}. Each level runs its own exact 2-NN search
     * (a level costs about 4^(−j) of the full search).
     *
     * @param points    n × dim. Not modified.
     * @param minPoints smallest subset size, ≥ 20
     * @param fit       TwoNN options (the fit and its error bars)
     * @param seed      subset seed
     * @return the curve; each estimate's params carry {@code decimation} (2^j) and {@code subset}
     */
    public static ScaleCurve twoNnDecimation(DMatrixRMaj points, int minPoints, TwoNn.Options fit, long seed) {
        return twoNnDecimation(points, NearestNeighbors.search(points, 2, DuplicatePolicy.DROP), minPoints, fit, seed);
    }

    /**
     * As {@link #twoNnDecimation(DMatrixRMaj, int, TwoNn.Options, long)}, reusing a neighbour table
     * of all the points (k ≥ 2) for level 0.
     *
     * @param points n × dim. Not modified.
     * @param full   the neighbour table of {@code points}
     */
    public static ScaleCurve twoNnDecimation(DMatrixRMaj points, NeighborTable full, int minPoints, TwoNn.Options fit,
                                             long seed) {
        if (full.inputRows() != points.numRows) {
            throw new IllegalArgumentException("the neighbour table has " + full.inputRows()
                    + " input rows but the points have " + points.numRows);
        }
        if (minPoints < 20) {
            throw new IllegalArgumentException("minPoints must be >= 20, got " + minPoints);
        }
        int n = points.numRows;
        int dim = points.numCols;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        List<IdEstimate> out = new ArrayList<>();
        for (int factor = 1; n / factor >= minPoints; factor *= 2) {
            int size = n / factor;
            NeighborTable table;
            if (factor == 1) {
                table = full;
            } else {
                DMatrixRMaj subset = new DMatrixRMaj(size, dim);
                for (int i = 0; i < size; i++) {
                    System.arraycopy(points.data, perm[i] * dim, subset.data, i * dim, dim);
                }
                table = NearestNeighbors.search(subset, 2, DuplicatePolicy.DROP);
            }
            IdEstimate e = TwoNn.estimate(table, fit);
            Map<String, Object> params = new LinkedHashMap<>(e.params());
            params.put("decimation", factor);
            params.put("subset", size);
            out.add(new IdEstimate(e.method(), e.dimension(), e.scale(), params, e.dropped() + (n - size), e.used()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("n = " + n + " points are fewer than minPoints = " + minPoints);
        }
        return sorted(IntrinsicDimension.Method.TWONN, out);
    }

    /**
     * GRIDE over ranks (n₁, 2n₁) for n₁ = 1, 2, 4, … while 2n₁ ≤ table.k().
     *
     * @param table neighbour table with k ≥ 2
     */
    public static ScaleCurve gride(NeighborTable table) {
        List<IdEstimate> out = new ArrayList<>();
        for (int n1 = 1; 2 * n1 <= table.k(); n1 *= 2) {
            out.add(Gride.estimate(table, n1, 2 * n1));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("a GRIDE scale curve needs a table with k >= 2, got k = " + table.k());
        }
        return sorted(IntrinsicDimension.Method.GRIDE, out);
    }

    private static ScaleCurve sorted(IntrinsicDimension.Method method, List<IdEstimate> estimates) {
        List<IdEstimate> s = new ArrayList<>(estimates);
        s.sort(Comparator.comparingDouble(IdEstimate::scale));
        return new ScaleCurve(method, s);
    }
}
