package kspec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kspec.data.io.NpyWriter;
import kspec.data.io.ReadOptions;
import kspec.data.synthetic.SyntheticManifolds;
import kspec.data.synthetic.SyntheticSpec;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Datasets#open} resolves a file, a synthetic spec and nothing else, in that order. */
class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void anExistingFileIsReadAsItsFormat() {
        Path file = dir.resolve("x.npy");
        NpyWriter.write(file, new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        Dataset d = Datasets.open(file.toString());
        assertEquals(3, d.n());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.points().data, 0.0);
        assertEquals("npy", d.provenance().format());
        assertFalse(Datasets.isSynthetic(file.toString()));
    }

    @Test
    void aSyntheticSpecIsSampledWithTheGivenSizeAndSeed() {
        String spec = "sphere:d=2,ambient=5";
        Dataset d = Datasets.open(spec, ReadOptions.defaults(), 40, 9);
        Dataset direct = SyntheticManifolds.sample(SyntheticSpec.parse(spec), 40, 9);
        assertArrayEquals(direct.points().data, d.points().data, 0.0);
        assertTrue(Datasets.isSynthetic(spec));
        assertEquals(Datasets.DEFAULT_SYNTHETIC_POINTS, Datasets.open("cube:d=3").n());
    }

    @Test
    void anythingElseIsAMissingFileWithTheForms() {
        DataException e = assertThrows(DataException.class, () -> Datasets.open(dir.resolve("none.npy").toString()));
        assertTrue(e.getMessage().startsWith("no such file: " + dir.resolve("none.npy")), e.getMessage());
        assertTrue(e.getMessage().contains("sphere:d=4,ambient=50") && e.getMessage().contains("fashion-mnist:train"),
                e.getMessage());
    }
}
