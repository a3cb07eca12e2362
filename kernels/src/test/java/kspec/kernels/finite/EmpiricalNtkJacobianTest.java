package kspec.kernels.finite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import kspec.kernels.Architecture;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The Jacobian contraction of {@link EmpiricalNtk} equals J Jᵀ with the Jacobian J = ∂f/∂θ formed
 * explicitly by central finite differences of the network output over every trainable parameter
 * (an independent route: no backpropagation). Smooth activations keep the differences accurate:
 * step 1e-5 gives truncation error O(h²) ≈ 1e-10, so the tolerance is 1e-7 relative.
 */
class EmpiricalNtkJacobianTest {

    private static void check(String arch) {
        Architecture a = Architecture.parse(arch);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(4, 3, -1, 1, new Random(8));
        RandomNetwork net = RandomNetwork.draw(a, 3, 5, 77);
        double[] theta = net.parameters();
        int p = theta.length;
        double[][] jac = new double[x.numRows][p];
        double h = 1e-5;
        for (int k = 0; k < p; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] fp = net.withParameters(plus).output(x);
            double[] fm = net.withParameters(minus).output(x);
            for (int i = 0; i < x.numRows; i++) {
                jac[i][k] = (fp[i] - fm[i]) / (2 * h);
            }
        }
        DMatrixRMaj ntk = EmpiricalNtk.of(net, x, null);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numRows; j++) {
                double want = 0;
                for (int k = 0; k < p; k++) {
                    want += jac[i][k] * jac[j][k];
                }
                assertEquals(want, ntk.get(i, j), 1e-7 * Math.abs(want) + 1e-12, arch + " (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void ntkParameterizationWithBias() {
        check("Dense(1.3,0.4) Erf Dense(0.9,0.2) Gelu Dense(1.1,0.3)");
    }

    @Test
    void standardParameterizationWithZeroAndAbsentBias() {
        check("Dense(1.3,0.0) Erf Dense(0.9) Sin(1.0,1.5,0.2) Dense(1.1,0.3) parameterization=standard width=5");
    }

    @Test
    void networksAreReproducibleAcrossPointSets() {
        Architecture a = Architecture.parse("Dense(1.3,0.4) Relu Dense(0.9,0.2) Relu Dense(1.1)");
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(6, 3, -1, 1, new Random(1));
        DMatrixRMaj firstTwo = new DMatrixRMaj(2, 3);
        System.arraycopy(x.data, 0, firstTwo.data, 0, 6);
        DMatrixRMaj all = RandomFeatures.features(a, x, 16, 5);
        DMatrixRMaj sub = RandomFeatures.features(a, firstTwo, 16, 5);
        for (int e = 0; e < sub.data.length; e++) {
            assertEquals(all.data[e], sub.data[e], 0.0, "same seed, same network");
        }
        DMatrixRMaj cross = EmpiricalNtk.cross(a, firstTwo, x, 16, 5);
        DMatrixRMaj full = EmpiricalNtk.gram(a, x, 16, 5);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(full.get(i, j), cross.get(i, j), 1e-12 * Math.abs(full.get(i, j)));
            }
        }
    }
}
