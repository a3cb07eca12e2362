package kspec.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import kspec.kernels.Architecture;
import kspec.kernels.KernelBlockProduct;
import kspec.kernels.KernelKind;
import kspec.spectra.eigen.BlockOperator;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.ejml.data.DMatrixRMaj;
import scala.Tuple2;

/**
 * The NNGP or NTK Gram matrix K of an {@link Architecture} on n points as a {@link kspec.spectra.eigen.SymmetricOperator}
 * whose every product Y = K·V is one Spark job, so that the driver's unchanged block Krylov solver
 * ({@code Eigensolvers.topK}) finds the top of the spectrum of kernels no single machine could hold
 * (a dense kernel of 10⁶ points is 8 TB). Nothing of size n² is ever stored, on the driver or on
 * the executors.
 *
 * <p><b>Scheme.</b> The points are cut into g groups ({@link GroupPairs}); each of the g(g + 1)/2
 * unordered group pairs (H, L), H ≥ L, is one task, which evaluates the kernel block K(H, L) once,
 * in sub-blocks, with {@link KernelBlockProduct} — the same unit of work as the single-JVM
 * {@code KernelOperator}, exact diagonal maps on the diagonal and each off-diagonal entry used for
 * K<sub>ij</sub> and K<sub>ji</sub>, so the operator is exactly symmetric — and emits
 * \[ Y_H^{(HL)} = K(H, L)\,V_L,\qquad Y_L^{(HL)} = K(H, L)^{\mathsf T} V_H \quad (H \ne L), \]
 * or \( Y_H^{(HH)} = K(H, H)\,V_H \). The pieces are shuffled to their group keyed by (group, pair),
 * sorted, and summed in pair order on the executors; the driver collects the g sums, n × b numbers.
 *
 * <p><b>Data.</b> {@link Placement#BROADCAST}: X is broadcast once, for the operator's life, and
 * each task reads its two groups from it. {@link Placement#PARTITIONED}, when X does not fit an
 * executor: X is shuffled once into a persisted RDD holding, per group pair, its two groups, so a
 * task holds 2n/g points; the data are then stored g times across the cluster (memory and disk).
 * V is broadcast per product (n·b numbers).
 *
 * <p><b>Determinism.</b> A task is a pure function of its inputs (one BLAS thread, fixed
 * sub-block order), and every sum is taken in pair order whatever order the shuffle delivers the
 * pieces in: a retried task, or a second run, gives bit-identical products.
 *
 * <p><b>Cost per product</b> (d features, L layers, b vectors, P task slots): n(n + g⁻¹n)/2 kernel
 * entries (each O(L) dual-activation evaluations and 2d flops of inner products) and 2n²b flops of
 * products, spread over g(g + 1)/2 tasks; broadcast n·b·8 bytes (V); shuffled about
 * g·n·b·8 bytes (two pieces per pair); collected n·b·8 bytes. The model for a cluster run is in
 * bench/README.md.
 *
 * <p>Not thread-safe on the driver; {@link #close()} releases the broadcast and persisted data.
 */
public final class SparkKernelOperator extends BlockOperator implements AutoCloseable {

    /** Where the tasks read X from. */
    public enum Placement {
        /** X broadcast once to every executor. */
        BROADCAST,
        /** X shuffled once into a persisted RDD of group pairs; each task holds two groups. */
        PARTITIONED
    }

    /**
     * @param groups    g, the groups the points are cut into (1 ≤ g ≤ n)
     * @param blockRows B, the sub-block rows within a task (memory 8·(B² + 2Bd + 4Bb) bytes per task)
     * @param placement where tasks read X from
     */
    public record Layout(int groups, int blockRows, Placement placement) implements Serializable {
        public Layout {
            if (groups < 1 || blockRows < 1 || placement == null) {
                throw new IllegalArgumentException("a layout needs groups >= 1, blockRows >= 1 and a placement, got "
                        + groups + ", " + blockRows + ", " + placement);
            }
        }

        /** Sub-block rows of {@link #auto}: a 1024 × 1024 kernel block is 8 MB per task. */
        public static final int DEFAULT_BLOCK_ROWS = 1024;

