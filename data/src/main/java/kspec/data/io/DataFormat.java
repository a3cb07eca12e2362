package kspec.data.io;

import kspec.core.ParameterMessage;
import java.nio.file.Path;
import java.util.Locale;
import kspec.data.DataException;

/** The on-disk formats kspec reads. */
public enum DataFormat {
    /** NumPy {@code .npy}, versions 1.0–3.0. */
    NPY,
    /** IDX (MNIST / Fashion-MNIST), plain or gzip. */
    IDX,
    /** Delimited text: comma, semicolon, tab or whitespace separated. */
    CSV;

    /**
     * Detects the format from the file name, ignoring case and a trailing {@code .gz}:
     * {@code .npy} → NPY; {@code .idx}, {@code .idx1}…{@code .idx9}, or a name ending in
     * {@code ubyte} (e.g. {@code train-images-idx3-ubyte}, {@code x.idx3-ubyte}) → IDX;
     * {@code .csv}, {@code .tsv}, {@code .txt} → CSV.
     *
     * @throws DataException naming the file and {@link ReadOptions#format()} if the name says nothing
     */
    public static DataFormat fromExtension(Path p) {
        Path fileName = p.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".npy")) {
            return NPY;
        }
        if (name.endsWith("ubyte") || name.matches(".*\\.idx\\d?")) {
            return IDX;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return CSV;
        }
        throw new DataException(ParameterMessage.of("cannot tell the format of " + p + " from its name (expected .npy, "
                + ".idx/…-ubyte[.gz] or .csv/.tsv/.txt); set {ReadOptions.format} to npy, idx or csv", "ReadOptions.format"));
    }

    /**
     * @param name {@code npy}, {@code idx} or {@code csv}, any case
     * @throws DataException for any other name
     */
    public static DataFormat parse(String name) {
        if (name != null) {
            for (DataFormat f : values()) {
                if (f.name().equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
        }
        throw new DataException("unknown data format '" + name + "'; use one of npy, idx, csv");
    }

    /** @return the lower-case name used in {@link kspec.data.Provenance#format()} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
