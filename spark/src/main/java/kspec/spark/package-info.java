/**
 * kspec past one machine, on Apache Spark (spark-core only): the kernel of an architecture as a
 * distributed {@code SymmetricOperator} whose every product is one Spark job, for the unchanged
 * block Krylov solver on the driver, and the exact k-nearest-neighbour search behind the
 * intrinsic-dimension estimators.
 *
 * <p>Start from {@link kspec.spark.SparkKernelOperator#of} and {@link kspec.spark.SparkNeighbors#of}
 * on a {@code JavaSparkContext}, or from {@link kspec.spark.ClusterSession}, which starts one and
 * keeps Spark's types out of the caller's code. Units of work are the pairs of point groups of
 * {@link kspec.spark.GroupPairs}; the cost model is in bench/README.md.
 */
package kspec.spark;
