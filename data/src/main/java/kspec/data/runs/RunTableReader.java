package kspec.data.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import kspec.core.ParameterMessage;
import kspec.data.DataException;
import kspec.data.io.CsvReader;
import kspec.data.io.CsvTable;

/**
 * Reads a table of training runs from CSV (any delimiter {@link CsvReader} detects, plain or gzip)
 * or JSON into a {@link RunTable}.
 *
 * <p><b>JSON</b>: an array of objects, one per run, or an object whose {@code "runs"} member is
 * such an array; the keys of the first run are the column names; values are numbers (or numeric
 * strings), the family label may be text. Messages name the run by its 1-based position.
 *
 * <p><b>Columns</b>: a role named in {@link RunColumns} must exist (a CSV column may also be given
 * by its 0-based index); the others are found by their default names, and a role with no column is
 * simply absent (the law that needs it says so).
 */
public final class RunTableReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunTableReader() {
    }

    /**
     * @param file    a {@code .json} file, or delimited text otherwise
     * @param columns which columns hold what
     * @throws DataException for an unreadable file, a missing named column, a non-numeric,
     *     non-finite or non-positive value (naming the line and column), or no loss column
     */
    public static RunTable read(Path file, RunColumns columns) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? readJson(file, columns) : readCsv(file, columns);
    }

    private static RunTable readCsv(Path file, RunColumns columns) {
        CsvTable table = CsvReader.read(file, null);
        if (!table.hasHeader()) {
            throw new DataException(file + ": no header line; a run table needs named columns (e.g. params,tokens,loss)");
        }
        RunTable.Builder builder = RunTable.builder(file.toString(), table.rows());
        int[] lines = new int[table.rows()];
        for (int r = 0; r < lines.length; r++) {
            lines[r] = table.lineOf(r);
        }
        builder.positions("line", lines);
        for (RunRole role : RunRole.values()) {
            int col = columns.named(role).map(table::columnIndex).orElseGet(() -> columns.find(role, table.columnNames()));
            if (col < 0) {
                continue;
            }
            String name = table.columnNames().get(col);
            if (role == RunRole.GROUP) {
                CsvTable.Labels labels = table.labels(col);
                int[] ids = labels.values();
                String[] text = new String[ids.length];
                for (int r = 0; r < ids.length; r++) {
                    text[r] = labels.mapped() ? labels.classNames().get(ids[r]) : Integer.toString(ids[r]);
                }
                builder.groups(name, text);
            } else {
                builder.column(role, name, table.column(col));
            }
        }
        return builder.build();
    }

    private static RunTable readJson(Path file, RunColumns columns) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DataException(file + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); fix the file", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        JsonNode runs = root != null && root.isObject() ? root.get("runs") : root;
        if (runs == null || !runs.isArray()) {
            throw new DataException(file + ": expected a JSON array of runs (or an object with a \"runs\" array), one "
                    + "object per run such as {\"params\": 7e7, \"tokens\": 1.4e9, \"loss\": 3.1}");
        }
        if (runs.isEmpty()) {
            throw new DataException(file + ": the array of runs is empty; add the runs");
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = runs.get(0).fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        RunTable.Builder builder = RunTable.builder(file.toString(), runs.size());
        builder.positions("run", IntStream.rangeClosed(1, runs.size()).toArray());
        for (RunRole role : RunRole.values()) {
            int index = columns.find(role, keys);
            if (index < 0) {
                if (columns.named(role).isPresent()) {
                    throw new DataException(ParameterMessage.of(file + ": no key '" + columns.named(role).get()
                            + "' in the first run (keys: " + String.join(", ", keys) + "); set {" + role.parameter()
                            + "} to an existing key", role.parameter()));
                }
                continue;
            }
            String key = keys.get(index);
            if (role == RunRole.GROUP) {
                String[] labels = new String[runs.size()];
                for (int r = 0; r < labels.length; r++) {
                    labels[r] = field(file, runs, r, key).asText();
                }
                builder.groups(key, labels);
            } else {
                double[] values = new double[runs.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = number(file, field(file, runs, r, key), r, key);
                }
                builder.column(role, key, values);
            }
        }
        return builder.build();
    }

    private static JsonNode field(Path file, JsonNode runs, int r, String key) {
        JsonNode run = runs.get(r);
        JsonNode v = run.isObject() ? run.get(key) : null;
        if (v == null || v.isNull()) {
            throw new DataException(file + " run " + (r + 1) + ": no value for '" + key + "'" + (run.isObject() ? "" :
                    " (the run is not a JSON object)") + "; give every run the same keys");
        }
        return v;
    }

    private static double number(Path file, JsonNode v, int r, String key) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new DataException(file + " run " + (r + 1) + ", key '" + key + "': " + v + " is not a number; fix the value");
    }
}
