package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kspec.data.DataException;
import kspec.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NamedDatasets} on a directory laid out like the Debian package, filled with small IDX fixtures. */
class NamedDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void recognisesNamesNotPaths() {
        assertTrue(NamedDatasets.isNamed("fashion-mnist:train"));
        assertTrue(NamedDatasets.isNamed("Fashion-MNIST:test"));
        assertFalse(NamedDatasets.isNamed("data/fashion-mnist.npy"));
        assertFalse(NamedDatasets.isNamed(null));
    }

    @Test
    void loadsSplitFromOverrideDirectory() throws IOException {
        Files.copy(Fixtures.resource("idx/images-idx3-ubyte.gz"), dir.resolve("t10k-images-idx3-ubyte.gz"));
        Files.copy(Fixtures.resource("idx/labels-idx1-ubyte"), dir.resolve("t10k-labels-idx1-ubyte")); // plain also found
        Dataset d = NamedDatasets.load("fashion-mnist:test", dir, true);
        assertEquals("fashion-mnist:test", d.name());
        assertEquals("fashion-mnist:test", d.provenance().source());
        assertEquals("idx", d.provenance().format());
        assertEquals("ubyte", d.provenance().dtype());
        assertArrayEquals(Fixtures.expected("idx/images-idx3-ubyte").values(), d.points().data, 0.0);
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, d.labels().orElseThrow());
    }

    @Test
    void missingFilesTellHowToInstall() {
        DataException e = assertThrows(DataException.class, () -> NamedDatasets.load("fashion-mnist:train", dir, true));
        assertEquals("Fashion-MNIST file train-images-idx3-ubyte.gz not found in " + dir + " (from "
                + "KSPEC_FASHION_MNIST_DIR); run `sudo apt-get install dataset-fashion-mnist` or set "
                + "KSPEC_FASHION_MNIST_DIR to a directory holding the four IDX files", e.getMessage());
    }

    @Test
    void mismatchedLabelCountIsAnError() throws IOException {
        Files.copy(Fixtures.resource("idx/images-idx3-ubyte.gz"), dir.resolve("train-images-idx3-ubyte.gz"));
        Files.copy(Fixtures.resource("idx/labels3-idx1-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        DataException e = assertThrows(DataException.class, () -> NamedDatasets.load("fashion-mnist:train", dir, false));
        assertTrue(e.getMessage().contains("has 3 labels but") && e.getMessage().contains("has 5 images"), e.getMessage());
    }

    @Test
    void unknownSplitIsNamed() {
        DataException e = assertThrows(DataException.class, () -> NamedDatasets.load("fashion-mnist:val", dir, false));
        assertEquals("unknown Fashion-MNIST split 'val'; use fashion-mnist:train or fashion-mnist:test", e.getMessage());
    }
}
