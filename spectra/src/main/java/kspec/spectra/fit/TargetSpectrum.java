package kspec.spectra.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import kspec.core.linalg.Blas;
import kspec.core.memory.HeapBudget;
import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;

/**
 * Task power of targets in the kernel eigenbasis (docs/learning-curves.md §2): how much of the target
 * lies along each eigenvector, its cumulative curve, and its decay exponent a (task power ∝ k<sup>−a</sup>).
 *
 * <p><b>Normalisation.</b> For the eigen-decomposition K/n = Σ<sub>k</sub> λ<sub>k</sub> v<sub>k</sub>v<sub>k</sub>ᵀ
 * with unit-norm columns v<sub>k</sub> ∈ R<sup>n</sup>, the empirical eigenfunctions are
 * φ<sub>k</sub>(x<sub>i</sub>) ≈ √n v<sub>k,i</sub> (E φ<sub>k</sub>² = 1). For a target
 * y = Σ<sub>k</sub> w̄<sub>k</sub> ψ<sub>k</sub> with E ψ<sub>k</sub>² = λ<sub>k</sub>, i.e.
 * ψ<sub>k</sub> = √λ<sub>k</sub> φ<sub>k</sub>:
 * v<sub>k</sub>ᵀy ≈ (1/√n) Σ<sub>i</sub> φ<sub>k</sub>(x<sub>i</sub>) y<sub>i</sub> ≈ √n w̄<sub>k</sub>√λ<sub>k</sub>, so
 * <pre>  p_k = Σ_t (v_kᵀ y_t)² / n  ≈  λ_k w̄_k²  </pre>
 * summed over target columns t: exactly Bordelon's normalised task power (w*<sub>k</sub>)²λ<sub>k</sub>
 * (Bordelon, Atanasov &amp; Pehlevan 2024, arXiv 2402.01092), and the mode power that
 * {@code LearningCurveTheory} takes. Σ<sub>k</sub> p<sub>k</sub> over all n modes is the target's
 * mean square ‖Y‖²<sub>F</sub>/n (Parseval).
 *
 * <p><b>Exponent.</b> a is fitted as −slope of log task power on log rank. Single-mode powers are
 * χ²-noisy (one degree of freedom per target column), so they are averaged over log-spaced bins
 * (10 per decade). Under the Gaussian-coefficient model (v<sub>k</sub>ᵀy<sub>t</sub> ~ N(0, n p̄<sub>k</sub>)),
 * a bin of b modes and T columns has mean p̄·χ²<sub>ν</sub>/ν, ν = bT, so log(mean) is corrected by
 * −[ψ(ν/2) − ln(ν/2)] (its expectation; ψ the digamma function) and weighted by 1/ψ'(ν/2) (the inverse
 * of its variance), a weighted least-squares fit with the window rule of {@link LogLogFits} and
 * method {@link FitMethod#BINNED_TASK_POWER}. The {@link PowerLawFit#alpha()} of that fit is a − 1.
 */
public final class TargetSpectrum {

    private static final int BINS_PER_DECADE = 10;

    private final double[] eigenvalues;
    private final double[] modePower;
    private final double totalPower;
    private final int kernelSize;
    private final int targetColumns;

    private TargetSpectrum(double[] eigenvalues, double[] modePower, double totalPower, int kernelSize,
                           int targetColumns) {
        this.eigenvalues = eigenvalues;
        this.modePower = modePower;
        this.totalPower = totalPower;
        this.kernelSize = kernelSize;
        this.targetColumns = targetColumns;
    }

