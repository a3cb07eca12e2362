package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import kspec.data.Dataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017, arXiv:1708.07747) through
 * {@link NamedDatasets}: 60,000 training and 10,000 test images of 28 × 28 = 784 pixels in
 * 0..255, with exactly 6,000 and 1,000 images per class 0..9 (the published balanced split).
 *
 * <p>Needs the Debian package {@code dataset-fashion-mnist} (or {@code KSPEC_FASHION_MNIST_DIR}).
 * Without it the test is skipped, except on CI ({@code CI=true}), where the package is installed
 * and its absence is a failure.
 */
class FashionMnistTest {

    @Test
    void trainSplitIs60000ImagesWith6000PerClass() {
        assumeInstalled();
        check(NamedDatasets.load("fashion-mnist:train"), "fashion-mnist:train", 60_000, 6_000);
    }

    @Test
    void testSplitIs10000ImagesWith1000PerClass() {
        assumeInstalled();
        check(NamedDatasets.load("fashion-mnist:test"), "fashion-mnist:test", 10_000, 1_000);
    }

    private static void check(Dataset d, String name, int n, int perClass) {
        assertEquals(name, d.name());
        assertEquals(n, d.n());
        assertEquals(784, d.dim());
        assertEquals("ubyte", d.provenance().dtype());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : d.points().data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.0, min, "darkest pixel");
        assertEquals(255.0, max, "brightest pixel");
        int[] counts = new int[10];
        for (int label : d.labels().orElseThrow()) {
            counts[label]++; // a label outside 0..9 fails here with an index error
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(perClass, counts[c], "images of class " + c);
        }
    }

    private static void assumeInstalled() {
        String override = System.getenv(NamedDatasets.DIR_VARIABLE);
        Path dir = override != null && !override.isBlank() ? Path.of(override) : NamedDatasets.DEBIAN_DIR;
        boolean present = Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                || Files.isRegularFile(dir.resolve("train-images-idx3-ubyte"));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("Fashion-MNIST not found in " + dir + " on CI; the CI job must install dataset-fashion-mnist");
        }
        Assumptions.assumeTrue(present, "Fashion-MNIST not installed in " + dir
                + "; run `sudo apt-get install dataset-fashion-mnist` to run this test");
    }
}
