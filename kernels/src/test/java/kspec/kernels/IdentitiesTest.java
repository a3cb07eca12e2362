package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kspec.core.progress.ProgressListener;
import java.util.EnumSet;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Identities between activations (Relu ≡ ABRelu(0,1), LeakyRelu(α) ≡ ABRelu(α,1), Abs ≡ ABRelu(−1,1))
 * and the normalised arc-cosine recursion on the sphere (docs/kernels.md §4: κ₀, κ₁ of Cho &amp; Saul 2009).
 */
class IdentitiesTest {

    private static final DMatrixRMaj X = RandomMatrices_DDRM.rectangle(9, 4, -1, 1, new Random(3));

    private static KernelPair build(String arch) {
        return KernelBuilder.gram(Architecture.parse(arch), X, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
    }

    private static void assertSameKernels(String a, String b) {
        KernelPair ka = build(a);
        KernelPair kb = build(b);
        for (KernelKind kind : KernelKind.values()) {
            assertArrayEquals(kb.get(kind).data, ka.get(kind).data, 1e-15 * maxAbs(kb.get(kind)), kind + ": " + a + " vs " + b);
        }
    }

    private static double maxAbs(DMatrixRMaj m) {
        double mx = 0;
        for (double v : m.data) {
            mx = Math.max(mx, Math.abs(v));
        }
        return mx;
    }

    @Test
    void reluIsABReluZeroOne() {
        assertSameKernels("Dense(1.4,0.1) Relu Dense(1.2,0.3) Relu Dense(1.1)",
                "Dense(1.4,0.1) ABRelu(0,1) Dense(1.2,0.3) ABRelu(0,1) Dense(1.1)");
    }

    @Test
    void leakyReluIsABReluAlphaOne() {
        assertSameKernels("Dense(1.4,0.1) LeakyRelu(0.15) Dense(1.2) LeakyRelu(0.15) Dense(1.1)",
                "Dense(1.4,0.1) ABRelu(0.15,1) Dense(1.2) ABRelu(0.15,1) Dense(1.1)");
    }

    @Test
    void absIsABReluMinusOneOne() {
        assertSameKernels("Dense(1.4,0.1) Abs Dense(1.2) Abs Dense(1.1) parameterization=standard width=33",
                "Dense(1.4,0.1) ABRelu(-1,1) Dense(1.2) ABRelu(-1,1) Dense(1.1) parameterization=standard width=33");
    }

    @Test
    void normalisedArcCosineRecursionOnTheSphere() {
        // points on S^(d−1) scaled so that x·x′/d = cos(angle): |x| = √d
        int d = 4;
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(8, d, -1, 1, new Random(17));
        for (int i = 0; i < x.numRows; i++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += x.get(i, k) * x.get(i, k);
            }
            for (int k = 0; k < d; k++) {
                x.set(i, k, x.get(i, k) * Math.sqrt(d / norm));
            }
        }
        double r2 = Math.sqrt(2);
        for (int hidden = 1; hidden <= 4; hidden++) {
            StringBuilder arch = new StringBuilder("Dense(1.0) Relu");
            for (int l = 1; l < hidden; l++) {
                arch.append(" Dense(").append(r2).append(") Relu");
            }
            arch.append(" Dense(").append(r2).append(")");
            KernelPair k = KernelBuilder.gram(Architecture.parse(arch.toString()), x, EnumSet.allOf(KernelKind.class),
                    ProgressListener.NONE);
            for (int i = 0; i < x.numRows; i++) {
                for (int j = 0; j < x.numRows; j++) {
                    double z = 0;
                    for (int c = 0; c < d; c++) {
                        z += x.get(i, c) * x.get(j, c);
                    }
                    // the diagonal is exactly z = 1 (arccos is ill-conditioned at 1: one ulp in z moves κ₀ by 1e-8)
                    z = i == j ? 1.0 : Math.max(-1, Math.min(1, z / d));
                    double sigma = z;
                    double theta = z;
                    for (int l = 0; l < hidden; l++) {
                        double k0 = (Math.PI - Math.acos(sigma)) / Math.PI;
                        double k1 = (Math.sqrt(Math.max(0, 1 - sigma * sigma)) + sigma * (Math.PI - Math.acos(sigma))) / Math.PI;
                        theta = k1 + theta * k0;
                        sigma = k1;
                    }
                    assertEquals(sigma, k.get(KernelKind.NNGP).get(i, j), 1e-12, "NNGP, " + hidden + " hidden layers");
                    assertEquals(theta, k.get(KernelKind.NTK).get(i, j), 1e-12 * hidden, "NTK, " + hidden + " hidden layers");
                }
            }
            assertTrue(Math.abs(k.get(KernelKind.NNGP).get(0, 0) - 1) < 1e-15, "κ₁(1) = 1 on the diagonal");
        }
    }
}
