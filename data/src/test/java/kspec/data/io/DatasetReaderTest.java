package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kspec.data.DataException;
import kspec.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatasetReader} on the numpy-written fixtures and small CSV files. */
class DatasetReaderTest {

    @TempDir
    Path dir;

    @Test
    void npyWithNpyLabelsAndProvenance() {
        Path data = Fixtures.resource("npy/f4_be.npy");
        Dataset d = DatasetReader.read(data, options(null, Fixtures.resource("npy/labels3_i8.npy"), null, null));
        assertEquals("f4_be.npy", d.name());
        assertEquals(3, d.n());
        assertEquals(4, d.dim());
        assertArrayEquals(Fixtures.expected("npy/f4_be").values(), d.points().data, 0.0);
        assertArrayEquals(new int[] {2, 0, 1}, d.labels().orElseThrow()); // the script's labels3_i8
        assertEquals(data.toString(), d.provenance().source());
        assertEquals("npy", d.provenance().format());
        assertEquals(">f4", d.provenance().dtype());
    }

    @Test
    void gzipIdxImagesWithIdxLabels() {
        Dataset d = DatasetReader.read(Fixtures.resource("idx/images-idx3-ubyte.gz"),
                options(null, Fixtures.resource("idx/labels-idx1-ubyte.gz"), null, null));
        assertEquals(5, d.n());
        assertEquals(12, d.dim());
        assertEquals("idx", d.provenance().format());
        assertEquals("ubyte", d.provenance().dtype());
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, d.labels().orElseThrow());
    }

    @Test
    void labelCountMismatchNamesBothFilesAndCounts() {
        Path data = Fixtures.resource("npy/f8_le.npy");
        Path labels = Fixtures.resource("npy/labels5_u1.npy");
        DataException e = assertThrows(DataException.class, () -> DatasetReader.read(data, options(null, labels, null, null)));
        assertEquals("labels file " + labels + " has 5 labels but " + data + " has 3 rows; "
                + "pass the labels that belong to this data", e.getMessage());
    }

    @Test
    void floatLabelsFileIsRejectedNamingTheFile() {
        Path labels = Fixtures.resource("npy/labels3_f8.npy");
        DataException e = assertThrows(DataException.class,
                () -> DatasetReader.read(Fixtures.resource("npy/f8_le.npy"), options(null, labels, null, null)));
        assertTrue(e.getMessage().startsWith(labels + ": labels must be integers but the array has dtype <f8"),
                e.getMessage());
    }

    @Test
    void csvLabelColumnByNameAndTargetByIndex() {
        Path csv = Fixtures.write(dir, "pts.csv", "x,y,cls,t\n1,2,7,0.5\n3,4,8,1.5\n5,6,7,2.5\n");
        Dataset d = DatasetReader.read(csv, options(null, null, "cls", "3"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.points().data, 0.0);
        assertArrayEquals(new int[] {7, 8, 7}, d.labels().orElseThrow());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, d.targets().orElseThrow().data, 0.0);
        assertEquals("csv", d.provenance().format());
        assertEquals("float64", d.provenance().dtype());
        assertTrue(d.provenance().steps().isEmpty());
    }

    @Test
    void csvTextLabelsAreMappedAndTheMappingIsRecorded() {
        Path csv = Fixtures.write(dir, "iris.csv", "a;b;species\n1;2;setosa\n3;4;versicolor\n5;6;setosa\n");
        Dataset d = DatasetReader.read(csv, options(null, null, "2", null));
        assertArrayEquals(new int[] {0, 1, 0}, d.labels().orElseThrow());
        assertEquals(List.of("labels: text of column 'species' (index 2, 0-based) mapped to 0..1 in order of first "
                + "appearance: setosa=0, versicolor=1"), d.provenance().steps());
    }

    @Test
    void csvLabelsFromSeparateOneColumnFile() {
        Path csv = Fixtures.write(dir, "p.csv", "1,2\n3,4\n");
        Path labels = Fixtures.write(dir, "y.txt", "4\n2\n");
        Dataset d = DatasetReader.read(csv, options(null, labels, null, null));
        assertArrayEquals(new int[] {4, 2}, d.labels().orElseThrow());
    }

    @Test
    void labelsFileWithUnknownExtensionIsNamed() {
        Path csv = Fixtures.write(dir, "p2.csv", "1,2\n3,4\n");
        Path labels = Fixtures.write(dir, "y.dat", "0\n1\n");
        DataException e = assertThrows(DataException.class, () -> DatasetReader.read(csv, options(null, labels, null, null)));
        assertTrue(e.getMessage().startsWith("cannot tell the format of labels file " + labels), e.getMessage());
    }

    @Test
    void explicitFormatOverridesTheFileName() {
        Path copy = Fixtures.write(dir, "points.dat", "1 2\n3 4\n");
        DataException e = assertThrows(DataException.class, () -> DatasetReader.read(copy, ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("ReadOptions.format"), e.getMessage());
        Dataset d = DatasetReader.read(copy, options(DataFormat.CSV, null, null, null));
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.points().data, 0.0);
        assertFalse(d.labels().isPresent());
    }

    @Test
    void labelColumnOnBinaryInputIsAnError() {
        DataException e = assertThrows(DataException.class,
                () -> DatasetReader.read(Fixtures.resource("npy/f8_le.npy"), options(null, null, "0", null)));
        assertTrue(e.getMessage().contains("CSV input only"), e.getMessage());
    }

    private static ReadOptions options(DataFormat format, Path labels, String labelColumn, String targetColumn) {
        return new ReadOptions(format, labels, labelColumn, targetColumn, null);
    }
}
