package kspec.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every JMH benchmark class once, in-process, on its smallest inputs: a smoke test that the
 * benchmarks run, not a measurement (CI does not measure; timings on a shared 2-core box are noise).
 * The classes are found in JMH's generated {@code META-INF/BenchmarkList}, so new benchmarks are
 * covered without editing this test. Size parameters are overridden to the values below.
 */
class BenchmarkSmokeTest {

    /** Smallest sizes used by the smoke run, by parameter name (ignored by benchmarks without it). */
    private static final String[][] SMOKE_PARAMS = {{"n", "200"}, {"largeN", "400"}, {"largeK", "10"}, {"freeN", "1000"},
        {"freeK", "5"}, {"megabytes", "8"}};

    static {
        // a smoke run measures nothing, so it need not wait for a benchmark running elsewhere on the machine
        System.setProperty("jmh.ignoreLock", "true");
    }

    @TestFactory
    Stream<DynamicTest> everyBenchmarkClassRunsOnce() throws IOException {
        Set<String> classes = benchmarkClasses();
        assertFalse(classes.isEmpty(), "no JMH benchmarks found: is the annotation processor configured?");
        return classes.stream().map(c -> DynamicTest.dynamicTest(c, () -> smoke(c)));
    }

    private static void smoke(String benchmarkClass) throws RunnerException {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include("^" + benchmarkClass.replace(".", "\\.") + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(1))
                .shouldFailOnError(true);
        for (String[] p : SMOKE_PARAMS) {
            builder.param(p[0], p[1]);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        assertFalse(results.isEmpty(), benchmarkClass + " produced no result");
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getSampleCount() > 0, benchmarkClass + " has no samples");
        }
    }

    private static Set<String> benchmarkClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            if (in == null) {
                return classes;
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines) {
                // JMH's BenchmarkList lines begin with the user class name, e.g. "JMH S 25 kspec.bench.BlasBenchmark ..."
                for (String token : line.split(" ")) {
                    if (token.startsWith("kspec.bench.") && !token.contains("jmh_generated")) {
                        classes.add(token);
                        break;
                    }
                }
            }
        }
        return classes;
    }
}