        /**
         * The layout for n × d points on {@code slots} task slots with {@code executorBytes} of memory per
         * executor: broadcast when X takes at most a quarter of it, else partitioned; enough groups for
         * {@link GroupPairs#groupsFor} and, partitioned, for two groups to take at most a quarter.
         *
         * @param n             points
         * @param d             features
         * @param slots         task slots, e.g. {@code JavaSparkContext.defaultParallelism()}
         * @param executorBytes memory of one executor (the driver's heap in local mode)
         */
        public static Layout auto(int n, int d, int slots, long executorBytes) {
            long bytes = 8L * n * d;
            boolean broadcast = bytes <= executorBytes / 4;
            int minGroups = broadcast ? 1 : (int) Math.min(n, (8 * bytes + executorBytes - 1) / Math.max(1, executorBytes));
            int g = GroupPairs.groupsFor(n, slots, minGroups);
            return new Layout(g, Math.min(DEFAULT_BLOCK_ROWS, Math.max(1, n / g)),
                    broadcast ? Placement.BROADCAST : Placement.PARTITIONED);
        }
    }

    /** What every task needs besides its data: small, serializable. */
    private record TaskSpec(String architecture, KernelKind kind, int d, int blockRows, GroupPairs pairs, TaskHook hook)
            implements Serializable {
    }

    /** Rows per chunk when X is shipped to the partitioned layout (8 MB of doubles at most). */
    private static final long CHUNK_BYTES = 8L << 20;

    private final JavaSparkContext sc;
    private final TaskSpec spec;
    private final int n;
    private final Layout layout;
    private final Broadcast<double[][]> broadcastX;
    private final JavaRDD<Integer> pairIndices;
    private final JavaPairRDD<Integer, double[][]> partitionedX;
    private final int reducePartitions;
    private long applications;

    private SparkKernelOperator(JavaSparkContext sc, TaskSpec spec, DMatrixRMaj x, Layout layout) {
        this.sc = sc;
        this.spec = spec;
        this.n = x.numRows;
        this.layout = layout;
        GroupPairs pairs = spec.pairs();
        this.reducePartitions = Math.max(1, Math.min(pairs.groups(), sc.defaultParallelism()));
        if (layout.placement() == Placement.BROADCAST) {
            this.broadcastX = sc.broadcast(pairs.split(x.data, spec.d()));
            this.pairIndices = sc.parallelize(IntStream.range(0, pairs.pairs()).boxed().toList(), pairs.pairs());
            this.partitionedX = null;
        } else {
            this.broadcastX = null;
            this.pairIndices = null;
            this.partitionedX = partition(sc, pairs, x, spec.d());
        }
    }

