package kspec.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context the command line runs its distributed products and searches on.
 *
 * <p>The master is the given URL unless one is already configured (under {@code spark-submit},
 * whose {@code --master} then wins). Local masters bind the driver to the loopback address (no
 * network needed) and switch the web UI off; everything else is Spark's own configuration
 * ({@code spark-defaults.conf}, {@code --conf}). Spark's log is set to warnings and errors, since
 * kspec reports its own progress.
 */
public final class SparkRuntime {

    private SparkRuntime() {
    }

    /**
     * @param master  a Spark master URL: {@code local[*]}, {@code local[2]}, {@code spark://host:7077},
     *                {@code yarn}, {@code k8s://…}
     * @param appName the application name Spark shows
     * @return a running context; stop it with {@link JavaSparkContext#close()}
     */
    public static JavaSparkContext start(String master, String appName) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("No Spark master given: use e.g. local[*] or spark://host:7077");
        }
        SparkConf conf = new SparkConf().setAppName(appName).setIfMissing("spark.master", master);
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        return sc;
    }

    /**
     * The memory of one executor: the configured {@code spark.executor.memory} on a cluster, this
     * JVM's maximum heap in local mode (where the driver JVM runs the tasks).
     */
    public static long executorBytes(JavaSparkContext sc) {
        if (sc.master().startsWith("local")) {
            return Runtime.getRuntime().maxMemory();
        }
        return sc.getConf().getSizeAsBytes("spark.executor.memory", "1g");
    }
}
