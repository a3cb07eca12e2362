package kspec.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kspec.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "x.npy, NPY", "DATA.NPY, NPY", "x.npy.gz, NPY",
        "train-images-idx3-ubyte.gz, IDX", "t10k-labels-idx1-ubyte, IDX", "x.idx3-ubyte, IDX", "x.idx, IDX",
        "x.idx.gz, IDX", "x.csv, CSV", "x.tsv, CSV", "notes.txt, CSV", "x.csv.gz, CSV",
    })
    void detectsFormatFromFileName(String name, DataFormat expected) {
        assertEquals(expected, DataFormat.fromExtension(Path.of("/data", name)));
    }

    @Test
    void unknownExtensionNamesFileAndSuggestsTheFormatParameter() {
        DataException e = assertThrows(DataException.class, () -> DataFormat.fromExtension(Path.of("/d/x.parquet")));
        assertTrue(e.getMessage().contains("/d/x.parquet") && e.getMessage().contains("set ReadOptions.format to"),
                e.getMessage());
    }

    @Test
    void parseIsCaseInsensitiveAndRejectsUnknownNames() {
        assertEquals(DataFormat.IDX, DataFormat.parse("Idx"));
        assertEquals(DataFormat.CSV, DataFormat.parse("csv"));
        DataException e = assertThrows(DataException.class, () -> DataFormat.parse("hdf5"));
        assertEquals("unknown data format 'hdf5'; use one of npy, idx, csv", e.getMessage());
    }
}
