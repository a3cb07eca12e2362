package kspec.scaling.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;

/**
 * Hoffmann et al.'s Approach 1, the envelope of loss-vs-compute curves (arXiv 2203.15556, §3.1):
 * the runs of one model (one family label, or one model size within {@link #SIZE_TOLERANCE}) at
 * different token counts trace its loss against compute, log L linear in log C between them. On
 * {@link #GRID} log-spaced compute values the model with the lowest loss among those whose curve
 * covers that compute is N<sub>opt</sub>; the line through those (C, N<sub>opt</sub>) points gives a. A compute value
 * where the lowest curve is the smallest or the largest model is left out: the optimum may lie
 * beyond the sizes trained (as Approach 2 leaves out a parabola whose minimum lies outside them).
 * Hoffmann et al. read the curves from whole training runs; with final losses only each curve has
 * as many points as the model has runs.
 */
final class ComputeEnvelope extends AllocationEstimator {

    /** Compute values on which the envelope is read (Hoffmann et al. use 1,500). */
    static final int GRID = 1500;
    /** Model sizes within this relative distance of a model's smallest are one model (digitised sizes jitter). */
    static final double SIZE_TOLERANCE = 0.01;

    private final String source;
    private final double[] params;
    private final double[] logC;
    private final double[] logL;
    private final int[] model;

    ComputeEnvelope(RunTable runs) {
        String purpose = "Approach 1 (the loss-vs-compute envelope)";
        this.source = runs.source();
        this.params = runs.values(RunRole.PARAMS, purpose);
        this.logC = Arrays.stream(runs.values(RunRole.FLOPS, purpose)).map(Math::log).toArray();
        this.logL = Arrays.stream(runs.values(RunRole.LOSS, purpose)).map(Math::log).toArray();
        String[] groups = runs.groups();
        if (groups != null) {
            List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(Arrays.asList(groups)));
            this.model = Arrays.stream(groups).mapToInt(names::indexOf).toArray();
        } else {
            this.model = clusters(params, SIZE_TOLERANCE);
        }
    }

    @Override
    int approach() {
        return 1;
    }

    @Override
    String requirement() {
        return source + ": Approach 1 needs loss-vs-compute curves, at least two models (model sizes, or family labels) "
                + "each with runs at two or more compute values, whose lowest loss changes model along the compute axis; "
                + "these runs do not give that";
    }

    @Override
    Points points(int[] rows) {
        int models = Arrays.stream(model).max().orElse(-1) + 1;
        List<List<Integer>> byModel = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            byModel.add(new ArrayList<>());
        }
        for (int i : rows) {
            byModel.get(model[i]).add(i);
        }
        List<double[]> curvesC = new ArrayList<>();
        List<double[]> curvesL = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        for (List<Integer> runs : byModel) {
            int[] sorted = runs.stream().mapToInt(Integer::intValue).distinct()
                    .boxed().sorted((i, j) -> Double.compare(logC[i], logC[j])).mapToInt(Integer::intValue).toArray();
            if (sorted.length < 2 || logC[sorted[0]] == logC[sorted[sorted.length - 1]]) {
                continue;
            }
            curvesC.add(Arrays.stream(sorted).mapToDouble(i -> logC[i]).toArray());
            curvesL.add(Arrays.stream(sorted).mapToDouble(i -> logL[i]).toArray());
            sizes.add(Math.exp(Arrays.stream(sorted).mapToDouble(i -> Math.log(params[i])).average().orElseThrow()));
        }
        if (curvesC.size() < 2) {
            return null;
        }
        double lo = curvesC.stream().mapToDouble(c -> c[0]).min().orElseThrow();
        double hi = curvesC.stream().mapToDouble(c -> c[c.length - 1]).max().orElseThrow();
        double smallest = sizes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double largest = sizes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<Double> compute = new ArrayList<>();
        List<Double> nOpt = new ArrayList<>();
        int atEdge = 0;
        for (int g = 0; g < GRID; g++) {
            double u = lo + (hi - lo) * g / (GRID - 1);
            int best = -1;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int m = 0; m < curvesC.size(); m++) {
                double v = interpolate(curvesC.get(m), curvesL.get(m), u);
                if (v < bestLoss) {
                    bestLoss = v;
                    best = m;
                }
            }
            if (best >= 0 && (sizes.get(best) == smallest || sizes.get(best) == largest)) {
                atEdge++;
            } else if (best >= 0) {
                compute.add(Math.exp(u));
                nOpt.add(sizes.get(best));
            }
        }
        if (new HashSet<>(nOpt).size() < 2) {
            return null;
        }
        String note = String.format(Locale.ROOT, "%d model curves; envelope read at %d of %d compute values in [%.3g, %.3g] FLOPs "
                + "(%d left out where the smallest or largest model was lowest), %d distinct N_opt", curvesC.size(), compute.size(),
                GRID, Math.exp(lo), Math.exp(hi), atEdge, new HashSet<>(nOpt).size());
        return new Points(compute.stream().mapToDouble(Double::doubleValue).toArray(),
                nOpt.stream().mapToDouble(Double::doubleValue).toArray(), List.of(note));
    }

    /** @return log L at log C = u by linear interpolation, or +∞ outside the curve */
    private static double interpolate(double[] c, double[] l, double u) {
        if (u < c[0] || u > c[c.length - 1]) {
            return Double.POSITIVE_INFINITY;
        }
        int k = Arrays.binarySearch(c, u);
        if (k >= 0) {
            return l[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double t = (u - c[lo]) / (c[hi] - c[lo]);
        return l[lo] + t * (l[hi] - l[lo]);
    }
}
