package kspec.data.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import kspec.core.memory.HeapBudget;
import kspec.data.DataException;

/**
 * Reads delimited text (CSV, TSV, whitespace-separated; plain or gzip) into a {@link CsvTable}.
 *
 * <ul>
 *   <li><b>Delimiter</b>: if not given, the first of tab, {@code ;}, {@code ,} that occurs
 *       (outside quotes) the same non-zero number of times on each of the first ten non-blank
 *       lines; failing that, the one occurring most; failing that, runs of whitespace.</li>
 *   <li><b>Header</b>: the first line is a header if some column is non-numeric there and
 *       numeric on the second line (a one-line file: if no cell is numeric). A header of
 *       numbers cannot be told from data.</li>
 *   <li><b>Quotes</b>: a field may be enclosed in double quotes, with {@code ""} for a literal
 *       quote (RFC 4180); a quoted field may not span lines.</li>
 *   <li><b>Numbers</b>: Java decimal syntax, plus {@code nan}, {@code inf}, {@code -inf} in any
 *       case; surrounding spaces are ignored. Blank lines are skipped.</li>
 * </ul>
 * A row with a different number of fields than the first is a {@link DataException} naming its
 * 1-based line and both counts.
 */
public final class CsvReader {

    private static final int SNIFF_LINES = 10;
    /** Characters read between two checks that the heap holds the next as many again. */
    private static final long TEXT_CHECK_CHARS = 1 << 24;
    /** Heap per character held: the line (Latin-1 or UTF-16) and the fields split from it. */
    private static final long TEXT_BYTES_PER_CHAR = 4;
    private static final char WHITESPACE = ' ';
    private static final char[] CANDIDATES = {'\t', ';', ','};
    private static final int MAX_SIMPLE_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    };

    private CsvReader() {
    }

    /**
     * @param delimiterOrNull the delimiter, {@code ' '} for runs of whitespace, or {@code null} to detect it
     * @throws DataException if the file is missing or empty, has no data rows, ragged rows or an
     *                       unterminated quote
     */
    public static CsvTable read(Path file, Character delimiterOrNull) {
        BinarySource.checkReadableNonEmpty(file, "CSV");
        List<String> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        readLines(file, lines, lineNumbers);
        if (lines.isEmpty()) {
            throw new DataException(file + " has only blank lines; it holds no data");
        }
        char delimiter = delimiterOrNull != null ? checkDelimiter(delimiterOrNull) : detectDelimiter(lines);

        String[] first = split(lines.get(0), delimiter, file, lineNumbers.get(0));
        String[] second = lines.size() > 1 ? split(lines.get(1), delimiter, file, lineNumbers.get(1)) : null;
        boolean header = isHeader(first, second);
        int columns = first.length;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add(header ? first[c] : "col" + c);
        }
        int start = header ? 1 : 0;
        int rows = lines.size() - start;
        if (rows == 0) {
            throw new DataException(file + " has a header but no data rows; add the data");
        }
        if ((long) rows * columns > Shapes.MAX_ELEMENTS) {
            throw new DataException(file + ": " + rows + " rows × " + columns + " columns exceed the "
                    + Shapes.MAX_ELEMENTS + " values of one float64 array; split the file");
        }
        HeapBudget.require("the " + rows + " × " + columns + " table of " + file,
                HeapBudget.bytes(rows, columns, Double.BYTES));
        double[] values = new double[rows * columns];
        Map<Long, String> text = new HashMap<>();
        int[] rowLines = new int[rows];
        for (int r = 0; r < rows; r++) {
            int line = lineNumbers.get(start + r);
            int index = start + r;
            String[] fields = index == 0 ? first : index == 1 ? second : split(lines.get(index), delimiter, file, line);
            if (fields.length != columns) {
                throw new DataException(file + " line " + line + ": " + fields.length + " fields, expected " + columns
                        + " (as on line " + lineNumbers.get(0) + "); fix the row or pass the right delimiter (using "
                        + describe(delimiter) + ")");
            }
            rowLines[r] = line;
            for (int c = 0; c < columns; c++) {
                double v = parseNumber(fields[c]);
                if (Double.isNaN(v) && !isNanLiteral(fields[c])) {
                    text.put(CsvTable.key(r, c, columns), fields[c]);
                }
                values[r * columns + c] = v;
            }
        }
        return new CsvTable(file, names, header, delimiter, rows, values, text, rowLines);
    }

    private static void readLines(Path file, List<String> lines, List<Integer> lineNumbers) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            int number = 0;
            long chars = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // UTF-8 byte-order mark
                }
                if (line.indexOf('\0') >= 0) {
                    throw new DataException(file + " line " + number + " holds a NUL byte at character "
                            + (line.indexOf('\0') + 1) + "; the file is binary or corrupt, not delimited text: "
                            + "check the path or pass the right format");
                }
                long before = chars;
                chars += line.length() + 1;
                if (chars / TEXT_CHECK_CHARS > before / TEXT_CHECK_CHARS) {
                    HeapBudget.require("holding " + chars + " characters of " + file,
                            HeapBudget.bytes(TEXT_CHECK_CHARS, TEXT_BYTES_PER_CHAR));
                }
                if (!line.isBlank()) {
                    lines.add(line);
                    lineNumbers.add(number);
                }
            }
        } catch (EOFException e) {
            throw new DataException(file + ": truncated gzip stream (" + e.getMessage() + "); fetch the file again", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read CSV file (" + e.getMessage() + ")", e);
        }
    }

    private static char checkDelimiter(char d) {
        if (d == '"' || d == '\n' || d == '\r') {
            throw new DataException("delimiter " + describe(d) + " is not allowed; use , ; tab or space");
        }
        return d == '\t' || d == ',' || d == ';' ? d : Character.isWhitespace(d) ? WHITESPACE : d;
    }

    static char detectDelimiter(List<String> lines) {
        int sample = Math.min(SNIFF_LINES, lines.size());
        char best = WHITESPACE;
        long bestTotal = 0;
        for (char d : CANDIDATES) {
            int firstCount = countOutsideQuotes(lines.get(0), d);
            boolean consistent = firstCount > 0;
            long total = 0;
            for (int i = 0; i < sample; i++) {
                int count = countOutsideQuotes(lines.get(i), d);
                consistent &= count == firstCount;
                total += count;
            }
            if (consistent) {
                return d;
            }
            if (total > bestTotal) {
                best = d;
                bestTotal = total;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char d) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** Splits one line into stripped fields, honouring double quotes. */
    static String[] split(String line, char delimiter, Path file, int lineNumber) {
        List<String> fields = new ArrayList<>();
        boolean whitespace = delimiter == WHITESPACE;
        int n = line.length();
        int i = whitespace ? skipWhitespace(line, 0) : 0;
        while (true) {
            int p = i;
            while (p < n && (line.charAt(p) == ' ' || (line.charAt(p) == '\t' && delimiter != '\t'))) {
                p++;
            }
            String field;
            int end;
            if (p < n && line.charAt(p) == '"') {
                StringBuilder sb = new StringBuilder();
                int q = p + 1;
                while (true) {
                    if (q >= n) {
                        throw new DataException(file + " line " + lineNumber + ": unterminated quoted field; "
                                + "close the quote (a quoted field may not span lines)");
                    }
                    char c = line.charAt(q);
                    if (c == '"') {
                        if (q + 1 < n && line.charAt(q + 1) == '"') {
                            sb.append('"');
                            q += 2;
                            continue;
                        }
                        q++;
                        break;
                    }
                    sb.append(c);
                    q++;
                }
                end = whitespace ? nextWhitespace(line, q) : indexOf(line, delimiter, q);
                String rest = line.substring(q, end).strip();
                if (!rest.isEmpty()) {
                    throw new DataException(file + " line " + lineNumber + ": text '" + rest
                            + "' after a closing quote; quote the whole field and double inner quotes (\"\")");
                }
                field = sb.toString();
            } else {
                end = whitespace ? nextWhitespace(line, i) : indexOf(line, delimiter, i);
                field = line.substring(i, end).strip();
            }
            fields.add(field);
            if (end >= n) {
                break;
            }
            i = whitespace ? skipWhitespace(line, end) : end + 1;
            if (whitespace && i >= n) {
                break;
            }
        }
        return fields.toArray(new String[0]);
    }

    private static int indexOf(String line, char d, int from) {
        int j = line.indexOf(d, from);
        return j < 0 ? line.length() : j;
    }

    private static int nextWhitespace(String line, int from) {
        int j = from;
        while (j < line.length() && line.charAt(j) != ' ' && line.charAt(j) != '\t') {
            j++;
        }
        return j;
    }

    private static int skipWhitespace(String line, int from) {
        int j = from;
        while (j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
            j++;
        }
        return j;
    }

    private static boolean isHeader(String[] first, String[] second) {
        if (second == null) {
            return Arrays.stream(first).noneMatch(CsvReader::isNumber);
        }
        int common = Math.min(first.length, second.length);
        for (int c = 0; c < common; c++) {
            if (!isNumber(first[c]) && isNumber(second[c])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        return !Double.isNaN(parseNumber(s)) || isNanLiteral(s);
    }

    private static boolean isNanLiteral(String s) {
        return s.equalsIgnoreCase("nan");
    }

    /** @return the value, or NaN if {@code s} is not a number (callers tell a literal nan apart) */
    static double parseNumber(String s) {
        int n = s.length();
        if (n == 0) {
            return Double.NaN;
        }
        double simple = parseSimpleDecimal(s);
        if (!Double.isNaN(simple)) {
            return simple;
        }
        char last = s.charAt(n - 1);
        if ((last >= '0' && last <= '9') || last == '.') { // rejects Java's 1d / 1f suffixes
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return n <= 9 ? specialValue(s) : Double.NaN;
    }

    /**
     * Fast path for the common cells {@code [+-]digits[.digits]} with at most 15 digits: the
     * digits form an exact integer m &lt; 2<sup>53</sup> and 10<sup>k</sup> (k ≤ 15) is exact, so the
     * one IEEE division m / 10<sup>k</sup> is correctly rounded, i.e. equal to
     * {@link Double#parseDouble} (Clinger, "How to read floating point numbers accurately", PLDI 1990).
     *
     * @return the value, or NaN if {@code s} is not of that form
     */
    private static double parseSimpleDecimal(String s) {
        int n = s.length();
        int i = 0;
        char first = s.charAt(0);
        boolean negative = first == '-';
        if (negative || first == '+') {
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_SIMPLE_DIGITS) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (dot) {
                    fractionDigits++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double v = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -v : v;
    }

    private static double specialValue(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.NaN; // includes the literal nan, told apart by isNanLiteral
        }
    }

    private static String describe(char d) {
        return switch (d) {
            case '\t' -> "tab";
            case WHITESPACE -> "whitespace";
            default -> "'" + d + "'";
        };
    }
}
