package kspec.spark;

import kspec.kernels.Architecture;
import kspec.kernels.KernelKind;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;

/**
 * A running Spark context and the distributed engines on it, behind kspec types only, for front
 * ends that must not depend on Spark's API (the command line loads Spark only when asked to).
 */
public final class ClusterSession implements AutoCloseable {

    private final JavaSparkContext sc;

    private ClusterSession(JavaSparkContext sc) {
        this.sc = sc;
    }

    /**
     * @param master a Spark master URL (see {@link SparkRuntime#start})
     * @return a session; close it to stop Spark
     */
    public static ClusterSession start(String master) {
        return new ClusterSession(SparkRuntime.start(master, "kspec"));
    }

    /** @return the master URL in use */
    public String master() {
        return sc.master();
    }

    /** @return Spark's default parallelism (task slots) */
    public int slots() {
        return sc.defaultParallelism();
    }

    /**
     * The distributed kernel operator with the layout {@link SparkKernelOperator.Layout#auto} picks
     * for this cluster.
     */
    public SparkKernelOperator kernelOperator(Architecture a, DMatrixRMaj x, KernelKind kind) {
        SparkKernelOperator.Layout layout = SparkKernelOperator.Layout.auto(x.numRows, Math.max(1, x.numCols), slots(),
                SparkRuntime.executorBytes(sc));
        return SparkKernelOperator.of(sc, a, x, kind, layout, TaskHook.NONE);
    }

    /** @return the distributed exact kNN engine */
    public SparkNeighbors neighbours() {
        return SparkNeighbors.of(sc);
    }

    @Override
    public void close() {
        sc.close();
    }
}