    /**
     * Projects targets on the eigenvectors.
     *
     * @param eigsDescending k eigenvalues of K/n, descending. Not modified.
     * @param eigenvectors   n × k, unit-norm columns matching the eigenvalues. Not modified.
     * @param targets        n × t targets (t ≥ 1 columns; e.g. {@link #oneHotCentred}). Not modified.
     * @throws IllegalArgumentException on inconsistent shapes
     */
    public static TargetSpectrum of(double[] eigsDescending, DMatrixRMaj eigenvectors, DMatrixRMaj targets) {
        TrustedRanks.requireDescending(eigsDescending);
        int n = eigenvectors.numRows;
        int k = eigenvectors.numCols;
        if (k != eigsDescending.length) {
            throw new IllegalArgumentException("eigenvectors have " + k + " columns for " + eigsDescending.length
                    + " eigenvalues; pass one unit-norm column per eigenvalue (n × k)");
        }
        if (targets.numRows != n) {
            throw new IllegalArgumentException("targets have " + targets.numRows + " rows but eigenvectors " + n
                    + "; both need one row per data point");
        }
        if (targets.numCols < 1) {
            throw new IllegalArgumentException("targets have no columns; pass an n × t matrix with t ≥ 1");
        }
        DMatrixRMaj coeff = new DMatrixRMaj(k, targets.numCols);
        Blas.multTransA(eigenvectors, targets, coeff);
        double[] power = new double[k];
        int t = targets.numCols;
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int c = 0; c < t; c++) {
                double v = coeff.data[j * t + c];
                s += v * v;
            }
            power[j] = s / n;
        }
        double total = 0;
        for (double v : targets.data) {
            total += v * v;
        }
        return new TargetSpectrum(eigsDescending.clone(), power, total / n, n, t);
    }

    /**
     * One-hot labels with each column's mean removed: Y<sub>ic</sub> = [label<sub>i</sub> = c] − n<sub>c</sub>/n,
     * one column per class that occurs, in ascending label order (a label value is a name, not a
     * size: the labels {0, 7, 2·10⁹} give three columns).
     *
     * @param labels class indices ≥ 0. Not modified.
     * @return n × C matrix, C = the number of distinct labels
     * @throws kspec.core.memory.InsufficientMemoryException if n × C does not fit in the heap
     */
    public static DMatrixRMaj oneHotCentred(int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("no labels given");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label at row " + i + " is " + labels[i]
                        + "; labels must be class indices ≥ 0");
            }
        }
        int[] classes = IntStream.of(labels).distinct().sorted().toArray();
        int n = labels.length;
        int c = classes.length;
        if ((long) n * c > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " labels in " + c + " classes make a one-hot matrix larger than one "
                    + "Java array; merge classes or use fewer points");
        }
        HeapBudget.require("one-hot targets of " + n + " labels in " + c + " classes", HeapBudget.bytes(n, c, Double.BYTES));
        double[] count = new double[c];
        int[] column = new int[n];
        for (int i = 0; i < n; i++) {
            column[i] = Arrays.binarySearch(classes, labels[i]);
            count[column[i]]++;
        }
        DMatrixRMaj y = new DMatrixRMaj(n, c);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                y.data[i * c + k] = (column[i] == k ? 1.0 : 0.0) - count[k] / n;
            }
        }
        return y;
    }

    /** @return the eigenvalues (a copy) */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return p<sub>k</sub> = Σ<sub>t</sub>(v<sub>k</sub>ᵀy<sub>t</sub>)²/n per mode (a copy) */
    public double[] modePower() {
        return modePower.clone();
    }

    /** @return the target's mean square ‖Y‖²/n, the sum of p<sub>k</sub> over a complete basis */
    public double totalPower() {
        return totalPower;
    }

    /**
     * @return C<sub>k</sub> = Σ<sub>j≤k</sub> p<sub>j</sub> / totalPower: the fraction of the target
     *         captured by the top k modes (index k − 1)
     */
    public double[] cumulative() {
        double[] c = new double[modePower.length];
        double s = 0;
        for (int k = 0; k < c.length; k++) {
            s += modePower[k];
            c[k] = totalPower > 0 ? s / totalPower : Double.NaN;
        }
        return c;
    }

    /**
     * Fits task power ∝ k<sup>−a</sup> (binned, bias-corrected; class comment). The automatic window
     * trusts modes up to min(numerical floor of the eigenvalues, n/10), as for eigenvalue fits.
     *
     * @return the fit; a = 1 + alpha, see {@link #exponentA(FitWindow)}
     */
    public PowerLawFit taskPowerFit(FitWindow window) {
        int n = window.kernelSize(kernelSize);
        int usable = TrustedRanks.usableRank(eigenvalues, n);
        int lo;
        int hi;
        if (window.isAuto()) {
            lo = 1;
            hi = TrustedRanks.cap(usable, n);
            TrustedRanks.requireEnoughForAuto(hi, usable, n, WindowRule.MIN_FIT_POINTS);
        } else {
            TrustedRanks.requireUsableWindow(eigenvalues, window, eigenvalues.length);
            lo = window.iMin();
            hi = window.iMax();
        }
        LogLogRegression.Points points = binnedPoints(lo, hi);
        if (points.size() < 3) {
            throw new IllegalArgumentException("too few points to fit the task power: " + points.size()
                    + " non-empty bins in ranks " + lo + ".." + hi + "; need ≥ 3 (widen the window)");
        }
        return WindowRule.fitPoints(points, window.isAuto(), FitMethod.BINNED_TASK_POWER, usable, n);
    }

    /** @return the task-power exponent a = −slope = 1 + {@code taskPowerFit(window).alpha()} */
    public double exponentA(FitWindow window) {
        return 1.0 + taskPowerFit(window).alpha().value();
    }

    private LogLogRegression.Points binnedPoints(int lo, int hi) {
        List<double[]> rows = new ArrayList<>();
        double ratio = Math.pow(10.0, 1.0 / BINS_PER_DECADE);
        int start = lo;
        while (start <= hi) {
            int end = Math.min(hi, Math.max(start, (int) Math.floor(start * ratio)));
            double sum = 0;
            for (int r = start; r <= end; r++) {
                sum += modePower[r - 1];
            }
            int b = end - start + 1;
            if (sum > 0) {
                double halfNu = 0.5 * b * targetColumns;
                double bias = Gamma.digamma(halfNu) - Math.log(halfNu);
                rows.add(new double[] {start, end, Math.log(sum / b) - bias, 1.0 / Gamma.trigamma(halfNu)});
            }
            start = end + 1;
        }
        int m = rows.size();
        double[] x = new double[m];
        double[] y = new double[m];
        double[] w = new double[m];
        int[] first = new int[m];
        int[] last = new int[m];
        for (int i = 0; i < m; i++) {
            double[] r = rows.get(i);
            first[i] = (int) r[0];
            last[i] = (int) r[1];
            x[i] = Math.log(0.5 * (r[0] + r[1]));
            y[i] = r[2];
            w[i] = r[3];
        }
        return new LogLogRegression.Points(x, y, w, first, last, true);
    }
}
