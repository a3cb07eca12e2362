package kspec.dynamics;

import java.util.Arrays;

/**
 * The two inputs of the dynamical model: the kernel eigenvalues λ<sub>k</sub> and the task power
 * p<sub>k</sub> = λ<sub>k</sub>(w*<sub>k</sub>)² of the target along each eigenmode (Bordelon, Atanasov &amp;
 * Pehlevan 2024, "A Dynamical Model of Neural Scaling Laws", ICML, arXiv 2402.01092, §2 and eq. 13).
 *
 * <p>The teacher is y(x) = Σ<sub>k</sub> w*<sub>k</sub> ψ<sub>k</sub>(x) with E[ψ<sub>k</sub>ψ<sub>l</sub>] =
 * δ<sub>kl</sub>λ<sub>k</sub>, so p<sub>k</sub> is the part of the target's mean square carried by mode
 * k and Σ<sub>k</sub> p<sub>k</sub> is the loss at t = 0. Eigenvalues are stored descending (mode 1
 * first); the model sums over all M modes, so M should be much larger than every width and data
 * size it is asked about (the paper's "M → ∞ first" limit, App. G).
 */
public final class ModeSpectrum {

    private final double[] eigenvalues;
    private final double[] taskPower;
    private final double trace;
    private final double totalPower;

    private ModeSpectrum(double[] eigenvalues, double[] taskPower) {
        this.eigenvalues = eigenvalues;
        this.taskPower = taskPower;
        this.trace = Arrays.stream(eigenvalues).sum();
        this.totalPower = Arrays.stream(taskPower).sum();
    }

    /**
     * A validated spectrum.
     *
     * @param eigenvalues λ<sub>k</sub> &gt; 0, finite, descending. Not modified (copied).
     * @param taskPower   p<sub>k</sub> ≥ 0, finite, one per eigenvalue, not all zero. Not modified (copied).
     * @throws IllegalArgumentException naming the first offending entry
     */
    public static ModeSpectrum of(double[] eigenvalues, double[] taskPower) {
        if (eigenvalues == null || taskPower == null || eigenvalues.length == 0) {
            throw new IllegalArgumentException("a mode spectrum needs at least one eigenvalue and its task power");
        }
        if (eigenvalues.length != taskPower.length) {
            throw new IllegalArgumentException("got " + eigenvalues.length + " eigenvalues but " + taskPower.length
                    + " task powers; give one task power per mode");
        }
        boolean anyPower = false;
        for (int k = 0; k < eigenvalues.length; k++) {
            double l = eigenvalues[k];
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("eigenvalue " + (k + 1) + " is " + l + "; every mode needs a finite λ > 0"
                        + " (drop zero or negative eigenvalues before building the spectrum)");
            }
            if (k > 0 && l > eigenvalues[k - 1]) {
                throw new IllegalArgumentException("eigenvalues must be descending: λ" + (k + 1) + " = " + l + " > λ" + k
                        + " = " + eigenvalues[k - 1]);
            }
            double p = taskPower[k];
            if (!(p >= 0) || !Double.isFinite(p)) {
                throw new IllegalArgumentException("task power of mode " + (k + 1) + " is " + p + "; it must be finite and >= 0");
            }
            anyPower |= p > 0;
        }
        if (!anyPower) {
            throw new IllegalArgumentException("the task power is zero on every mode: there is nothing to learn");
        }
        return new ModeSpectrum(eigenvalues.clone(), taskPower.clone());
    }

    /**
     * The synthetic power laws of the paper (eq. 13): λ<sub>k</sub> = k<sup>−b</sup> and
     * p<sub>k</sub> = k<sup>−a</sup>, k = 1..M.
     *
     * @param a     task-power exponent, &gt; 1 so that the target has finite power as M → ∞
     * @param b     spectral decay exponent, &gt; 0
     * @param modes M ≥ 1
     */
    public static ModeSpectrum powerLaw(double a, double b, int modes) {
        if (!(a > 1) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("task-power exponent a = " + a + "; the theory needs a > 1 (a summable target power)");
        }
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("spectral exponent b = " + b + "; it must be > 0");
        }
        if (modes < 1) {
            throw new IllegalArgumentException("number of modes M = " + modes + "; it must be >= 1");
        }
        double[] lambda = new double[modes];
        double[] power = new double[modes];
        for (int k = 0; k < modes; k++) {
            lambda[k] = Math.pow(k + 1.0, -b);
            power[k] = Math.pow(k + 1.0, -a);
        }
        return new ModeSpectrum(lambda, power);
    }

    /** @return the number of modes M */
    public int modes() {
        return eigenvalues.length;
    }

    /** @return λ<sub>k</sub>, 0-based index (a copy of the array is {@link #eigenvalues()}) */
    public double eigenvalue(int k) {
        return eigenvalues[k];
    }

    /** @return p<sub>k</sub> = λ<sub>k</sub>(w*<sub>k</sub>)², 0-based index */
    public double taskPower(int k) {
        return taskPower[k];
    }

    /** @return the eigenvalues, descending (a copy) */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return the task power per mode (a copy) */
    public double[] taskPower() {
        return taskPower.clone();
    }

    /** @return c₀ = Σ<sub>k</sub> λ<sub>k</sub>, the kernel's trace (the scale of the early-time correction) */
    public double trace() {
        return trace;
    }

    /** @return Σ<sub>k</sub> p<sub>k</sub>, the test loss at t = 0 */
    public double totalPower() {
        return totalPower;
    }
}
