package kspec.scaling.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.Estimate;
import kspec.data.DataException;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;
import org.junit.jupiter.api.Test;

/** The Approach 3 fit on runs drawn from a known law: recovery, interval coverage, dropping, and refusals. */
class ScalingLawsTest {

    /** A small grid of starts around the synthetic law (the full 4,500-point grid is exercised elsewhere). */
    private static List<double[]> smallGrid() {
        List<double[]> starts = new ArrayList<>();
        for (double a : new double[] {5, 7}) {
            for (double b : new double[] {6, 8}) {
                for (double alpha : new double[] {0.3, 0.4}) {
                    for (double beta : new double[] {0.3, 0.4}) {
                        starts.add(new double[] {a, b, 0.5, alpha, beta});
                    }
                }
            }
        }
        return starts;
    }

    private static LawOptions options(int dropTop, int bootstrap, long seed) {
        return new LawOptions(LawForm.CHINCHILLA, LossObjective.HUBER_SUM, dropTop, bootstrap, seed, LawOptions.CHINCHILLA_BUDGET);
    }

    @Test
    void noiselessRunsGiveBackTheLawAndItsFrontier() {
        RunTable runs = SyntheticRuns.grid(6, 6, 0, 1);
        LawReport r = ScalingLaws.fit(runs, options(0, 0, 1), smallGrid(), ProgressListener.NONE);
        assertEquals(SyntheticRuns.E, r.parameter("E").value(), 1e-4);
        assertEquals(SyntheticRuns.A, r.parameter("A").value(), 0.05);
        assertEquals(SyntheticRuns.B, r.parameter("B").value(), 0.5);
        assertEquals(SyntheticRuns.ALPHA, r.parameter("alpha").value(), 1e-5);
        assertEquals(SyntheticRuns.BETA, r.parameter("beta").value(), 1e-5);
        // the frontier of the true law, from the closed form (Hoffmann et al. App. D.2, eq. 4)
        double a = SyntheticRuns.BETA / (SyntheticRuns.ALPHA + SyntheticRuns.BETA);
        double g = Math.pow(SyntheticRuns.ALPHA * SyntheticRuns.A / (SyntheticRuns.BETA * SyntheticRuns.B),
                1 / (SyntheticRuns.ALPHA + SyntheticRuns.BETA));
        double nOpt = g * Math.pow(LawOptions.CHINCHILLA_BUDGET / 6, a);
        assertEquals(a, r.frontier().get("a").value(), 1e-5);
        assertEquals(1, r.frontier().get("N_opt").value() / nOpt, 1e-3);
        // the frontier is a minimum: moving N by ±1% at fixed C raises the loss
        double dOpt = LawOptions.CHINCHILLA_BUDGET / (6 * nOpt);
        double best = SyntheticRuns.loss(nOpt, dOpt);
        assertTrue(SyntheticRuns.loss(nOpt * 1.01, dOpt / 1.01) > best && SyntheticRuns.loss(nOpt / 1.01, dOpt * 1.01) > best);
        assertEquals(best, r.frontier().get("lossAtBudget").value(), 1e-4);
        assertTrue(r.fit().reached() >= 1 && r.fit().starts() == 16);
    }

    /**
     * Nominal coverage: over 40 seeded tables of 48 runs with log-normal noise (sd 0.02), the 95%
     * percentile intervals (80 bootstrap replicates each) of α, β and E contain the true values.
     * 120 interval checks at a true 95% give fewer than 108 hits with probability ≈ 0.6% (binomial);
     * the test asks at least 108 (90%), and at most 119 (an interval that always covers is too wide).
     */
    @Test
    void bootstrapIntervalsCoverTheTrueParametersAtAboutNominalRate() {
        int hits = 0;
        int checks = 0;
        for (long seed = 1; seed <= 40; seed++) {
            RunTable runs = SyntheticRuns.grid(8, 6, 0.02, seed);
            LawReport r = ScalingLaws.fit(runs, options(0, 80, seed), smallGrid(), ProgressListener.NONE);
            hits += covers(r.parameter("alpha"), SyntheticRuns.ALPHA) + covers(r.parameter("beta"), SyntheticRuns.BETA)
                    + covers(r.parameter("E"), SyntheticRuns.E);
            checks += 3;
        }
        assertTrue(hits >= 108 && hits <= 119, hits + " of " + checks + " intervals covered the truth");
    }

    private static int covers(Estimate e, double truth) {
        return e.lo() <= truth && truth <= e.hi() ? 1 : 0;
    }

