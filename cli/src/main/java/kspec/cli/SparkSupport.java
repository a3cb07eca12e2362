package kspec.cli;

/**
 * The {@code --spark MASTER} option's guard: kspec's distributed engines ({@code kspec.spark}) are in
 * the jar, Apache Spark is not. It comes from {@code spark-submit} on a cluster, or from the
 * {@code ./kspec} launcher, which puts {@code spark/target/spark-jars} first on the class path when
 * it sees {@code --spark}. Without it, one line says how to get it, before anything else runs.
 */
final class SparkSupport {

    /** A class every Spark 4 runtime has. */
    static final String PROBE = "org.apache.spark.api.java.JavaSparkContext";

    private SparkSupport() {
    }

    /** @throws IllegalStateException naming the two ways to run with Spark, when Spark is not on the class path */
    static void requireAvailable() {
        requireAvailable(PROBE);
    }

    static void requireAvailable(String probeClass) {
        try {
            Class.forName(probeClass, false, SparkSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("--spark needs Apache Spark 4 (spark-core_2.13) on the class path, and this "
                    + "run has none: use the launcher (./kspec ... --spark local[*], which adds spark/target/spark-jars), "
                    + "or spark-submit --class kspec.cli.Kspec cli/target/kspec.jar ... --spark MASTER on a cluster");
        }
    }
}
