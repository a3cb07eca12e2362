package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import kspec.data.io.NpyReader;
import kspec.data.io.NpyWriter;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kspec kernel} end to end: the NPY files it writes hold the closed-form kernels.
 *
 * <p>With inputs scaled so that x·x′/d_in = z = cos(angle) (--sphere sqrt-dim), first Dense W_std = 1,
 * readout W_std = √2, no bias, one ReLU layer, neural-tangents' recursion reduces to the Cho–Saul
 * arc-cosine kernels (docs/kernels.md §4): NNGP = κ₁(z), NTK = κ₁(z) + z·κ₀(z), with
 * κ₁(z) = (√(1 − z²) + z(π − arccos z))/π and κ₀(z) = (π − arccos z)/π.
 */
class KspecKernelTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        StringWriter sink = new StringWriter();
        return Kspec.execute(args, new PrintWriter(sink, true), new PrintWriter(sink, true));
    }

    @Test
    void writtenKernelsEqualTheArcCosineClosedForms() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{3, 0, 4}, {0, 1, 0}, {-1, -1, 0.5}, {2, 2, 2}});
        Path data = dir.resolve("x.npy");
        NpyWriter.write(data, x);
        Path out = dir.resolve("K.npy");
        assertEquals(0, run("kernel", "--data", data.toString(), "--sphere", "sqrt-dim",
                "--arch", "Dense(1) Relu Dense(1.4142135623730951)", "--kind", "both", "--out", out.toString()));
        DMatrixRMaj nngp = NpyReader.read(dir.resolve("K.nngp.npy")).asMatrix();
        DMatrixRMaj ntk = NpyReader.read(dir.resolve("K.ntk.npy")).asMatrix();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double z = cosine(x, i, j);
                double k0 = (Math.PI - Math.acos(z)) / Math.PI;
                double k1 = (Math.sqrt(Math.max(0, 1 - z * z)) + z * (Math.PI - Math.acos(z))) / Math.PI;
                assertEquals(k1, nngp.get(i, j), 1e-12, "NNGP(" + i + "," + j + ")");
                assertEquals(k1 + z * k0, ntk.get(i, j), 1e-12, "NTK(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void crossKernelOfTheDataWithItselfEqualsTheSymmetricBuild() {
        Path data = dir.resolve("pts.npy");
        NpyWriter.write(data, new DMatrixRMaj(new double[][] {{1, 2, 0.5}, {0, -1, 3}, {2, 2, -2}, {0.1, 0, 0}, {-1, 1, 1}}));
        Path gram = dir.resolve("gram.npy");
        Path cross = dir.resolve("cross.npy");
        String[] arch = {"--depth", "3", "--activation", "erf", "--b-std", "0.1"};
        assertEquals(0, run(concat(new String[] {"kernel", "--data", data.toString(), "--out", gram.toString()}, arch)));
        assertEquals(0, run(concat(new String[] {"kernel", "--data", data.toString(), "--test-data", data.toString(),
                "--out", cross.toString()}, arch)));
        DMatrixRMaj k = NpyReader.read(gram).asMatrix();
        DMatrixRMaj c = NpyReader.read(cross).asMatrix();
        for (int i = 0; i < k.getNumElements(); i++) {
            assertEquals(k.data[i], c.data[i], 1e-12 * Math.abs(k.data[i]));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void architectureErrorsAreOneLineWithExitCodeOne() {
        StringWriter err = new StringWriter();
        int code = Kspec.execute(new String[] {"kernel", "--arch", "Dense(1.5) Foo Dense(1)", "--out", dir.resolve("k.npy").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, code);
        assertTrue(err.toString().contains("Foo"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    private static double cosine(DMatrixRMaj x, int i, int j) {
        double dot = 0;
        double ni = 0;
        double nj = 0;
        for (int c = 0; c < x.numCols; c++) {
            dot += x.get(i, c) * x.get(j, c);
            ni += x.get(i, c) * x.get(i, c);
            nj += x.get(j, c) * x.get(j, c);
        }
        return Math.max(-1, Math.min(1, dot / Math.sqrt(ni * nj)));
    }
}
