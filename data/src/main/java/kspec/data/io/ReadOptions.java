package kspec.data.io;

/**
 * How {@link DatasetReader} reads a data file.
 *
 * @param format      the format, or {@code null} to detect it from the file name
 * @param labels      a separate labels file (IDX, integer NPY, or one-column CSV/text), or {@code null}
 * @param labelColumn CSV only: the label column by header name or 0-based index, or {@code null}
 * @param targetColumn CSV only: a real-valued target column by header name or 0-based index, or {@code null}
 * @param delimiter   CSV only: the field delimiter, or {@code null} to detect it
 */
public record ReadOptions(DataFormat format, java.nio.file.Path labels, String labelColumn, String targetColumn,
        Character delimiter) {

    /** @return detect everything, no labels, no targets */
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null, null, null);
    }
}
