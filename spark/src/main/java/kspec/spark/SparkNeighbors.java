package kspec.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import kspec.core.linalg.Blas;
import kspec.manifold.knn.KBestLists;
import kspec.manifold.knn.NearestNeighbors;
import kspec.manifold.knn.PairwiseDistances;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.ejml.data.DMatrixRMaj;
import scala.Tuple2;

/**
 * Exact Euclidean k nearest neighbours of every point on Spark, as a {@link NearestNeighbors.Engine}:
 * {@code NearestNeighbors.search(points, k, policy, SparkNeighbors.of(sc), seed)} gives the same
 * input checks, duplicate handling and {@code NeighborTable} as the in-process search, which then
 * feeds the intrinsic-dimension estimators unchanged.
 *
 * <p><b>Scheme.</b> The points are broadcast once and cut into g groups ({@link GroupPairs}); each
 * unordered group pair (H, L) is one task, which walks tile pairs of at most {@value #TILE} rows:
 * one GEMM X<sub>I</sub>X<sub>J</sub><sup>T</sup> per tile pair gives
 * ‖x<sub>i</sub> − x<sub>j</sub>‖² = ‖x<sub>i</sub>‖² + ‖x<sub>j</sub>‖² − 2x<sub>i</sub>·x<sub>j</sub>,
 * offered to the k-best lists of both rows ({@link KBestLists}; for H = L only the upper tile
 * triangle). The task emits its lists per group; lists of the same group are merged by exact
 * (d², index) comparisons ({@code reduceByKey}), which is associative and commutative, so the
 * result does not depend on task order or retries. The driver collects n × k candidates and turns
 * them into distances as the in-process GEMM search does (small ones recomputed directly, so exact
 * repeats give 0).
 *
 * <p><b>Cost:</b> n²·d flops over g(g + 1)/2 tasks; broadcast n·d·8 bytes; shuffled about
 * g·n·k·12 bytes; collected n·k·12 bytes; per task 2n/g·k·12 bytes of lists.
 */
public final class SparkNeighbors implements NearestNeighbors.Engine {

    /** Rows per tile: a 1024 × 1024 inner-product tile is 8 MB. */
    static final int TILE = 1024;

    private final JavaSparkContext sc;
    private final int groups;
    private final TaskHook hook;

    private SparkNeighbors(JavaSparkContext sc, int groups, TaskHook hook) {
        this.sc = sc;
        this.groups = groups;
        this.hook = hook;
    }

    /** An engine with as many groups as {@link GroupPairs#groupsFor} gives for the context's parallelism. */
    public static SparkNeighbors of(JavaSparkContext sc) {
        return new SparkNeighbors(sc, 0, TaskHook.NONE);
    }

    /**
     * @param groups g ≥ 1 (at most the number of points is used)
     * @param hook   called at the start of every task
     */
    public static SparkNeighbors of(JavaSparkContext sc, int groups, TaskHook hook) {
        if (groups < 1) {
            throw new IllegalArgumentException("need at least one group, got " + groups);
        }
        return new SparkNeighbors(sc, groups, hook == null ? TaskHook.NONE : hook);
    }

    @Override
    public String name() {
        return "spark-gemm";
    }

    @Override
    public void search(DMatrixRMaj x, int k, int[] indices, double[] distances) {
        int m = x.numRows;
        int d = x.numCols;
        int g = groups > 0 ? Math.min(groups, m) : GroupPairs.groupsFor(m, sc.defaultParallelism(), 1);
        GroupPairs pairs = GroupPairs.of(m, g);
        TaskHook h = hook;
        Broadcast<double[][]> bx = sc.broadcast(pairs.split(x.data, d));
        List<Tuple2<Integer, KBestLists>> lists;
        try {
            lists = sc.parallelize(IntStream.range(0, pairs.pairs()).boxed().toList(), pairs.pairs())
                    .flatMapToPair(p -> neighbours(pairs, p, bx.value(), d, k, h))
                    .reduceByKey(KBestLists::mergedWith, Math.max(1, Math.min(g, sc.defaultParallelism())))
                    .collect();
        } finally {
            bx.destroy();
        }
        for (Tuple2<Integer, KBestLists> group : lists) {
            group._2().copyTo(pairs.start(group._1()), indices, distances);
        }
        double[] norms = PairwiseDistances.squaredNorms(x);
        for (int i = 0; i < m; i++) {
            KBestLists.refine(x, norms, k, i, indices, distances);
        }
    }

    /** One task: the k-best lists of group pair p's rows over the candidates of that pair, per group. */
    private static Iterator<Tuple2<Integer, KBestLists>> neighbours(GroupPairs pairs, int p, double[][] groupsX, int d,
                                                                    int k, TaskHook hook) {
        hook.beforeTask(p);
        ExecutorBlas.oneThreadPerTask();
        int h = pairs.high(p);
        int l = pairs.low(p);
        // local rows: the low group first, then the high one, so local order is global order
        int lowRows = pairs.size(l);
        int rows = h == l ? lowRows : lowRows + pairs.size(h);
        DMatrixRMaj local = new DMatrixRMaj(rows, d);
        System.arraycopy(groupsX[l], 0, local.data, 0, lowRows * d);
        int[] global = new int[rows];
        for (int i = 0; i < lowRows; i++) {
            global[i] = pairs.start(l) + i;
        }
        if (h != l) {
            System.arraycopy(groupsX[h], 0, local.data, lowRows * d, pairs.size(h) * d);
            for (int i = lowRows; i < rows; i++) {
                global[i] = pairs.start(h) + i - lowRows;
            }
        }
        double[] norms = PairwiseDistances.squaredNorms(local);
        KBestLists best = new KBestLists(rows, k);
        DMatrixRMaj product = new DMatrixRMaj(1, 1);
        int iEnd = h == l ? rows : lowRows;
        for (int i0 = 0; i0 < iEnd; i0 += TILE) {
            int i1 = Math.min(iEnd, i0 + TILE);
            DMatrixRMaj a = PairwiseDistances.rows(local, i0, i1);
            for (int j0 = h == l ? i0 : lowRows; j0 < rows; j0 += TILE) {
                int j1 = Math.min(rows, j0 + TILE);
                Blas.multTransB(a, PairwiseDistances.rows(local, j0, j1), product);
                best.scan(product.data, norms, i0, i1, j0, j1);
            }
        }
        best.renumber(global);
        List<Tuple2<Integer, KBestLists>> out = new ArrayList<>(2);
        out.add(new Tuple2<>(l, best.slice(0, lowRows)));
        if (h != l) {
            out.add(new Tuple2<>(h, best.slice(lowRows, rows)));
        }
        return out.iterator();
    }
}
