package kspec.data.synthetic;

import java.util.SplittableRandom;
import kspec.data.Dataset;
import kspec.data.Provenance;
import kspec.core.linalg.Blas;
import kspec.core.memory.HeapBudget;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Samples of manifolds of known intrinsic dimension, drawn exactly from their distribution and
 * embedded isometrically in a higher ambient dimension. Ground truth for intrinsic-dimension
 * estimators and for kernel spectra on spheres.
 *
 * <p>Distributions, in native coordinates (see {@link ManifoldKind} for the native dimensions):
 * <ul>
 * <li><b>sphere</b> S<sup>d</sup>: uniform (surface measure), x = g/‖g‖ with g ~ N(0, I<sub>d+1</sub>)
 *     (Muller 1959, CACM 2:19; Marsaglia 1972, Ann. Math. Stat. 43:645).</li>
 * <li><b>cube</b> [0,1]<sup>d</sup>: uniform, independent coordinates.</li>
 * <li><b>torus</b> T<sup>d</sup>: u ~ U[0,1)<sup>d</sup>, circle j at coordinates (2j, 2j+1) =
 *     r(cos 2πu<sub>j</sub>, sin 2πu<sub>j</sub>) with r = 1/(2π), so that the flat metric has period 1 in
 *     every u<sub>j</sub>: the product of circles is isometric to R<sup>d</sup>/Z<sup>d</sup> and the chord
 *     distance is ‖Δx‖² = Σ<sub>j</sub> (2r sin(π δ<sub>j</sub>))², δ<sub>j</sub> = min(|Δu<sub>j</sub>|, 1 − |Δu<sub>j</sub>|),
 *     ≈ the flat distance for close points.</li>
 * <li><b>swiss roll</b> (d = 2), as scikit-learn's {@code make_swiss_roll} without noise:
 *     t = 1.5π(1 + 2u), h = 21v with u, v ~ U[0,1), x = (t cos t, h, t sin t). Uniform in (t, h),
 *     hence <em>not</em> uniform in the intrinsic (arc-length) metric: arc length along the spiral is
 *     ds = √(1 + t²) dt, so the density per unit area falls like 1/√(1 + t²) towards the outer turns.</li>
 * <li><b>gaussian</b>: N(0, I<sub>d</sub>).</li>
 * </ul>
 *
 * <p>Embedding: when {@code ambient > native}, X = Y Q<sup>T</sup> with Y the n × native samples and Q an
 * ambient × native Haar-random matrix with orthonormal columns; Q<sup>T</sup>Q = I preserves all inner
 * products, norms and distances. When {@code ambient == native} the native coordinates are returned.
 *
 * <p>Randomness: one {@link SplittableRandom} seeded with {@code seed} is split into a stream for the
 * points and one for Q, so {@link #sampleNative} returns exactly the points {@link #sample} embeds.
 */
public final class SyntheticManifolds {

    /** Radius of each torus circle: 1/(2π), so the circumference and the period of u are 1. */
    public static final double TORUS_RADIUS = 1.0 / (2.0 * Math.PI);
    /** Height of scikit-learn's swiss roll. */
    static final double SWISS_ROLL_HEIGHT = 21.0;
    /** Largest array a JVM reliably allocates. */
    private static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private SyntheticManifolds() {
    }

    /**
     * @param spec what to sample
     * @param n    number of points, ≥ 1
     * @param seed seed of all randomness (points and embedding)
     * @return n × spec.ambient() points named by the canonical spec, provenance
     *     {@code (spec, "synthetic", "float64")} plus one step recording n, seed and the embedding
     */
    public static Dataset sample(SyntheticSpec spec, int n, long seed) {
        checkSize(spec, n);
        int held = spec.nativeDimension() + (spec.isEmbedded() ? spec.ambient() : 0);
        HeapBudget.require("sampling " + n + " points of " + spec, HeapBudget.bytes(n, held, Double.BYTES));
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom pointsRng = root.split();
        SplittableRandom rotationRng = root.split();
        DMatrixRMaj nativePoints = sampleNative(spec, n, pointsRng);
        DMatrixRMaj points;
        String where;
        if (spec.isEmbedded()) {
            DMatrixRMaj q = randomOrthonormalColumns(spec.nativeDimension(), spec.ambient(), rotationRng);
            points = new DMatrixRMaj(n, spec.ambient());
            Blas.multTransB(nativePoints, q, points);
            where = "embedded in R^" + spec.ambient() + " by a random orthogonal map";
        } else {
            points = nativePoints;
            where = "native coordinates in R^" + spec.ambient() + ", no embedding";
        }
        String name = spec.toString();
        Provenance provenance = Provenance.of(name, "synthetic", "float64")
                .with("sampled n=" + n + ", seed=" + seed + ", " + where);
        return Dataset.of(name, points, provenance);
    }

    /**
     * @return the n × spec.nativeDimension() points, before embedding, that {@link #sample} with the
     *     same arguments embeds
     */
    public static DMatrixRMaj sampleNative(SyntheticSpec spec, int n, long seed) {
        return sampleNative(spec, n, new SplittableRandom(seed).split());
    }

    /**
     * A Haar-random (uniformly distributed) matrix with orthonormal columns: the Q of the thin QR
     * factorisation G = QR of an ambient × native matrix of independent N(0,1) entries, with column j
     * multiplied by sign(R<sub>jj</sub>) so that R has a positive diagonal. Without the sign fix the
     * result depends on the QR algorithm's sign convention and is not Haar (Mezzadri 2007,
     * "How to generate random matrices from the classical compact groups", arXiv math-ph/0609050).
     *
     * @param nativeDim number of columns, ≥ 1
     * @param ambient   number of rows, ≥ nativeDim
     * @param rng       Modified: advanced by ambient·nativeDim Gaussian draws
     * @return ambient × nativeDim Q with Q<sup>T</sup>Q = I
     */
    public static DMatrixRMaj randomOrthonormalColumns(int nativeDim, int ambient, SplittableRandom rng) {
        if (nativeDim < 1 || ambient < nativeDim) {
            throw new IllegalArgumentException("need 1 <= native <= ambient, got native=" + nativeDim
                    + ", ambient=" + ambient);
        }
        DMatrixRMaj g = new DMatrixRMaj(ambient, nativeDim);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rng.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(ambient, nativeDim);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a " + ambient + " × " + nativeDim + " Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < nativeDim; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < ambient; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    private static void checkSize(SyntheticSpec spec, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of points must be >= 1, got n=" + n + " for " + spec);
        }
        if ((long) n * spec.ambient() > MAX_ENTRIES) {
            throw new IllegalArgumentException("n × ambient = " + n + " × " + spec.ambient() + " exceeds the "
                    + MAX_ENTRIES + " entries of one dense matrix; lower n or ambient");
        }
    }

    private static DMatrixRMaj sampleNative(SyntheticSpec spec, int n, SplittableRandom rng) {
        checkSize(spec, n);
        int d = spec.d();
        DMatrixRMaj y = new DMatrixRMaj(n, spec.nativeDimension());
        double[] a = y.data;
        switch (spec.kind()) {
            case SPHERE -> {
                int m = d + 1;
                for (int i = 0; i < n; i++) {
                    sphereRow(a, i * m, m, rng);
                }
            }
            case CUBE -> {
                for (int k = 0; k < a.length; k++) {
                    a[k] = rng.nextDouble();
                }
            }
            case GAUSSIAN -> {
                for (int k = 0; k < a.length; k++) {
                    a[k] = rng.nextGaussian();
                }
            }
            case TORUS -> {
                for (int k = 0; k < n * d; k++) {
                    double angle = 2.0 * Math.PI * rng.nextDouble();
                    a[2 * k] = TORUS_RADIUS * Math.cos(angle);
                    a[2 * k + 1] = TORUS_RADIUS * Math.sin(angle);
                }
            }
            case SWISS_ROLL -> {
                for (int i = 0; i < n; i++) {
                    double t = 1.5 * Math.PI * (1.0 + 2.0 * rng.nextDouble());
                    a[3 * i] = t * Math.cos(t);
                    a[3 * i + 1] = SWISS_ROLL_HEIGHT * rng.nextDouble();
                    a[3 * i + 2] = t * Math.sin(t);
                }
            }
        }
        return y;
    }

    /**
     * Fills a[off..off+m) with g/‖g‖, g ~ N(0, I_m), redrawing the probability-zero g = 0.
     *
     * @param a   Modified: entries off..off+m−1 overwritten
     * @param rng Modified
     */
    private static void sphereRow(double[] a, int off, int m, SplittableRandom rng) {
        double sumSq;
        do {
            sumSq = 0;
            for (int j = 0; j < m; j++) {
                double g = rng.nextGaussian();
                a[off + j] = g;
                sumSq += g * g;
            }
        } while (sumSq == 0);
        double inv = 1.0 / Math.sqrt(sumSq);
        for (int j = 0; j < m; j++) {
            a[off + j] *= inv;
        }
    }
}
