package kspec.data.io;

import kspec.core.ParameterMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kspec.data.DataException;
import org.ejml.data.DMatrixRMaj;

/**
 * A rectangular table read by {@link CsvReader}: column names (from the header, or {@code col0},
 * {@code col1}, … without one) and the cells, stored as float64 where they parse as numbers
 * and as text where they do not. A non-numeric cell is an error only when a numeric column is
 * asked for, so a text label column can sit next to the points.
 */
public final class CsvTable {

    /**
     * Class labels pulled from a column.
     *
     * @param values     one label per row, 0..k-1 if mapped from text
     * @param classNames empty if the column held integers; otherwise the text of class i at index i,
     *                   in order of first appearance
     */
    public record Labels(int[] values, List<String> classNames) {
        public Labels {
            values = values.clone();
            classNames = List.copyOf(classNames);
        }

        @Override
        public int[] values() {
            return values.clone();
        }

        /** @return true if the column held text mapped to 0..k-1 in order of first appearance */
        public boolean mapped() {
            return !classNames.isEmpty();
        }
    }

    private final Path source;
    private final List<String> columnNames;
    private final boolean header;
    private final char delimiter;
    private final int rows;
    private final int columns;
    private final double[] values;
    private final Map<Long, String> text;
    private final BitSet textColumns;
    private final int[] lines;

    CsvTable(Path source, List<String> columnNames, boolean header, char delimiter, int rows, double[] values,
            Map<Long, String> text, int[] lines) {
        this.source = source;
        this.columnNames = List.copyOf(columnNames);
        this.header = header;
        this.delimiter = delimiter;
        this.rows = rows;
        this.columns = columnNames.size();
        this.values = values;
        this.text = Map.copyOf(text);
        this.lines = lines;
        this.textColumns = new BitSet(columns);
        for (long key : text.keySet()) {
            textColumns.set((int) (key % columns));
        }
    }

    /** @return the file the table was read from */
    public Path source() {
        return source;
    }

    /** @return the header names, or {@code col0, col1, …} if the file has no header */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return true if the first non-blank line was taken as a header */
    public boolean hasHeader() {
        return header;
    }

    /** @return the field delimiter; {@code ' '} means runs of spaces and tabs */
    public char delimiter() {
        return delimiter;
    }

    /** @return number of data rows (header excluded) */
    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** @return the 1-based line number in the file of data row {@code row} */
    public int lineOf(int row) {
        return lines[row];
    }

    /**
     * @param nameOrIndex a header name (exact), or a 0-based column index
     * @return the 0-based column index
     * @throws DataException if there is no such column
     */
    public int columnIndex(String nameOrIndex) {
        int byName = columnNames.indexOf(nameOrIndex);
        if (byName >= 0) {
            return byName;
        }
        try {
            int index = Integer.parseInt(nameOrIndex.strip());
            if (index >= 0 && index < columns) {
                return index;
            }
        } catch (NumberFormatException notAnIndex) {
            // fall through to the message
        }
        throw new DataException(source + ": no column '" + nameOrIndex + "'; give a header name or a 0-based index < "
                + columns + " (columns: " + abbreviate(columnNames) + ")");
    }

    /**
     * @return the values of column {@code col}
     * @throws DataException naming line and column at the first non-numeric cell
     */
    public double[] column(int col) {
        checkNumeric(col);
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = values[r * columns + col];
        }
        return out;
    }

    /**
     * @param excluded 0-based columns to leave out (label, target). Not modified.
     * @return the rows × (columns − excluded) matrix of the remaining columns, in file order
     * @throws DataException naming line and column at the first non-numeric cell
     */
    public DMatrixRMaj matrixWithout(int... excluded) {
        boolean[] skip = new boolean[columns];
        for (int c : excluded) {
            skip[c] = true;
        }
        int[] keep = IntStream.range(0, columns).filter(c -> !skip[c]).toArray();
        for (int c : keep) {
            checkNumeric(c);
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, keep.length);
        if (keep.length == columns) {
            System.arraycopy(values, 0, m.data, 0, rows * columns);
            return m;
        }
        for (int r = 0; r < rows; r++) {
            int from = r * columns;
            int to = r * keep.length;
            for (int j = 0; j < keep.length; j++) {
                m.data[to + j] = values[from + keep[j]];
            }
        }
        return m;
    }

    /**
     * Class labels from column {@code col}: integers as they are if every cell is an integer,
     * otherwise each distinct text mapped to 0..k-1 in order of first appearance.
     */
    public Labels labels(int col) {
        int[] out = new int[rows];
        if (!textColumns.get(col)) {
            boolean integers = true;
            for (int r = 0; r < rows && integers; r++) {
                double v = values[r * columns + col];
                integers = v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                out[r] = (int) v;
            }
            if (integers) {
                return new Labels(out, List.of());
            }
        }
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            String name = cellText(r, col);
            Integer id = classes.get(name);
            if (id == null) {
                id = classes.size();
                classes.put(name, id);
            }
            out[r] = id;
        }
        return new Labels(out, new ArrayList<>(classes.keySet()));
    }

    /** @return a readable reference to a column: {@code 'name' (index 2, 0-based)} */
    public String describeColumn(int col) {
        return "'" + columnNames.get(col) + "' (index " + col + ", 0-based)";
    }

    private String cellText(int row, int col) {
        String t = text.get(key(row, col, columns));
        if (t != null) {
            return t;
        }
        double v = values[row * columns + col];
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private void checkNumeric(int col) {
        if (!textColumns.get(col)) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            String t = text.get(key(r, col, columns));
            if (t != null) {
                throw new DataException(ParameterMessage.of(source + " line " + lines[r] + ", column " + describeColumn(col)
                        + ": '" + t + "' is not a number; fix the cell, or give this column as {ReadOptions.labelColumn}",
                        "ReadOptions.labelColumn"));
            }
        }
    }

    private static String abbreviate(List<String> names) {
        List<String> shown = names.size() <= 12 ? names : names.subList(0, 12);
        return String.join(", ", shown) + (names.size() > 12 ? ", … (" + names.size() + " in all)" : "");
    }

    @Override
    public String toString() {
        return "CsvTable[" + source + ", " + rows + " × " + columns + (header ? ", header" : "") + "]";
    }

    /** @return the key of a cell in the text map */
    static long key(int row, int col, int columns) {
        return (long) row * columns + col;
    }
}
