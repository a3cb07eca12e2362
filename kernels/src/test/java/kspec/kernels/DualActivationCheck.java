package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import kspec.core.progress.ProgressListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks run for every closed-form activation (EJML-style abstract check): the Gram matrices K(X)
 * and K(X, Y) equal the independent scalar evaluation {@link ReferenceKernels} of the neural-tangents
 * formulas to 1e-12 relative (entry (i, j) compared against √(R_ii R_jj)), for both
 * parameterizations, with and without bias, depth 1–5; and the production duals agree with
 * Gauss–Hermite quadrature of φ and φ′ (an independent route) to the quadrature's accuracy.
 */
abstract class DualActivationCheck {

    /** Exactness target of the issue. */
    static final double EXACT = 1e-12;
    static final int D_IN = 5;
    static final int WIDTH = 7;

    /** @return the activation token as written in an architecture string */
    abstract String token();

    /** @return the reference dual, written in the test from the formulas */
    abstract RefDual reference();

    /** @return W_std for the Dense layers (keeps deep kernels finite for growing activations) */
    double wStd() {
        return 1.3;
    }

    /**
     * @return relative tolerance on Φ of the quadrature cross-check (m = 96 nodes; values measured
     *         with {@code GaussHermiteActivation}, see its accuracy statement: rounding level for
     *         analytic φ, algebraic convergence for a kink), or 0 to skip it (φ with a jump, where
     *         Gauss–Hermite does not converge)
     */
    abstract double quadratureTolerance();

    /** @return relative tolerance on Σ̇ of the quadrature cross-check (a jump in φ′ converges slowly) */
    double quadratureSlopeTolerance() {
        return quadratureTolerance();
    }

    private static DMatrixRMaj points(int n, long seed) {
        return RandomMatrices_DDRM.rectangle(n, D_IN, -1.2, 1.2, new Random(seed));
    }

    private String archString(int depth, boolean bias, boolean standard) {
        String dense = bias ? "Dense(" + wStd() + ",0.2)" : "Dense(" + wStd() + ")";
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < depth; l++) {
            sb.append(dense).append(' ').append(token()).append(' ');
        }
        sb.append(dense);
        if (standard) {
            sb.append(" parameterization=standard width=").append(WIDTH);
        }
        return sb.toString();
    }

    private List<ReferenceKernels.Ref> referenceNet(int depth, boolean bias) {
        List<ReferenceKernels.Ref> net = new ArrayList<>();
        Double b = bias ? 0.2 : null;
        for (int l = 0; l < depth; l++) {
            net.add(ReferenceKernels.Ref.dense(wStd(), b));
            net.add(ReferenceKernels.Ref.act(reference()));
        }
        net.add(ReferenceKernels.Ref.dense(wStd(), b));
        return net;
    }

    private static double[] row(DMatrixRMaj m, int i) {
        double[] r = new double[m.numCols];
        System.arraycopy(m.data, i * m.numCols, r, 0, m.numCols);
        return r;
    }

    @Test
    final void gramMatchesScalarReference() {
        DMatrixRMaj x = points(6, 11);
        for (boolean standard : new boolean[] {false, true}) {
            for (boolean bias : new boolean[] {false, true}) {
                for (int depth = 1; depth <= 5; depth++) {
                    Architecture a = Architecture.parse(archString(depth, bias, standard));
                    KernelPair k = KernelBuilder.gram(a, x, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
                    List<ReferenceKernels.Ref> net = referenceNet(depth, bias);
                    int n = x.numRows;
                    double[][][] ref = new double[2][n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double[] r = ReferenceKernels.pair(net, standard, WIDTH, row(x, i), row(x, j), i == j);
                            ref[0][i][j] = r[0];
                            ref[1][i][j] = r[1];
                        }
                    }
                    String what = a + " depth " + depth;
                    compare(ref[0], k.get(KernelKind.NNGP), "NNGP of " + what);
                    compare(ref[1], k.get(KernelKind.NTK), "NTK of " + what);
                }
            }
        }
    }

    @Test
    final void crossMatchesScalarReference() {
        DMatrixRMaj test = points(3, 5);
        DMatrixRMaj train = points(7, 6);
        for (boolean standard : new boolean[] {false, true}) {
            Architecture a = Architecture.parse(archString(3, true, standard));
            KernelPair k = KernelBuilder.cross(a, test, train, EnumSet.allOf(KernelKind.class), ProgressListener.NONE);
            List<ReferenceKernels.Ref> net = referenceNet(3, true);
            for (int kind = 0; kind < 2; kind++) {
                DMatrixRMaj got = k.get(kind == 0 ? KernelKind.NNGP : KernelKind.NTK);
                assertEquals(3, got.numRows);
                assertEquals(7, got.numCols);
                for (int i = 0; i < 3; i++) {
                    double[] rowDiag = ReferenceKernels.pair(net, standard, WIDTH, row(test, i), row(test, i), true);
                    for (int j = 0; j < 7; j++) {
                        double[] colDiag = ReferenceKernels.pair(net, standard, WIDTH, row(train, j), row(train, j), true);
                        double want = ReferenceKernels.pair(net, standard, WIDTH, row(test, i), row(train, j), false)[kind];
                        double scale = Math.max(Math.sqrt(Math.abs(rowDiag[kind] * colDiag[kind])), Double.MIN_NORMAL);
                        double err = Math.abs(got.get(i, j) - want) / scale;
                        assertTrue(err <= EXACT, () -> a + " cross entry error " + err);
                    }
                }
            }
        }
    }

    @Test
    final void dualsAgreeWithGaussHermiteQuadrature() {
        double tol = quadratureTolerance();
        Assumptions.assumeTrue(tol > 0, "φ has a jump: quadrature does not converge");
        Activation act = Activations.parse(token());
        Activation quad = Activations.numerical("quad", act::apply, act::slope, 96);
        for (double q1 : new double[] {0.3, 1.0, 2.5}) {
            for (double q2 : new double[] {0.5, 1.7}) {
                for (double rho : new double[] {-0.9, -0.3, 0.0, 0.5, 0.95}) {
                    double c = rho * Math.sqrt(q1 * q2);
                    double scalePhi = Math.sqrt(Math.abs(quad.dualDiagonal(q1) * quad.dualDiagonal(q2)));
                    double scaleDot = Math.sqrt(Math.abs(quad.dualSlopeDiagonal(q1) * quad.dualSlopeDiagonal(q2)));
                    String at = token() + " at (" + q1 + ", " + q2 + ", ρ=" + rho + ")";
                    assertEquals(quad.dual(q1, q2, c), act.dual(q1, q2, c), tol * scalePhi, "Φ " + at);
                    assertEquals(quad.dualSlope(q1, q2, c), act.dualSlope(q1, q2, c), quadratureSlopeTolerance() * Math.max(scaleDot, 1e-300),
                            "Σ̇ " + at);
                }
                assertEquals(quad.dualDiagonal(q1), act.dualDiagonal(q1), tol * Math.abs(quad.dualDiagonal(q1)),
                        "diagonal Φ " + token());
            }
        }
    }

    private static void compare(double[][] ref, DMatrixRMaj got, String what) {
        int n = ref.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double scale = Math.max(Math.sqrt(Math.abs(ref[i][i] * ref[j][j])), Double.MIN_NORMAL);
                double err = Math.abs(got.get(i, j) - ref[i][j]) / scale;
                if (!(err <= EXACT)) {
                    fail(what + ": entry (" + i + "," + j + ") = " + got.get(i, j) + ", reference " + ref[i][j]
                            + ", relative error " + err);
                }
            }
        }
    }
}