    /**
     * @param sc           the Spark context (its executors compute; this JVM is the driver)
     * @param architecture the network; shipped to the executors as its string form, so it must
     *                     parse back to itself (every built-in activation does)
     * @param x            n × d points. Not modified (copied into the broadcast or the RDD).
     * @param kind         NNGP or NTK
     * @param layout       groups, sub-block rows and placement ({@link Layout#auto})
     * @param hook         called at the start of every task ({@link TaskHook#NONE} for none)
     * @throws IllegalArgumentException for empty or non-finite points, a null kind, an architecture
     *                                  without a string form, or more groups than points
     */
    public static SparkKernelOperator of(JavaSparkContext sc, Architecture architecture, DMatrixRMaj x, KernelKind kind,
                                         Layout layout, TaskHook hook) {
        if (x == null || x.numRows < 1 || x.numCols < 1) {
            throw new IllegalArgumentException("The points are empty: need at least one point with at least one feature");
        }
        for (int e = 0; e < x.numRows * x.numCols; e++) {
            if (!Double.isFinite(x.data[e])) {
                throw new IllegalArgumentException("The points contain a non-finite value (" + x.data[e] + ") at row "
                        + e / x.numCols + ", column " + e % x.numCols + ": clean or drop that point");
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("Choose the kernel: KernelKind.NNGP or KernelKind.NTK");
        }
        String text = architecture.toString();
        if (!parsesBack(architecture)) {
            throw new IllegalArgumentException("The architecture '" + text + "' does not parse back to itself (a custom "
                    + "numerical activation?): the distributed operator ships architectures by their string form");
        }
        // validates the architecture against d and the block size on the driver, before any task
        KernelBlockProduct.of(architecture, kind, x.numCols, Math.min(layout.blockRows(), x.numRows));
        GroupPairs pairs = GroupPairs.of(x.numRows, Math.min(layout.groups(), x.numRows));
        TaskSpec spec = new TaskSpec(text, kind, x.numCols, Math.min(layout.blockRows(), x.numRows), pairs,
                hook == null ? TaskHook.NONE : hook);
        return new SparkKernelOperator(sc, spec, x, layout);
    }

    private static boolean parsesBack(Architecture a) {
        try {
            return Architecture.parse(a.toString()).equals(a);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int size() {
        return n;
    }

    /** @return the layout in use (groups as requested, at most n) */
    public Layout layout() {
        return layout;
    }

    /** @return the cut into groups and pairs */
    public GroupPairs groupPairs() {
        return spec.pairs();
    }

    /** @return the number of products (jobs) so far */
    public long applications() {
        return applications;
    }

    /** @return kernel entries evaluated per product: Σ over pairs of |H|·|L|, the diagonal pairs by sub-block triangle */
    public long entriesPerApplication() {
        GroupPairs pairs = spec.pairs();
        long e = 0;
        for (int p = 0; p < pairs.pairs(); p++) {
            int h = pairs.high(p);
            int l = pairs.low(p);
            if (h != l) {
                e += (long) pairs.size(h) * pairs.size(l);
            } else {
                int s = pairs.size(h);
                int b = spec.blockRows();
                for (int i0 = 0; i0 < s; i0 += b) {
                    e += (long) Math.min(b, s - i0) * (i0 + Math.min(b, s - i0));
                }
            }
        }
        return e;
    }

    /**
     * Y = K·V as one Spark job (see the class comment).
     *
     * @param v n × b. Not modified.
     * @param y Modified: reshaped to n × b and overwritten. Must not alias {@code v}.
     */
    @Override
    protected void applyBlock(DMatrixRMaj v, DMatrixRMaj y) {
        int b = v.numCols;
        TaskSpec s = spec;
        Broadcast<double[]> vb = sc.broadcast(Arrays.copyOf(v.data, n * b));
        try {
            JavaPairRDD<Long, double[]> pieces;
            if (broadcastX != null) {
                Broadcast<double[][]> bx = broadcastX;
                pieces = pairIndices.flatMapToPair(p -> product(s, p, bx.value()[s.pairs().high(p)],
                        bx.value()[s.pairs().low(p)], vb.value(), b));
            } else {
                pieces = partitionedX.flatMapToPair(t -> product(s, t._1(), t._2()[0], t._2()[1], vb.value(), b));
            }
            List<Tuple2<Integer, double[]>> sums = pieces
                    .repartitionAndSortWithinPartitions(new GroupPartitioner(reducePartitions))
                    .mapPartitions(SparkKernelOperator::sumInPairOrder)
                    .collect();
            y.reshape(n, b);
            Arrays.fill(y.data, 0, n * b, 0.0);
            for (Tuple2<Integer, double[]> group : sums) {
                System.arraycopy(group._2(), 0, y.data, spec.pairs().start(group._1()) * b, group._2().length);
            }
        } finally {
            vb.destroy();
        }
        applications++;
    }

    /** One task: the kernel block of group pair p applied both ways, as (group, pair)-keyed pieces. */
    private static Iterator<Tuple2<Long, double[]>> product(TaskSpec spec, int p, double[] xHigh, double[] xLow,
                                                           double[] v, int b) {
        spec.hook().beforeTask(p);
        ExecutorBlas.oneThreadPerTask();
        GroupPairs pairs = spec.pairs();
        int h = pairs.high(p);
        int l = pairs.low(p);
        KernelBlockProduct engine = KernelBlockProduct.of(Architecture.parse(spec.architecture()), spec.kind(), spec.d(),
                spec.blockRows());
        double[] yHigh = new double[pairs.size(h) * b];
        KernelBlockProduct.Side high = new KernelBlockProduct.Side(engine.points(xHigh, pairs.size(h)), 0, pairs.size(h),
                v, pairs.start(h), yHigh, 0);
        if (h == l) {
            engine.accumulate(high, high, b);
            return List.of(new Tuple2<>(key(h, p), yHigh)).iterator();
        }
        double[] yLow = new double[pairs.size(l) * b];
        KernelBlockProduct.Side low = new KernelBlockProduct.Side(engine.points(xLow, pairs.size(l)), 0, pairs.size(l),
                v, pairs.start(l), yLow, 0);
        engine.accumulate(high, low, b);
        return List.of(new Tuple2<>(key(h, p), yHigh), new Tuple2<>(key(l, p), yLow)).iterator();
    }

    /** The shuffle key of a piece: group in the high 32 bits, pair below, so sorting orders pieces by pair within a group. */
    static long key(int group, int pair) {
        return ((long) group << 32) | pair;
    }

    /** Sums the sorted pieces of each group in pair order, emitting (group, sum). */
    private static Iterator<Tuple2<Integer, double[]>> sumInPairOrder(Iterator<Tuple2<Long, double[]>> sorted) {
        List<Tuple2<Integer, double[]>> out = new ArrayList<>();
        int group = -1;
        double[] sum = null;
        while (sorted.hasNext()) {
            Tuple2<Long, double[]> piece = sorted.next();
            int g = (int) (piece._1() >>> 32);
            if (g != group) {
                if (sum != null) {
                    out.add(new Tuple2<>(group, sum));
                }
                group = g;
                sum = piece._2().clone();
            } else {
                double[] add = piece._2();
                for (int e = 0; e < add.length; e++) {
                    sum[e] += add[e];
                }
            }
        }
        if (sum != null) {
            out.add(new Tuple2<>(group, sum));
        }
        return out.iterator();
    }

    /** Routes (group, pair) keys by group. */
    static final class GroupPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        GroupPartitioner(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (int) (((Long) key) >>> 32) % partitions;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupPartitioner g && g.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }

    /** Rows [first, first + rows.length/d) of one group, on their way to the pairs that need them. */
    private record Chunk(int group, int first, double[] rows) implements Serializable {
    }

    /**
     * The partitioned placement: X cut into chunks of at most {@link #CHUNK_BYTES}, each sent to the
     * g pairs of its group, assembled per pair into {X_H, X_L} and persisted (memory, then disk).
     */
    private static JavaPairRDD<Integer, double[][]> partition(JavaSparkContext sc, GroupPairs pairs, DMatrixRMaj x, int d) {
        int chunkRows = (int) Math.max(1, CHUNK_BYTES / (8L * d));
        List<Chunk> chunks = new ArrayList<>();
        for (int g = 0; g < pairs.groups(); g++) {
            for (int r = pairs.start(g); r < pairs.start(g) + pairs.size(g); r += chunkRows) {
                int end = Math.min(pairs.start(g) + pairs.size(g), r + chunkRows);
                chunks.add(new Chunk(g, r, Arrays.copyOfRange(x.data, r * d, end * d)));
            }
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        JavaPairRDD<Integer, double[][]> byPair = sc.parallelize(chunks, slices)
                .flatMapToPair(c -> {
                    List<Tuple2<Integer, Chunk>> out = new ArrayList<>();
                    for (int other = 0; other < pairs.groups(); other++) {
                        out.add(new Tuple2<>(pairs.pair(c.group(), other), c));
                    }
                    return out.iterator();
                })
                .groupByKey(Math.max(1, Math.min(pairs.pairs(), 4 * sc.defaultParallelism())))
                .mapToPair(t -> new Tuple2<>(t._1(), assemble(pairs, t._1(), t._2(), d)));
        return byPair.persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static double[][] assemble(GroupPairs pairs, int p, Iterable<Chunk> chunks, int d) {
        int h = pairs.high(p);
        int l = pairs.low(p);
        double[] high = new double[pairs.size(h) * d];
        double[] low = h == l ? high : new double[pairs.size(l) * d];
        for (Chunk c : chunks) {
            double[] into = c.group() == h ? high : low;
            System.arraycopy(c.rows(), 0, into, (c.first() - pairs.start(c.group())) * d, c.rows().length);
        }
        return new double[][] {high, low};
    }

    /** Releases the broadcast points or the persisted pairs. */
    @Override
    public void close() {
        if (broadcastX != null) {
            broadcastX.destroy();
        }
        if (partitionedX != null) {
            partitionedX.unpersist(false);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SparkKernelOperator[%s, n = %d, d = %d, %d groups (%d tasks per product), "
                + "%d-row sub-blocks, %s]", spec.kind(), n, spec.d(), spec.pairs().groups(), spec.pairs().pairs(),
                spec.blockRows(), layout.placement().toString().toLowerCase(Locale.ROOT));
    }
}
