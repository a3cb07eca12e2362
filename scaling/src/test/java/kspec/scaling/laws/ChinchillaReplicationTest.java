package kspec.scaling.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.Estimate;
import kspec.data.runs.RunColumns;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;
import kspec.data.runs.RunTableReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hoffmann et al.'s Approach 3 on the 245 runs Besiroglu, Erdil, Barnett &amp; You digitised from
 * Hoffmann's Fig. 4 (arXiv 2404.10102; repository epoch-research/analyzing-chinchilla, file
 * {@code data/svg_extracted_data.csv}, commit 9225883), 5 highest-loss runs dropped, against the
 * numbers their notebook {@code data_analysis.ipynb} printed at that commit.
 *
 * <p>The table is not in this repository: its repository states no licence, so it is kept out of
 * kspec's history and read from the workplace's shared data folder
 * ({@code shared/data/analyzing-chinchilla/svg_extracted_data.csv} in a parent directory) or from the
 * file named by the environment variable {@code KSPEC_CHINCHILLA_RUNS}; without it the test is skipped.
 */
class ChinchillaReplicationTest {

    private static final String RELATIVE = "shared/data/analyzing-chinchilla/svg_extracted_data.csv";

    private static RunTable runs;
    /** Approach 3 as Hoffmann et al. specify it, with 400 bootstrap replicates: shared by two tests. */
    private static LawReport summed;

    @BeforeAll
    static void load() {
        Path file = locate();
        Assumptions.assumeTrue(file != null, "the Epoch AI run table is not available (set KSPEC_CHINCHILLA_RUNS or put it at "
                + RELATIVE + " in a parent directory)");
        runs = RunTableReader.read(file, RunColumns.defaults().with(RunRole.PARAMS, "Model Size")
                .with(RunRole.FLOPS, "Training FLOP"));
        summed = ScalingLaws.fit(runs, new LawOptions(LawForm.CHINCHILLA, LossObjective.HUBER_SUM, 5, 400, 42,
                LawOptions.CHINCHILLA_BUDGET), ProgressListener.NONE);
    }

    private static Path locate() {
        String env = System.getenv("KSPEC_CHINCHILLA_RUNS");
        if (env != null && Files.isRegularFile(Path.of(env))) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Their "Replicate exactly" cell: summed Huber (δ = 10⁻³), scipy's L-BFGS-B from the 4,500 starts,
     * best objective 0.001018274034615 at A = 477.84171, B = 2143.86379, E = 1.8172355, α = 0.3473127,
     * β = 0.3671826. kspec must reach at least as low an objective and the same parameters to the
     * precision the objective pins them (its minimum is flat: α varies by 10⁻⁴ among their near-best starts).
     */
    @Test
    void approachThreeMatchesTheReplicationGridFit() {
        LawReport r = summed;
        assertEquals(240, r.runs().size());
        assertEquals(4500, r.fit().starts());
        assertTrue(r.fit().value() <= 0.001018274034615 * (1 + 1e-9), "objective " + r.fit().value());
        assertRelative(477.84171, r.parameter("A").value(), 1e-3);
        assertRelative(2143.86379, r.parameter("B").value(), 1e-3);
        assertRelative(1.8172355, r.parameter("E").value(), 1e-4);
        assertRelative(0.3473127, r.parameter("alpha").value(), 1e-4);
        assertRelative(0.3671826, r.parameter("beta").value(), 1e-4);
        assertEquals(5, r.dropped().size());
        assertEquals(5.005581996196243, r.dropped().get(0).loss(), 1e-12);
    }

    /**
     * Their reported estimate (their notebook's "Parameter estimates": A = 482.006, B = 2085.434,
     * E = 1.817, α = 0.348, β = 0.366) minimises the Huber likelihood with a fitted scale; at its
     * optimum the objective is nearly piecewise linear (σ ≈ 4.7·10⁻⁶), so optimisers stop at
     * neighbouring kinks: their BFGS stopped on "precision loss" at −879.7731. kspec's continuation
     * must give the same digits for E, α, β and A, B within 1% (their SEs are 26% and 62%).
     */
    @Test
    void likelihoodObjectiveGivesTheReportedEstimate() {
        LawReport r = ScalingLaws.fit(runs, new LawOptions(LawForm.CHINCHILLA, LossObjective.HUBER_LIKELIHOOD, 5, 0, 0,
                LawOptions.CHINCHILLA_BUDGET), ProgressListener.NONE);
        assertEquals(1.82, Math.round(r.parameter("E").value() * 100) / 100.0, 1e-12);
        assertEquals(0.348, Math.round(r.parameter("alpha").value() * 1000) / 1000.0, 1e-12);
        assertEquals(0.366, Math.round(r.parameter("beta").value() * 1000) / 1000.0, 1e-12);
        assertRelative(482.006, r.parameter("A").value(), 0.01);
        assertRelative(2085.434, r.parameter("B").value(), 0.01);
        assertEquals(-879.7731, r.fit().value(), 0.05, "the likelihood at kspec's optimum");
        assertEquals(4.7e-6, r.fit().scale(), 0.1e-6);
    }

    /**
     * Their bootstrap: 4,000 resamples of the 240 runs, each refitted (summed Huber) — standard errors
     * A 124.52, B 1293.28, E 0.02566, α 0.01540, β 0.02060 and 95% percentile intervals A (285.2, 743.6),
     * B (1042.4, 5810.3), E (1.769, 1.871), α (0.317, 0.373), β (0.331, 0.415). With 400 replicates the
     * standard errors and interval widths must agree within 25% (a standard deviation from 400 draws
     * has a relative error of ~4% for a normal law, more for B's heavy tail).
     */
    @Test
    void bootstrapIntervalsHaveTheReplicationsWidth() {
        LawReport r = summed;
        Map<String, double[]> theirs = Map.of("A", new double[] {124.52232, 285.214, 743.626},
                "B", new double[] {1293.28410, 1042.357, 5810.344}, "E", new double[] {0.02566, 1.769, 1.871},
                "alpha", new double[] {0.01540, 0.317, 0.373}, "beta", new double[] {0.02060, 0.331, 0.415});
        theirs.forEach((name, t) -> {
            Estimate e = r.parameter(name);
            assertRelative(t[0], e.standardError(), 0.25);
            assertRelative(t[2] - t[1], e.hi() - e.lo(), 0.25);
        });
        // a = β/(α+β): their bootstrap SE 0.020
        assertRelative(0.020, r.frontier().get("a").standardError(), 0.25);
        assertEquals(400, r.replicates() + r.failedReplicates());
    }

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(1, actual / expected, tolerance, "expected " + expected + ", got " + actual);
    }
}
