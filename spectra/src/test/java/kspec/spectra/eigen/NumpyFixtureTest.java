package kspec.spectra.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A 60 × 60 RBF kernel matrix and its eigenvalues from numpy.linalg.eigvalsh (resources
 * {@code eigen/rbf60_*.csv}, made by {@code eigen/make_rbf60.py}: numpy 2.4.6, seed 20261122).
 */
class NumpyFixtureTest {

    /**
     * Two LAPACK-class solvers (numpy's dsyevd on its BLAS, and ours) on a matrix read from 17-digit
     * text: agreement to ~1e-14 of λ<sub>max</sub>; 1e-12 leaves room for different BLAS kernels.
     */
    private static final double NUMPY_TOL = 1e-12;

    private static List<double[]> readCsv(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = NumpyFixtureTest.class.getResourceAsStream("/eigen/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource eigen/" + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Double.parseDouble(cells[i].trim());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void everyBackendMatchesNumpyEigvalsh() throws IOException {
        List<double[]> rows = readCsv("rbf60_matrix.csv");
        int n = rows.size();
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, k.data, i * n, n);
        }
        double[] numpy = readCsv("rbf60_eigvalsh.csv").stream().mapToDouble(r -> r[0]).toArray();
        assertEquals(60, n);
        assertEquals(n, numpy.length);

        Spectrum factory = Eigensolvers.symmetric(k, EigenRequest.all().raw());
        assertEquals(DenseSymmetricEigen.LAPACK_ALL, factory.backend(), "n = 60 is above the EJML threshold");
        double[][] results = {
            factory.eigenvalues(),
            DenseSymmetricEigen.ejml(k, 0, false).values(),
            DenseSymmetricEigen.lapackTop(k, 25, false).values(),
            Eigensolvers.topK(SymmetricOperator.dense(k), EigenRequest.top(25).raw()).eigenvalues(),
        };
        String[] names = {"dsyevd (factory)", "ejml", "dsyevr", "block-krylov"};
        for (int r = 0; r < results.length; r++) {
            for (int i = 0; i < results[r].length; i++) {
                assertEquals(numpy[i], results[r][i], NUMPY_TOL * numpy[0], names[r] + " eigenvalue " + i);
            }
        }
    }
}
