package kspec.kernels;

import kspec.core.progress.ProgressListener;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;

/**
 * The exact population spectrum of an infinite-width kernel for inputs drawn uniformly from a
 * sphere: the eigenvalues of the integral operator (Tf)(x) = E<sub>x′</sub>[K(x, x′) f(x′)] under the
 * uniform probability measure, the limit of the eigenvalues of K/n as n → ∞.
 *
 * <p>On a sphere of radius r in a (d<sub>in</sub>)-dimensional subspace, NNGP and NTK kernels are
 * dot-product kernels K(x, x′) = κ(xᵀx′/r²), and every dot-product kernel is diagonal in spherical
 * harmonics: the N(d<sub>in</sub>, ℓ) harmonics of degree ℓ share one eigenvalue (Bietti &amp; Mairal 2019,
 * arXiv 1905.12173; docs/sphere-spectra.md §1)
 * <pre>
 *   μ_ℓ = Γ(d_in/2) / (√π Γ((d_in − 1)/2)) ∫_{−1}^{1} κ(t) P_ℓ(t) (1 − t²)^((d_in − 3)/2) dt,
 *   N(d_in, 0) = 1,  N(d_in, ℓ) = (2ℓ + d_in − 2)/ℓ · C(ℓ + d_in − 3, d_in − 2),
 * </pre>
 * with the Gegenbauer polynomial normalised to P<sub>ℓ</sub>(1) = 1,
 * (ℓ + d<sub>in</sub> − 2) P<sub>ℓ+1</sub> = (2ℓ + d<sub>in</sub> − 2) t P<sub>ℓ</sub> − ℓ P<sub>ℓ−1</sub>.
 *
 * <p><b>Numerics.</b> κ is evaluated by {@link KernelBuilder#cross} itself, on points of the same
 * radius in the same ambient space as the data (so every convention of the architecture — the
 * 1/d<sub>in</sub> of the first layer, biases, parameterization — is the one the Gram matrix uses).
 * The integral is taken in θ = arccos t, ∫<sub>0</sub><sup>π</sup> κ(cos θ) P<sub>ℓ</sub>(cos θ)
 * sin<sup>d<sub>in</sub>−2</sup>θ dθ, by composite Gauss–Legendre ({@value #PANELS} panels of
 * {@value #NODES} nodes): the integrand is analytic inside every panel (the kernels' non-analytic
 * points t = ±1 are panel ends), so the rule is exact to rounding for the degrees used. Degrees are
 * added until two consecutive |μ<sub>ℓ</sub>| fall below the rounding floor
 * {@value #RELATIVE_FLOOR}·κ(1) or ℓ reaches {@value #MAX_DEGREE}; degrees below the floor are left
 * out. What is left out is known exactly, because the trace is κ(1) = Σ<sub>ℓ</sub> N(d<sub>in</sub>, ℓ)
 * μ<sub>ℓ</sub> (the addition theorem at x = x′): {@link #unresolvedMass()}.
 */
public final class SphericalHarmonicSpectrum {

    static final int PANELS = 64;
    static final int NODES = 64;
    static final double RELATIVE_FLOOR = 1e-13;
    static final int MAX_DEGREE = 2000;

    private final int inputDimension;
    private final int[] degrees;
    private final double[] eigenvalues;
    private final double[] multiplicities;
    private final double trace;

    private SphericalHarmonicSpectrum(int inputDimension, int[] degrees, double[] eigenvalues, double[] multiplicities,
                                      double trace) {
        this.inputDimension = inputDimension;
        this.degrees = degrees;
        this.eigenvalues = eigenvalues;
        this.multiplicities = multiplicities;
        this.trace = trace;
    }

