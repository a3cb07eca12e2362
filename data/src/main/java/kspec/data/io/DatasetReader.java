package kspec.data.io;

import kspec.core.ParameterMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import kspec.data.DataException;
import kspec.data.Dataset;
import kspec.data.Provenance;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a data file into a {@link Dataset}: detects the format, reads the points (rows = axis 0,
 * remaining axes flattened), pairs class labels from a separate file or a CSV column, a CSV target
 * column, and records {@link Provenance} (source path, format, element type as found in the file).
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * @param data    the points file
     * @param options format, labels file, CSV label/target columns and delimiter; see {@link ReadOptions}
     * @return the dataset, named after the file
     * @throws DataException on any problem with the files or options, in one line naming the file
     */
    public static Dataset read(Path data, ReadOptions options) {
        Objects.requireNonNull(data, "data");
        ReadOptions opts = options == null ? ReadOptions.defaults() : options;
        BinarySource.checkReadableNonEmpty(data, "data");
        DataFormat format = opts.format() != null ? opts.format() : DataFormat.fromExtension(data);
        if (format != DataFormat.CSV && (opts.labelColumn() != null || opts.targetColumn() != null)) {
            String column = opts.labelColumn() != null ? "ReadOptions.labelColumn" : "ReadOptions.targetColumn";
            throw new DataException(ParameterMessage.of("{" + column + "} applies to CSV input only, but " + data + " is "
                    + format.id() + "; give a labels file in {ReadOptions.labels} instead", column, "ReadOptions.labels"));
        }
        if (format != DataFormat.CSV && opts.delimiter() != null) {
            throw new DataException(ParameterMessage.of("{ReadOptions.delimiter} applies to CSV input only, but " + data
                    + " is " + format.id() + "; drop it", "ReadOptions.delimiter"));
        }
        if (opts.labels() != null && opts.labelColumn() != null) {
            throw new DataException("both a labels file (" + opts.labels() + ") and a label column ('"
                    + opts.labelColumn() + "') were given for " + data + "; use one of them");
        }
        String name = data.getFileName() == null ? data.toString() : data.getFileName().toString();
        Dataset dataset = switch (format) {
            case NPY, IDX -> {
                NumericArray a = format == DataFormat.NPY ? NpyReader.read(data) : IdxReader.read(data);
                yield Dataset.of(name, a.asMatrix(), Provenance.of(data.toString(), format.id(), a.dtype()));
            }
            case CSV -> readCsv(data, name, opts);
        };
        if (dataset.n() == 0 || dataset.dim() == 0) {
            throw new DataException(data + " holds no data: " + dataset.n() + " rows × " + dataset.dim()
                    + " columns; check the file or re-export it with the points in it");
        }
        if (opts.labels() != null) {
            int[] labels = readLabelsFile(opts.labels(), opts.delimiter());
            checkCount(labels.length, dataset.n(), "labels file " + opts.labels(), data);
            dataset = dataset.withLabels(labels);
        }
        return dataset;
    }

    private static Dataset readCsv(Path data, String name, ReadOptions opts) {
        CsvTable table = CsvReader.read(data, opts.delimiter());
        int labelCol = opts.labelColumn() == null ? -1 : table.columnIndex(opts.labelColumn());
        int targetCol = opts.targetColumn() == null ? -1 : table.columnIndex(opts.targetColumn());
        if (labelCol >= 0 && labelCol == targetCol) {
            throw new DataException(data + ": column " + table.describeColumn(labelCol)
                    + " was given as both label and target column; choose different columns");
        }
        int[] excluded = IntStream.of(labelCol, targetCol).filter(c -> c >= 0).toArray();
        if (excluded.length == table.columns()) {
            String column = labelCol >= 0 ? "ReadOptions.labelColumn" : "ReadOptions.targetColumn";
            throw new DataException(ParameterMessage.of(data + ": no columns left for the points after removing the "
                    + "label/target columns; check {" + column + "}", column));
        }
        DMatrixRMaj points = table.matrixWithout(excluded);
        Provenance provenance = Provenance.of(data.toString(), DataFormat.CSV.id(), "float64");
        Dataset dataset;
        if (labelCol >= 0) {
            CsvTable.Labels labels = table.labels(labelCol);
            if (labels.mapped()) {
                provenance = provenance.with("labels: text of column " + table.describeColumn(labelCol)
                        + " mapped to 0.." + (labels.classNames().size() - 1) + " in order of first appearance: "
                        + classList(labels.classNames()));
            }
            dataset = Dataset.of(name, points, provenance).withLabels(labels.values());
        } else {
            dataset = Dataset.of(name, points, provenance);
        }
        if (targetCol >= 0) {
            double[] target = table.column(targetCol);
            dataset = dataset.withTargets(DMatrixRMaj.wrap(target.length, 1, target));
        }
        return dataset;
    }

    /**
     * Reads class labels from an IDX file, an integer NPY file, or a one-column CSV/text file
     * (text labels mapped to 0..k-1 in order of first appearance).
     */
    static int[] readLabelsFile(Path labels, Character delimiter) {
        BinarySource.checkReadableNonEmpty(labels, "labels");
        DataFormat format;
        try {
            format = DataFormat.fromExtension(labels);
        } catch (DataException unknownExtension) {
            throw new DataException("cannot tell the format of labels file " + labels + " from its name; "
                    + "name it .npy, .idx/…-ubyte[.gz] or .csv/.txt (one label per line)", unknownExtension);
        }
        try {
            return switch (format) {
                case NPY -> NpyReader.read(labels).asLabels();
                case IDX -> IdxReader.read(labels).asLabels();
                case CSV -> {
                    CsvTable table = CsvReader.read(labels, delimiter);
                    if (table.columns() != 1) {
                        throw new DataException("labels file " + labels + " has " + table.columns()
                                + " columns; give one label per line");
                    }
                    yield table.labels(0).values();
                }
            };
        } catch (DataException e) {
            String message = e.getMessage();
            throw message.contains(labels.toString()) ? e : new DataException(labels + ": " + message, e);
        }
    }

    private static void checkCount(int labels, int rows, String what, Path data) {
        if (labels != rows) {
            throw new DataException(what + " has " + labels + " labels but " + data + " has " + rows
                    + " rows; pass the labels that belong to this data");
        }
    }

    private static String classList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(names.size(), 20);
        for (int i = 0; i < shown; i++) {
            sb.append(i > 0 ? ", " : "").append(names.get(i)).append('=').append(i);
        }
        return sb.append(names.size() > shown ? ", …" : "").toString();
    }
}
