package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

/**
 * Hoffmann et al.'s Approach 2, isoFLOP profiles (arXiv 2203.15556, §3.2): runs are grouped into
 * compute budgets (FLOPs within {@link #BUDGET_TOLERANCE} of the budget's smallest run: Hoffmann
 * et al.'s budgets are ≥ 1.6× apart, and FLOPs digitised from their figure jitter by ~20%); in each
 * budget with runs of at least three model sizes, a least-squares parabola of the loss in log N,
 * L = c₀ + c₁ log N + c₂ (log N)², gives N<sub>opt</sub> = exp(−c₁/(2c₂)) at the budget's geometric-mean
 * compute. A budget is skipped when the parabola opens downwards (c₂ ≤ 0: no minimum) or its
 * minimum lies outside the sizes sampled (an extrapolation).
 */
final class IsoFlopProfiles extends AllocationEstimator {

    /** Runs whose FLOPs lie within this relative distance of a budget's smallest run form the budget. */
    static final double BUDGET_TOLERANCE = 0.30;

    private final String source;
    private final double[] logN;
    private final double[] logC;
    private final double[] loss;
    private final int[] budget;

    IsoFlopProfiles(RunTable runs) {
        String purpose = "Approach 2 (isoFLOP profiles)";
        double[] n = runs.values(RunRole.PARAMS, purpose);
        double[] c = runs.values(RunRole.FLOPS, purpose);
        this.source = runs.source();
        this.loss = runs.values(RunRole.LOSS, purpose);
        this.logN = n.clone();
        this.logC = c.clone();
        for (int i = 0; i < n.length; i++) {
            logN[i] = Math.log(n[i]);
            logC[i] = Math.log(c[i]);
        }
        this.budget = clusters(c, BUDGET_TOLERANCE);
    }

    @Override
    int approach() {
        return 2;
    }

    @Override
    String requirement() {
        return source + ": Approach 2 needs isoFLOP profiles, at least two compute budgets (runs within "
                + Math.round(100 * BUDGET_TOLERANCE) + "% of the same FLOPs) each with runs of three or more model sizes "
                + "whose loss has a minimum inside them; these runs give fewer (" + describe() + ")";
    }

    private String describe() {
        Points p = points(java.util.stream.IntStream.range(0, loss.length).toArray());
        int budgets = java.util.Arrays.stream(budget).max().orElse(-1) + 1;
        return budgets + " budgets" + (p == null ? "" : ", " + p.compute().length + " usable");
    }

    @Override
    Points points(int[] rows) {
        int budgets = java.util.Arrays.stream(budget).max().orElse(-1) + 1;
        List<List<Integer>> byBudget = new ArrayList<>();
        for (int k = 0; k < budgets; k++) {
            byBudget.add(new ArrayList<>());
        }
        for (int i : rows) {
            byBudget.get(budget[i]).add(i);
        }
        List<Double> c = new ArrayList<>();
        List<Double> nOpt = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < budgets; k++) {
            List<Integer> runs = byBudget.get(k);
            Set<Double> sizes = new HashSet<>();
            double minU = Double.POSITIVE_INFINITY;
            double maxU = Double.NEGATIVE_INFINITY;
            double meanLogC = 0;
            WeightedObservedPoints points = new WeightedObservedPoints();
            for (int i : runs) {
                sizes.add(logN[i]);
                minU = Math.min(minU, logN[i]);
                maxU = Math.max(maxU, logN[i]);
                meanLogC += logC[i] / runs.size();
                points.add(logN[i], loss[i]);
            }
            String at = String.format(Locale.ROOT, "budget C = %.3g FLOPs (%d runs)", Math.exp(meanLogC), runs.size());
            if (sizes.size() < 3) {
                notes.add(at + ": skipped, fewer than three model sizes");
                continue;
            }
            double[] coef = PolynomialCurveFitter.create(2).fit(points.toList());
            if (!(coef[2] > 0)) {
                notes.add(at + ": skipped, the parabola in log N has no minimum");
                continue;
            }
            double u = -coef[1] / (2 * coef[2]);
            if (u < minU || u > maxU) {
                notes.add(String.format(Locale.ROOT, "%s: skipped, the minimum N = %.3g lies outside the sizes sampled", at,
                        Math.exp(u)));
                continue;
            }
            notes.add(String.format(Locale.ROOT, "%s: N_opt = %.4g", at, Math.exp(u)));
            c.add(Math.exp(meanLogC));
            nOpt.add(Math.exp(u));
        }
        if (new HashSet<>(c).size() < 2) {
            return null;
        }
        return new Points(c.stream().mapToDouble(Double::doubleValue).toArray(),
                nOpt.stream().mapToDouble(Double::doubleValue).toArray(), notes);
    }
}
