package kspec.data.preprocess;

import kspec.core.ParameterMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import kspec.data.DataException;
import kspec.data.Dataset;
import kspec.data.Provenance;
import org.ejml.data.DMatrixRMaj;

/**
 * Explicit preprocessing of a {@link Dataset}, applied by {@link #apply} in this fixed order:
 * <ol>
 * <li><b>non-finite values</b> ({@link NonFinitePolicy}): refuse, drop the rows (with their labels and
 *     targets), or set to 0;</li>
 * <li><b>subset</b> of {@code subsetN} rows, seeded, without replacement: uniform, or stratified by label
 *     keeping the class proportions (largest remainder); the kept rows stay in their original order;</li>
 * <li><b>scale</b>: x ↦ scale · x (e.g. 1/255 for pixels);</li>
 * <li><b>center</b>: x<sub>ij</sub> ↦ x<sub>ij</sub> − x̄<sub>j</sub>, column means over the rows kept;</li>
 * <li><b>standardize</b>: x<sub>ij</sub> ↦ (x<sub>ij</sub> − x̄<sub>j</sub>)/s<sub>j</sub> with the population
 *     standard deviation s<sub>j</sub><sup>2</sup> = (1/n) Σ<sub>i</sub>(x<sub>ij</sub> − x̄<sub>j</sub>)<sup>2</sup>,
 *     so every column has mean 0 and (1/n)Σx² = 1. Standardizing includes centering. Constant columns
 *     (all values equal) are set to 0 and counted in the provenance step;</li>
 * <li><b>sphere projection</b> ({@link SphereProjection}); a zero row cannot be projected and is an error.</li>
 * </ol>
 * Each step that is applied is appended to the data's {@link Provenance} with its parameters.
 * The input data set is never modified; the points are copied at most once.
 *
 * @param subsetN     rows to keep, ≥ 1, or null for all
 * @param stratified  stratify the subset by label (needs labels and a subsetN)
 * @param scale       factor to multiply by, finite and non-zero, or null for none
 * @param center      subtract column means
 * @param standardize z-score the columns (implies centering)
 * @param sphere      final projection onto a sphere
 * @param nonFinite   what to do with NaN and ±Infinity
 */
