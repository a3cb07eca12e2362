package kspec.scaling.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kspec.core.progress.ProgressListener;
import kspec.core.stats.IntervalMethod;
import kspec.data.DataException;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;
import org.junit.jupiter.api.Test;

/** Approaches 1 and 2 on runs of a known Chinchilla law, whose frontier exponent is a = β/(α+β). */
class AllocationApproachesTest {

    private static final double A_EXPONENT = SyntheticRuns.BETA / (SyntheticRuns.ALPHA + SyntheticRuns.BETA);

    private static RunTable table(List<double[]> runs) {
        int n = runs.size();
        double[] size = new double[n];
        double[] tokens = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = runs.get(i)[0];
            tokens[i] = runs.get(i)[1];
            loss[i] = SyntheticRuns.loss(size[i], tokens[i]);
        }
        return RunTable.builder("synthetic", n).column(RunRole.PARAMS, "params", size).column(RunRole.TOKENS, "tokens", tokens)
                .column(RunRole.LOSS, "loss", loss).build();
    }

    /**
     * At fixed C the loss in u = log N is A·N_opt^−α·(e^{−αΔ} + (α/β)e^{βΔ}) + const with Δ = u − log N_opt
     * (the two terms balance, αA N^−α = βB D^−β, at the optimum): its shape does not depend on C. Sizes
     * placed at the same multiples of each budget's N_opt therefore give parabolas whose vertices sit at
     * the same Δ, and the slope of log N_opt on log C is exactly a = β/(α+β) despite the parabola being
     * only an approximation.
     */
    @Test
    void isoFlopParabolasRecoverTheFrontierExponent() {
        double g = Math.pow(SyntheticRuns.ALPHA * SyntheticRuns.A / (SyntheticRuns.BETA * SyntheticRuns.B),
                1 / (SyntheticRuns.ALPHA + SyntheticRuns.BETA));
        List<double[]> runs = new ArrayList<>();
        for (double c : new double[] {6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21}) {
            double nOpt = g * Math.pow(c / 6, A_EXPONENT);
            for (int k = 0; k < 7; k++) {
                double n = nOpt * Math.pow(4, (k - 3) / 3.0);
                runs.add(new double[] {n, c / (6 * n)});
            }
        }
        AllocationFit f = ScalingLaws.isoFlop(table(runs), LawOptions.CHINCHILLA_BUDGET, 0, 1, ProgressListener.NONE);
        assertEquals(A_EXPONENT, f.a().value(), 1e-8);
        assertEquals(1 - A_EXPONENT, f.b().value(), 1e-8);
        assertEquals(9, f.compute().length);
        assertEquals(f.dOpt().value() / f.nOpt().value(), f.tokensPerParam().value(), 1e-9 * f.tokensPerParam().value());
    }

    /**
     * Approach 1 with 13 model sizes (ratio 10^0.25) trained on many token counts: the envelope picks the
     * size nearest the optimum, a staircase within a factor 10^0.125 of G(C/6)^a, so over three decades
     * of compute the fitted slope is within 0.02 of a.
     */
    @Test
    void envelopeOfLossCurvesFollowsTheFrontier() {
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            double n = 1e7 * Math.pow(10, 0.25 * i);
            for (int j = 0; j <= 40; j++) {
                runs.add(new double[] {n, 1e8 * Math.pow(10, 0.1 * j)});
            }
        }
        AllocationFit f = ScalingLaws.envelope(table(runs), LawOptions.CHINCHILLA_BUDGET, 20, 1, ProgressListener.NONE);
        assertEquals(A_EXPONENT, f.a().value(), 0.02);
        assertTrue(f.a().interval() == IntervalMethod.BOOTSTRAP_POINTS && f.replicates() == 20, f.toString());
    }

    @Test
    void tablesWithoutTheStructureSayWhatIsMissing() {
        List<double[]> oneRunPerSize = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            oneRunPerSize.add(new double[] {1e8 * Math.pow(3, i), 1e9 * Math.pow(2, i)});
        }
        RunTable t = table(oneRunPerSize);
        DataException one = assertThrows(DataException.class,
                () -> ScalingLaws.envelope(t, LawOptions.CHINCHILLA_BUDGET, 0, 1, ProgressListener.NONE));
        assertTrue(one.getMessage().contains("Approach 1 needs loss-vs-compute curves"), one.getMessage());
        DataException two = assertThrows(DataException.class,
                () -> ScalingLaws.isoFlop(t, LawOptions.CHINCHILLA_BUDGET, 0, 1, ProgressListener.NONE));
        assertTrue(two.getMessage().contains("Approach 2 needs isoFLOP profiles"), two.getMessage());
    }
}
