package kspec.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes comma-separated text atomically (through {@link AtomicFiles}). Numbers are written with
 * {@link Double#toString(double)}, which round-trips every float64 exactly; text cells are quoted
 * when they contain a comma, a quote or a line break (RFC 4180).
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    /**
     * @param header column names, or {@code null} for no header line
     * @param rows   equal-length numeric rows. Not modified.
     * @throws IllegalArgumentException if a row's length differs from the header's or the first row's
     */
    public static void write(Path file, List<String> header, List<double[]> rows) {
        int width = header != null ? header.size() : rows.isEmpty() ? 0 : rows.get(0).length;
        for (int r = 0; r < rows.size(); r++) {
            checkWidth(r, rows.get(r).length, width);
        }
        AtomicFiles.write(file, out -> {
            writeHeader(out, header);
            StringBuilder line = new StringBuilder();
            for (double[] row : rows) {
                line.setLength(0);
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(row[c]);
                }
                writeLine(out, line);
            }
        });
    }

    /**
     * Writes rows of text cells (e.g. a name column next to numbers already formatted).
     *
     * @param header column names, or {@code null} for no header line
     * @param rows   equal-length rows of cells. Not modified.
     * @throws IllegalArgumentException if a row's length differs from the header's or the first row's
     */
    public static void writeCells(Path file, List<String> header, List<List<String>> rows) {
        int width = header != null ? header.size() : rows.isEmpty() ? 0 : rows.get(0).size();
        for (int r = 0; r < rows.size(); r++) {
            checkWidth(r, rows.get(r).size(), width);
        }
        AtomicFiles.write(file, out -> {
            writeHeader(out, header);
            for (List<String> row : rows) {
                writeLine(out, joinQuoted(row));
            }
        });
    }

    private static void checkWidth(int row, int length, int width) {
        if (length != width) {
            throw new IllegalArgumentException("row " + row + " has " + length + " cells, expected " + width
                    + "; every row must have as many cells as the header");
        }
    }

    private static void writeHeader(OutputStream out, List<String> header) throws IOException {
        if (header != null) {
            writeLine(out, joinQuoted(header));
        }
    }

    private static StringBuilder joinQuoted(List<String> cells) {
        List<String> quoted = new ArrayList<>(cells.size());
        for (String cell : cells) {
            quoted.add(quote(cell));
        }
        return new StringBuilder(String.join(",", quoted));
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static void writeLine(OutputStream out, CharSequence line) throws IOException {
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