public record Preprocessing(Integer subsetN, boolean stratified, Double scale, boolean center, boolean standardize,
        SphereProjection sphere, NonFinitePolicy nonFinite) {

    public Preprocessing {
        Objects.requireNonNull(sphere, "sphere");
        Objects.requireNonNull(nonFinite, "nonFinite");
        if (subsetN != null && subsetN < 1) {
            throw new IllegalArgumentException("subset size must be >= 1, got " + subsetN);
        }
        if (stratified && subsetN == null) {
            throw new IllegalArgumentException("a stratified subset needs a subset size; give the number of rows to keep");
        }
        if (scale != null && (!Double.isFinite(scale) || scale == 0.0)) {
            throw new IllegalArgumentException("scale must be finite and non-zero, got " + scale);
        }
    }

    /** @return no preprocessing; non-finite values are refused */
    public static Preprocessing none() {
        return new Preprocessing(null, false, null, false, false, SphereProjection.NONE, NonFinitePolicy.REFUSE);
    }

    /** @return a copy keeping a uniform random subset of n rows */
    public Preprocessing withSubset(int n) {
        return new Preprocessing(n, false, scale, center, standardize, sphere, nonFinite);
    }

    /** @return a copy keeping a subset of n rows stratified by label */
    public Preprocessing withStratifiedSubset(int n) {
        return new Preprocessing(n, true, scale, center, standardize, sphere, nonFinite);
    }

    /** @return a copy multiplying the points by {@code factor} */
    public Preprocessing withScale(double factor) {
        return new Preprocessing(subsetN, stratified, factor, center, standardize, sphere, nonFinite);
    }

    /** @return a copy with centering on or off */
    public Preprocessing withCenter(boolean on) {
        return new Preprocessing(subsetN, stratified, scale, on, standardize, sphere, nonFinite);
    }

    /** @return a copy with standardizing on or off */
    public Preprocessing withStandardize(boolean on) {
        return new Preprocessing(subsetN, stratified, scale, center, on, sphere, nonFinite);
    }

    /** @return a copy with the given sphere projection */
    public Preprocessing withSphere(SphereProjection projection) {
        return new Preprocessing(subsetN, stratified, scale, center, standardize, projection, nonFinite);
    }

    /** @return a copy with the given non-finite policy */
    public Preprocessing withNonFinite(NonFinitePolicy policy) {
        return new Preprocessing(subsetN, stratified, scale, center, standardize, sphere, policy);
    }

    /** @return the steps this configuration performs, in order, one readable line each */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(switch (nonFinite) {
            case REFUSE -> "non-finite values: refuse";
            case DROP_ROWS -> "non-finite values: drop their rows";
            case ZERO -> "non-finite values: set to 0";
        });
        if (subsetN != null) {
            lines.add("subset n=" + subsetN + (stratified ? ", stratified by label" : ", uniform"));
        }
        if (scale != null) {
            lines.add("scale by " + scale);
        }
        if (standardize) {
            lines.add("standardize columns (center, divide by population std)");
        } else if (center) {
            lines.add("center columns");
        }
        if (sphere != SphereProjection.NONE) {
            lines.add("sphere projection: " + sphereText(sphere));
        }
        return lines;
    }

    /**
     * @param data the input. Not modified.
     * @param seed seed of the subset selection (unused without a subset)
     * @return the preprocessed data, or {@code data} itself when no step applies
     * @throws DataException on non-finite values under {@link NonFinitePolicy#REFUSE}, a stratified subset
     *     without labels, a subset larger than the data, no rows left, or a zero row to project
     */
    public Dataset apply(Dataset data, long seed) {
        Work w = new Work(data);
        handleNonFinite(w);
        if (subsetN != null) {
            subset(w, seed);
        }
        if (scale != null) {
            scale(w);
        }
        if (center || standardize) {
            centerAndStandardize(w);
        }
        if (sphere != SphereProjection.NONE) {
            project(w);
        }
        return w.result();
    }

    private void handleNonFinite(Work w) {
        double[] a = w.points.data;
        int dim = w.points.numCols;
        long count = 0;
        int badRows = 0;
        int firstRow = -1;
        int firstCol = -1;
        boolean[] bad = new boolean[w.points.numRows];
        for (int i = 0; i < bad.length; i++) {
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(a[i * dim + j])) {
                    count++;
                    if (!bad[i]) {
                        bad[i] = true;
                        badRows++;
                    }
                    if (firstRow < 0) {
                        firstRow = i;
                        firstCol = j;
                    }
                }
            }
        }
        if (count == 0) {
            return;
        }
        switch (nonFinite) {
            case REFUSE -> throw new DataException(ParameterMessage.of("data has " + count + " non-finite values in " + badRows
                    + " rows (first at row " + firstRow + ", column " + firstCol
                    + "); clean the data, or set {Preprocessing.nonFinite} to drop their rows or zero them",
                    "Preprocessing.nonFinite"));
            case DROP_ROWS -> {
                if (badRows == bad.length) {
                    throw new DataException("every one of the " + badRows + " rows of " + w.name
                            + " has a non-finite value; nothing is left after dropping them; clean the data");
                }
                int[] keep = new int[bad.length - badRows];
                int k = 0;
                for (int i = 0; i < bad.length; i++) {
                    if (!bad[i]) {
                        keep[k++] = i;
                    }
                }
                w.keepRows(keep, "dropped " + badRows + " rows holding " + count + " non-finite values");
            }
            case ZERO -> {
                double[] b = w.ownPoints().data;
                for (int e = 0; e < b.length; e++) {
                    if (!Double.isFinite(b[e])) {
                        b[e] = 0.0;
                    }
                }
                w.steps.add("set " + count + " non-finite values in " + badRows + " rows to 0");
            }
        }
    }

    private void subset(Work w, long seed) {
        int rows = w.points.numRows;
        if (subsetN > rows) {
            throw new DataException("subset n=" + subsetN + " exceeds the " + rows + " rows of " + w.name
                    + "; pass a subset size of at most " + rows);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] keep;
        if (stratified) {
            if (w.labels == null) {
                throw new DataException("a stratified subset needs labels but " + w.name
                        + " has none; pass labels or drop the stratification");
            }
            keep = RowSubsets.stratified(w.labels, subsetN, rng);
        } else {
            keep = RowSubsets.uniform(rows, subsetN, rng);
        }
        w.keepRows(keep, "subset n=" + subsetN + " of " + rows + (stratified ? ", stratified" : ", uniform")
                + ", seed=" + seed);
    }

    private void scale(Work w) {
        double[] a = w.ownPoints().data;
        double factor = scale;
        for (int e = 0; e < a.length; e++) {
            a[e] *= factor;
        }
        w.steps.add("scale by " + factor);
    }

    private void centerAndStandardize(Work w) {
        DMatrixRMaj x = w.ownPoints();
        int n = x.numRows;
        int dim = x.numCols;
        double[] a = x.data;
        double[] mean = new double[dim];
        boolean[] constant = new boolean[dim];
        Arrays.fill(constant, true);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double v = a[i * dim + j];
                mean[j] += v;
                constant[j] &= v == a[j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        double[] sumSq = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double c = a[i * dim + j] - mean[j];
                a[i * dim + j] = c;
                sumSq[j] += c * c;
            }
        }
        if (!standardize) {
            w.steps.add("center: subtracted column means");
            return;
        }
        double[] inv = new double[dim];
        int constants = 0;
        for (int j = 0; j < dim; j++) {
            if (constant[j]) {
                constants++;
            } else {
                inv[j] = 1.0 / Math.sqrt(sumSq[j] / n);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                a[i * dim + j] *= inv[j];
            }
        }
        w.steps.add("standardize: subtracted column means, divided by population std, " + constants
                + " constant column(s) set to 0");
    }

    private void project(Work w) {
        DMatrixRMaj x = w.ownPoints();
        int dim = x.numCols;
        double[] a = x.data;
        double radius = sphere == SphereProjection.SQRT_DIM ? Math.sqrt(dim) : 1.0;
        for (int i = 0; i < x.numRows; i++) {
            double sumSq = 0;
            for (int j = 0; j < dim; j++) {
                sumSq += a[i * dim + j] * a[i * dim + j];
            }
            if (sumSq == 0) {
                throw new DataException("row " + i + " of " + w.name + " has zero norm"
                        + (w.steps.isEmpty() ? "" : " after " + String.join("; ", w.steps))
                        + " and cannot be projected onto the sphere; remove that row or skip the projection");
            }
            double f = radius / Math.sqrt(sumSq);
            for (int j = 0; j < dim; j++) {
                a[i * dim + j] *= f;
            }
        }
        w.steps.add("sphere projection: " + sphereText(sphere));
    }

    private static String sphereText(SphereProjection p) {
        return switch (p) {
            case NONE -> "none";
            case UNIT -> "rows scaled to unit norm";
            case SQRT_DIM -> "rows scaled to norm sqrt(dim) so that x.x/dim = 1 (neural-tangents convention)";
        };
    }

    /** The data being transformed: points copied on first write, labels and targets carried along. */
    private static final class Work {
        final Dataset original;
        final String name;
        final List<String> steps = new ArrayList<>();
        DMatrixRMaj points;
        int[] labels;
        DMatrixRMaj targets;
        private boolean owned;

        Work(Dataset data) {
            original = data;
            name = data.name();
            points = data.points();
            labels = data.labels().orElse(null);
            targets = data.targets().orElse(null);
        }

        /** @return the points, copied first if they still belong to the input */
        DMatrixRMaj ownPoints() {
            if (!owned) {
                points = points.copy();
                owned = true;
            }
            return points;
        }

        /** Keeps the listed rows (ascending) of points, labels and targets. */
        void keepRows(int[] rows, String step) {
            points = selectRows(points, rows);
            targets = targets == null ? null : selectRows(targets, rows);
            if (labels != null) {
                int[] kept = new int[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    kept[k] = labels[rows[k]];
                }
                labels = kept;
            }
            owned = true;
            steps.add(step);
        }

        Dataset result() {
            if (steps.isEmpty()) {
                return original;
            }
            Provenance p = original.provenance();
            for (String step : steps) {
                p = p.with(step);
            }
            Dataset out = Dataset.of(name, points, p);
            if (labels != null) {
                out = out.withLabels(labels);
            }
            return targets == null ? out : out.withTargets(targets);
        }

        private static DMatrixRMaj selectRows(DMatrixRMaj m, int[] rows) {
            int cols = m.numCols;
            DMatrixRMaj out = new DMatrixRMaj(rows.length, cols);
            for (int k = 0; k < rows.length; k++) {
                System.arraycopy(m.data, rows[k] * cols, out.data, k * cols, cols);
            }
            return out;
        }
    }
}
