package kspec.kernels;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The m-point Gauss–Hermite rule \( \int e^{-x^2} f(x)\,dx \approx \sum_j w_j f(x_j) \), exact for
 * polynomials of degree ≤ 2m − 1. Nodes by the Golub–Welsch algorithm (Golub &amp; Welsch 1969, Math.
 * Comp. 23, 221–230): the eigenvalues of the symmetric tridiagonal Jacobi matrix of the Hermite
 * recurrence, J<sub>k,k+1</sub> = √(k/2) (one dense symmetric eigen-decomposition of size m, EJML),
 * each polished by one Newton step on p<sub>m</sub>. Weights as Christoffel numbers,
 * w<sub>j</sub> = 1/Σ<sub>k&lt;m</sub> p<sub>k</sub>(x<sub>j</sub>)², with p<sub>k</sub> the
 * orthonormal Hermite polynomials (p<sub>0</sub> = π<sup>−1/4</sup>,
 * p<sub>k+1</sub> = x√(2/(k+1))·p<sub>k</sub> − √(k/(k+1))·p<sub>k−1</sub>): relatively accurate
 * down to the smallest weights (1e-150 at m = 200), which the eigenvector form w = √π·v<sub>0</sub>²
 * is not. Commons Math's factory takes seconds at m = 200; rules are memoized per m.
 */
final class GaussHermiteRule {

    private static final Map<Integer, GaussHermiteRule> RULES = new ConcurrentHashMap<>();

    private final double[] nodes;
    private final double[] weights;

    private GaussHermiteRule(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * @param m nodes, 1 ≤ m ≤ 200 (beyond, p_k² overflows at the outer nodes)
     * @return the rule, nodes ascending
     */
    static GaussHermiteRule of(int m) {
        if (m < 1 || m > 200) {
            throw new IllegalArgumentException("Gauss–Hermite node count must be in 1…200 (got " + m + ")");
        }
        return RULES.computeIfAbsent(m, GaussHermiteRule::compute);
    }

    private static GaussHermiteRule compute(int m) {
        DMatrixRMaj jacobi = new DMatrixRMaj(m, m);
        for (int k = 1; k < m; k++) {
            double off = Math.sqrt(k / 2.0);
            jacobi.set(k - 1, k, off);
            jacobi.set(k, k - 1, off);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(jacobi)) {
            throw new IllegalStateException("the Jacobi matrix of the " + m + "-point Gauss–Hermite rule did not decompose");
        }
        Integer[] order = new Integer[m];
        double[] x = new double[m];
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(a).real, eig.getEigenvalue(b).real));
        for (int j = 0; j < m; j++) {
            double node = eig.getEigenvalue(order[j]).real;
            double[] p = orthonormal(node, m);
            node -= p[m] / (Math.sqrt(2.0 * m) * p[m - 1]);
            p = orthonormal(node, m);
            double sum = 0;
            for (int k = 0; k < m; k++) {
                sum += p[k] * p[k];
            }
            x[j] = node;
            w[j] = 1 / sum;
        }
        return new GaussHermiteRule(x, w);
    }

    /** @return p_0(x) … p_m(x), the orthonormal Hermite polynomials (weight e^{−x²}) by their recurrence */
    private static double[] orthonormal(double x, int m) {
        double[] p = new double[m + 1];
        p[0] = Math.pow(Math.PI, -0.25);
        for (int k = 0; k < m; k++) {
            p[k + 1] = x * Math.sqrt(2.0 / (k + 1)) * p[k] - (k > 0 ? Math.sqrt((double) k / (k + 1)) * p[k - 1] : 0.0);
        }
        return p;
    }

    /** @return node j, ascending in j */
    double node(int j) {
        return nodes[j];
    }

    /** @return weight j */
    double weight(int j) {
        return weights[j];
    }

    /** @return m */
    int size() {
        return nodes.length;
    }
}