    /**
     * @param a           the network
     * @param kind        NNGP or NTK
     * @param sphereDim   d of the sphere S<sup>d</sup> the points are uniform on (d<sub>in</sub> = d + 1 ≥ 2)
     * @param ambientDim  the input dimension the kernel sees (the sphere may sit in a subspace of it), ≥ d + 1
     * @param radius      the sphere's radius r &gt; 0 (all input norms)
     * @throws IllegalArgumentException for a bad dimension or radius
     */
    public static SphericalHarmonicSpectrum of(Architecture a, KernelKind kind, int sphereDim, int ambientDim, double radius) {
        if (sphereDim < 1 || ambientDim < sphereDim + 1 || ambientDim < 2) {
            throw new IllegalArgumentException("need a sphere S^d with d >= 1 inside an ambient space of dimension >= d + 1, got d = "
                    + sphereDim + ", ambient " + ambientDim);
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("sphere radius must be positive and finite, got " + radius);
        }
        int dIn = sphereDim + 1;
        double[] theta = new double[PANELS * NODES];
        double[] weight = new double[theta.length];
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        for (int p = 0; p < PANELS; p++) {
            GaussIntegrator panel = factory.legendre(NODES, p * Math.PI / PANELS, (p + 1) * Math.PI / PANELS);
            for (int j = 0; j < NODES; j++) {
                theta[p * NODES + j] = panel.getPoint(j);
                weight[p * NODES + j] = panel.getWeight(j);
            }
        }
        double[] kappa = kernelAtAngles(a, kind, ambientDim, radius, theta);
        DMatrixRMaj pole = new DMatrixRMaj(1, ambientDim);
        pole.set(0, 0, radius);
        double trace = KernelBuilder.gram(a, pole, EnumSet.of(kind), ProgressListener.NONE).get(kind).get(0, 0); // exact diagonal maps
        double normaliser = Math.exp(Gamma.logGamma(dIn / 2.0) - Gamma.logGamma((dIn - 1) / 2.0)) / Math.sqrt(Math.PI);
        double[] t = new double[theta.length];
        double[] measure = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            t[j] = Math.cos(theta[j]);
            measure[j] = normaliser * weight[j] * kappa[j] * Math.pow(Math.sin(theta[j]), dIn - 2);
        }
        double floor = RELATIVE_FLOOR * Math.abs(trace);
        double[] previous = new double[t.length];
        double[] current = new double[t.length];
        Arrays.fill(current, 1.0);
        double[] mu = new double[MAX_DEGREE + 1];
        double[] count = new double[MAX_DEGREE + 1];
        int[] degreeOf = new int[MAX_DEGREE + 1];
        int kept = 0;
        int belowFloor = 0;
        for (int degree = 0; degree <= MAX_DEGREE && belowFloor < 2; degree++) {
            double sum = 0;
            for (int j = 0; j < t.length; j++) {
                sum += measure[j] * current[j];
            }
            if (sum < -floor) {
                throw new IllegalStateException("degree " + degree + " has eigenvalue " + sum + " < 0: a positive-definite"
                        + " kernel cannot; the quadrature of κ failed (report this with the architecture)");
            }
            if (sum > floor) {
                degreeOf[kept] = degree;
                mu[kept] = sum;
                count[kept] = multiplicity(dIn, degree);
                kept++;
                belowFloor = 0;
            } else {
                belowFloor++;
            }
            for (int j = 0; j < t.length; j++) { // P_{ℓ+1} from P_ℓ, P_{ℓ−1}
                double next = degree == 0 ? t[j]
                        : ((2.0 * degree + dIn - 2) * t[j] * current[j] - degree * previous[j]) / (degree + dIn - 2);
                previous[j] = current[j];
                current[j] = next;
            }
        }
        return new SphericalHarmonicSpectrum(dIn, Arrays.copyOf(degreeOf, kept), Arrays.copyOf(mu, kept),
                Arrays.copyOf(count, kept), trace);
    }

    /** N(d_in, ℓ) = (2ℓ + d_in − 2)/ℓ · C(ℓ + d_in − 3, d_in − 2), in floating point (it overflows long quickly). */
    static double multiplicity(int dIn, int degree) {
        if (degree == 0) {
            return 1;
        }
        double logBinomial = Gamma.logGamma(degree + dIn - 2.0) - Gamma.logGamma(dIn - 1.0) - Gamma.logGamma(degree);
        return Math.rint((2.0 * degree + dIn - 2) / degree * Math.exp(logBinomial));
    }

    /** κ at the angles θ: K between r·e₁ and r(cos θ e₁ + sin θ e₂) in the ambient space. */
    private static double[] kernelAtAngles(Architecture a, KernelKind kind, int ambientDim, double radius, double[] theta) {
        DMatrixRMaj nodes = new DMatrixRMaj(theta.length, ambientDim);
        for (int j = 0; j < theta.length; j++) {
            nodes.set(j, 0, radius * Math.cos(theta[j]));
            nodes.set(j, 1, radius * Math.sin(theta[j]));
        }
        DMatrixRMaj pole = new DMatrixRMaj(1, ambientDim);
        pole.set(0, 0, radius);
        return KernelBuilder.cross(a, nodes, pole, EnumSet.of(kind), ProgressListener.NONE).get(kind).data;
    }

    /** @return d<sub>in</sub> = d + 1, the dimension of the subspace holding the sphere */
    public int inputDimension() {
        return inputDimension;
    }

    /** @return the resolved degrees ℓ, increasing (a copy) */
    public int[] degrees() {
        return degrees.clone();
    }

    /** @return μ<sub>ℓ</sub> of the resolved degrees, in increasing degree (a copy; parity zeros are left out) */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return N(d<sub>in</sub>, ℓ) of the resolved degrees, aligned with {@link #eigenvalues()} (a copy) */
    public double[] multiplicities() {
        return multiplicities.clone();
    }

    /** @return κ(1) = K(x, x) = Σ<sub>ℓ</sub> N(d<sub>in</sub>, ℓ) μ<sub>ℓ</sub>, the operator's trace */
    public double trace() {
        return trace;
    }

    /** @return the trace not carried by the resolved degrees, κ(1) − Σ N μ over them (≥ 0 up to rounding) */
    public double unresolvedMass() {
        double resolved = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            resolved += multiplicities[i] * eigenvalues[i];
        }
        return trace - resolved;
    }

    /**
     * @param ranks how many of the largest eigenvalues, counted with multiplicity (≥ 1)
     * @return the {@code ranks} largest operator eigenvalues, descending (fewer if the resolved
     *     degrees hold fewer)
     */
    public double[] descending(int ranks) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be >= 1, got " + ranks);
        }
        Integer[] order = new Integer[eigenvalues.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(eigenvalues[y], eigenvalues[x]));
        double[] out = new double[ranks];
        int filled = 0;
        for (int i = 0; i < order.length && filled < ranks; i++) {
            double mu = eigenvalues[order[i]];
            for (double m = 0; m < multiplicities[order[i]] && filled < ranks; m++) {
                out[filled++] = mu;
            }
        }
        return Arrays.copyOf(out, filled);
    }

    /**
     * The decay exponent of the exact spectrum far out. Degree ℓ is placed at rank
     * i(ℓ) = Σ<sub>l&lt;ℓ</sub> N(d<sub>in</sub>, l) + N(d<sub>in</sub>, ℓ)/2 — its rank when degrees are ordered by ℓ,
     * which is the descending order only asymptotically (μ of neighbouring degrees can interleave, and
     * parity zeros are counted), so this is an asymptotic proxy: 0.7549 against 0.7543 with the true
     * descending ranks for the depth-2 ReLU NNGP on S⁴, but coarser at high d<sub>in</sub>; and
     * α = −Δ log μ / Δ log i − 1 is the secant between the largest degree ℓ₂ whose μ is resolved to
     * 1% (μ ≥ 10⁻¹¹·κ(1), a hundred times the rounding floor) and the degree of the same parity nearest
     * ℓ₂/2 (a secant over a factor ≈ 2<sup>d<sub>in</sub>−1</sup> in rank keeps that 1% near 0.01 in α; 0.014 at
     * d<sub>in</sub> = 2). For ReLU
     * networks μ<sub>ℓ</sub> ∼ ℓ<sup>−β</sup> with β = d<sub>in</sub> (NTK) or d<sub>in</sub> + 2 (NNGP)
     * and i ∼ ℓ<sup>d<sub>in</sub>−1</sup>, so α → 1/(d<sub>in</sub> − 1) or 3/(d<sub>in</sub> − 1)
     * (docs/sphere-spectra.md §2): the value the data exponents of a same-kernel GP teacher approach as D → ∞.
     *
     * @return the exponent and the rank range it spans, or empty when fewer than two such degrees exist
     */
    public Optional<LocalExponent> farExponent() {
        double resolvedBelow = 100 * RELATIVE_FLOOR * trace;
        int hi = -1;
        for (int k = 0; k < degrees.length; k++) {
            if (degrees[k] >= 1 && eigenvalues[k] >= resolvedBelow) {
                hi = k;
            }
        }
        int lo = -1;
        for (int k = 0; hi > 0 && k < hi; k++) {
            boolean sameParity = (degrees[hi] - degrees[k]) % 2 == 0;
            if (degrees[k] >= 1 && sameParity && (lo < 0
                    || Math.abs(degrees[k] - degrees[hi] / 2.0) < Math.abs(degrees[lo] - degrees[hi] / 2.0))) {
                lo = k;
            }
        }
        if (lo < 0) {
            return Optional.empty();
        }
        double iLo = rankOfDegree(degrees[lo]);
        double iHi = rankOfDegree(degrees[hi]);
        double alpha = -Math.log(eigenvalues[hi] / eigenvalues[lo]) / Math.log(iHi / iLo) - 1;
        return Optional.of(new LocalExponent(alpha, iLo, iHi));
    }

    /** i(ℓ): the middle rank of degree ℓ's block when degrees are ranked by increasing ℓ. */
    private double rankOfDegree(int degree) {
        double before = 0;
        for (int l = 0; l < degree; l++) {
            before += multiplicity(inputDimension, l);
        }
        return before + 0.5 * multiplicity(inputDimension, degree);
    }

    /**
     * A decay exponent measured on the exact spectrum between two ranks.
     *
     * @param alpha    α in λ<sub>i</sub> ∝ i<sup>−(1+α)</sup>
     * @param rankFrom the smaller rank
     * @param rankTo   the larger rank
     */
    public record LocalExponent(double alpha, double rankFrom, double rankTo) {
    }

    @Override
    public String toString() {
        return "SphericalHarmonicSpectrum[d_in=" + inputDimension + ", degrees=" + eigenvalues.length + ", trace="
                + trace + ", unresolved=" + unresolvedMass() + "]";
    }
}