    @Test
    void droppingReportsTheDroppedRunsAndTheFitOnAll() {
        RunTable runs = SyntheticRuns.grid(5, 5, 0.01, 3);
        LawReport r = ScalingLaws.fit(runs, options(2, 0, 3), smallGrid(), ProgressListener.NONE);
        assertEquals(23, r.runs().size());
        assertEquals(2, r.dropped().size());
        double[] loss = runs.values(RunRole.LOSS, "test");
        double max = java.util.Arrays.stream(loss).max().orElseThrow();
        assertEquals(max, r.dropped().get(0).loss());
        assertTrue(r.dropped().get(0).loss() >= r.dropped().get(1).loss());
        assertEquals(25, r.withoutDropping().runs().size());
        assertTrue(r.withoutDropping().dropped().isEmpty());
    }

    @Test
    void roundingLineRecomputesTheRatioWithTwoDecimalExponents() {
        LawReport r = ScalingLaws.fit(SyntheticRuns.grid(6, 6, 0, 1), options(0, 0, 1), smallGrid(), ProgressListener.NONE);
        RoundingSensitivity s = r.rounding();
        assertEquals(0.35, s.alphaRounded(), 1e-12);
        assertEquals(0.37, s.betaRounded(), 1e-12);
        double[] reported = r.fit().reported();
        double ratio = ComputeOptimal.of(reported[2], reported[0], reported[1], 0.35, 0.37, LawOptions.CHINCHILLA_BUDGET)
                .tokensPerParam();
        assertEquals(ratio / r.frontier().get("tokensPerParam").value() - 1, s.relativeChange(), 1e-3);
    }

    @Test
    void degenerateTablesAreRefusedWithOneClearLine() {
        RunTable few = SyntheticRuns.grid(2, 2, 0, 1);
        DataException tooFew = assertThrows(DataException.class,
                () -> ScalingLaws.fit(few, options(0, 0, 1), smallGrid(), ProgressListener.NONE));
        assertTrue(tooFew.getMessage().contains("4 runs cannot determine the 5 parameters"), tooFew.getMessage());

        RunTable oneSize = RunTable.builder("one-size.csv", 6).column(RunRole.PARAMS, "params", new double[] {1e8, 1e8, 1e8, 1e8, 1e8, 1e8})
                .column(RunRole.TOKENS, "tokens", new double[] {1e9, 2e9, 4e9, 8e9, 1.6e10, 3.2e10})
                .column(RunRole.LOSS, "loss", new double[] {4, 3.8, 3.6, 3.5, 3.4, 3.35}).build();
        DataException single = assertThrows(DataException.class,
                () -> ScalingLaws.fit(oneSize, options(0, 0, 1), smallGrid(), ProgressListener.NONE));
        assertTrue(single.getMessage().contains("every run has the same model size (parameters) (1.00000e+08)"),
                single.getMessage());

        RunTable noTokens = RunTable.builder("n-only.csv", 3).column(RunRole.PARAMS, "params", new double[] {1e8, 2e8, 4e8})
                .column(RunRole.LOSS, "loss", new double[] {4, 3.8, 3.6}).build();
        DataException missing = assertThrows(DataException.class,
                () -> ScalingLaws.fit(noTokens, options(0, 0, 1), smallGrid(), ProgressListener.NONE));
        assertTrue(missing.getMessage().contains("no training tokens column"), missing.getMessage());

        DataException dropAll = assertThrows(DataException.class,
                () -> ScalingLaws.fit(noTokens, options(3, 0, 1), smallGrid(), ProgressListener.NONE));
        assertTrue(dropAll.getMessage().contains("leaves none"), dropAll.getMessage());
        assertThrows(IllegalArgumentException.class, () -> options(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> options(0, 1, 1));
    }

    @Test
    void kaplanOneVariableLawIsAStraightLineInLogs() {
        // L(N) = (N_c/N)^α exactly: the convex fit returns N_c and α (Kaplan et al. 2020, eq. 1.1 values)
        double nc = 8.8e13;
        double alpha = 0.076;
        double[] n = {1e6, 1e7, 1e8, 1e9, 1e10};
        double[] l = java.util.Arrays.stream(n).map(v -> Math.pow(nc / v, alpha)).toArray();
        RunTable runs = RunTable.builder("kaplan", n.length).column(RunRole.PARAMS, "params", n).column(RunRole.LOSS, "loss", l).build();
        LawReport r = ScalingLaws.fit(runs, new LawOptions(LawForm.KAPLAN_N, LossObjective.HUBER_SUM, 0, 0, 1, 1e21),
                ProgressListener.NONE);
        assertEquals(alpha, r.parameter("alpha_N").value(), 1e-8);
        assertEquals(1, r.parameter("N_c").value() / nc, 1e-5);
        assertTrue(r.frontier().isEmpty() && r.rounding() == null);
    }
}
