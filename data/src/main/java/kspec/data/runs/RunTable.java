package kspec.data.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import kspec.core.ParameterMessage;
import kspec.data.DataException;

/**
 * A table of training runs: per run its model size N (parameters), training tokens D, steps S,
 * compute C (FLOPs), final loss L and an optional family label. Immutable; the arrays handed out
 * are copies.
 *
 * <p><b>Derived columns.</b> Compute and tokens are tied by C ≈ 6ND (Kaplan et al. 2020,
 * arXiv 2001.08361, §2.1; Hoffmann et al. 2022, arXiv 2203.15556): a table with N and D but no
 * FLOPs gets C = 6ND, one with N and C but no tokens gets D = C/(6N) (the form of the data digitised
 * by Besiroglu et al. 2024, arXiv 2404.10102), and each derivation is recorded in {@link #notes()}.
 *
 * <p><b>Validation.</b> Every value present must be finite, and every value but the family label
 * must be &gt; 0 (the laws are fitted on logarithms); a violation is a {@link DataException} naming the
 * source, the line of the run, the column and the value. Columns a particular law needs are asked
 * for with {@link #values(RunRole, String)}, which says which law needed the missing one.
 */
public final class RunTable {

    private final String source;
    private final EnumMap<RunRole, double[]> numeric;
    private final String[] groups;
    private final int[] lines;
    private final String unit;
    private final EnumMap<RunRole, String> columns;
    private final List<String> notes;

    private RunTable(String source, EnumMap<RunRole, double[]> numeric, String[] groups, int[] lines, String unit,
            EnumMap<RunRole, String> columns, List<String> notes) {
        this.source = source;
        this.numeric = numeric;
        this.groups = groups;
        this.lines = lines;
        this.unit = unit;
        this.columns = columns;
        this.notes = List.copyOf(notes);
    }

    /**
     * Starts a table of {@code rows} runs read from {@code source}.
     *
     * @param source the file (or a name) the runs came from, used in messages
     * @param rows   number of runs, ≥ 1
     */
    public static Builder builder(String source, int rows) {
        return new Builder(source, rows);
    }

    /** @return the file (or name) the runs came from */
    public String source() {
        return source;
    }

    /** @return the number of runs */
    public int size() {
        return lines.length;
    }

    /** @return whether the table has values for {@code role} (read or derived) */
    public boolean has(RunRole role) {
        return role == RunRole.GROUP ? groups != null : numeric.containsKey(role);
    }

    /**
     * The values of a numeric role, one per run.
     *
     * @param role    any role but {@link RunRole#GROUP}
     * @param purpose what needs them, for the message, e.g. "the Chinchilla law L(N, D)"
     * @throws DataException if the table has no such column
     */
    public double[] values(RunRole role, String purpose) {
        if (role == RunRole.GROUP) {
            throw new IllegalArgumentException("the run family is text: use groups()");
        }
        double[] v = numeric.get(role);
        if (v == null) {
            throw new DataException(ParameterMessage.of(source + " has no " + role.description() + " column, which "
                    + purpose + " needs; add one (recognised names: " + String.join(", ", role.defaultNames())
                    + ") or name its column with {" + role.parameter() + "}" + derivationHint(role), role.parameter()));
        }
        return v.clone();
    }

    /** @return the family label of each run, or {@code null} if the table has none */
    public String[] groups() {
        return groups == null ? null : groups.clone();
    }

    /** @return the column each role was read from ({@code "6*N*D"} style text for derived ones) */
    public Map<RunRole, String> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /** @return how columns were derived (e.g. FLOPs = 6ND), in order; empty when nothing was */
    public List<String> notes() {
        return notes;
    }

    /** @return where run {@code row} (0-based) sits in the source, e.g. "runs.csv line 7" or "runs.json run 3" */
    public String describeRow(int row) {
        return source + " " + unit + " " + lines[row];
    }

    /** @return the source line (or 1-based record number) of run {@code row} */
    public int lineOf(int row) {
        return lines[row];
    }

    /**
     * @param rows 0-based runs to keep, in the order given. Not modified.
     * @return the table of those runs, with the same source, columns and notes
     */
    public RunTable select(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("select needs at least one run");
        }
        EnumMap<RunRole, double[]> picked = new EnumMap<>(RunRole.class);
        for (Map.Entry<RunRole, double[]> e : numeric.entrySet()) {
            double[] all = e.getValue();
            picked.put(e.getKey(), Arrays.stream(rows).mapToDouble(r -> all[r]).toArray());
        }
        String[] g = groups == null ? null : Arrays.stream(rows).mapToObj(r -> groups[r]).toArray(String[]::new);
        int[] l = Arrays.stream(rows).map(r -> lines[r]).toArray();
        return new RunTable(source, picked, g, l, unit, columns, notes);
    }

    private String derivationHint(RunRole role) {
        return switch (role) {
            case TOKENS -> " (tokens are also derived as FLOPs/(6N) when both of those are given)";
            case FLOPS -> " (FLOPs are also derived as 6ND when model size and tokens are given)";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return "RunTable[" + source + ", " + size() + " runs, columns " + columns + "]";
    }

    /** Collects the columns of a table and validates them in {@link #build()}. */
    public static final class Builder {

        private final String source;
        private final int rows;
        private final EnumMap<RunRole, double[]> numeric = new EnumMap<>(RunRole.class);
        private final EnumMap<RunRole, String> columns = new EnumMap<>(RunRole.class);
        private String[] groups;
        private int[] lines;
        private String unit = "run";

        private Builder(String source, int rows) {
            this.source = Objects.requireNonNull(source, "source");
            if (rows < 1) {
                throw new DataException(source + " holds no runs; a run table needs at least one row");
            }
            this.rows = rows;
        }

        /**
         * @param role   a numeric role
         * @param column the column name it was read from
         * @param values one value per run. Not modified (copied).
         */
        public Builder column(RunRole role, String column, double[] values) {
            if (role == RunRole.GROUP) {
                throw new IllegalArgumentException("the run family is text: use groups(column, labels)");
            }
            requireLength(values.length, role);
            numeric.put(role, values.clone());
            columns.put(role, column);
            return this;
        }

        /** @param labels one family label per run, non-null. Not modified (copied). */
        public Builder groups(String column, String[] labels) {
            requireLength(labels.length, RunRole.GROUP);
            for (int r = 0; r < labels.length; r++) {
                Objects.requireNonNull(labels[r], "family label of run " + r);
            }
            groups = labels.clone();
            columns.put(RunRole.GROUP, column);
            return this;
        }

        /**
         * Where each run sits in the source, for messages (default: "run 1", "run 2", …).
         *
         * @param unit    what the numbers count, e.g. "line" (a text file) or "run" (a JSON array)
         * @param numbers one per run. Not modified.
         */
        public Builder positions(String unit, int[] numbers) {
            if (numbers.length != rows) {
                throw new IllegalArgumentException(numbers.length + " positions for " + rows + " runs");
            }
            this.unit = Objects.requireNonNull(unit, "unit");
            lines = numbers.clone();
            return this;
        }

        /**
         * Validates, derives C = 6ND or D = C/(6N) where a column is missing, and builds.
         *
         * @throws DataException at the first non-finite or non-positive value, or if there is no loss
         */
        public RunTable build() {
            int[] l = lines != null ? lines : IntStream.rangeClosed(1, rows).toArray();
            if (!numeric.containsKey(RunRole.LOSS)) {
                throw new DataException(ParameterMessage.of(source + " has no " + RunRole.LOSS.description()
                        + " column; add one (recognised names: " + String.join(", ", RunRole.LOSS.defaultNames())
                        + ") or name its column with {" + RunRole.LOSS.parameter() + "}", RunRole.LOSS.parameter()));
            }
            for (Map.Entry<RunRole, double[]> e : numeric.entrySet()) {
                double[] v = e.getValue();
                for (int r = 0; r < rows; r++) {
                    if (!(v[r] > 0) || v[r] == Double.POSITIVE_INFINITY) {
                        throw new DataException(source + " " + unit + " " + l[r] + ", column '" + columns.get(e.getKey()) + "': "
                                + e.getKey().description() + " " + v[r] + (Double.isFinite(v[r])
                                        ? " is not > 0; the laws are fitted on logarithms, so fix or remove the run"
                                        : " is not a finite number; fix or remove the run"));
                    }
                }
            }
            List<String> notes = new ArrayList<>();
            double[] n = numeric.get(RunRole.PARAMS);
            double[] d = numeric.get(RunRole.TOKENS);
            double[] c = numeric.get(RunRole.FLOPS);
            if (n != null && d != null && c == null) {
                numeric.put(RunRole.FLOPS, times(6, n, d, false));
                columns.put(RunRole.FLOPS, "6*N*D");
                notes.add(String.format(Locale.ROOT, "FLOPs computed as C = 6ND (no FLOP column; '%s' × '%s' × 6)",
                        columns.get(RunRole.PARAMS), columns.get(RunRole.TOKENS)));
            } else if (n != null && c != null && d == null) {
                numeric.put(RunRole.TOKENS, times(1.0 / 6, c, n, true));
                columns.put(RunRole.TOKENS, "C/(6*N)");
                notes.add(String.format(Locale.ROOT, "tokens computed as D = C/(6N) (no token column; '%s' / (6 × '%s'))",
                        columns.get(RunRole.FLOPS), columns.get(RunRole.PARAMS)));
            }
            return new RunTable(source, new EnumMap<>(numeric), groups, l, unit, new EnumMap<>(columns), notes);
        }

        private static double[] times(double factor, double[] x, double[] y, boolean divide) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = divide ? factor * x[i] / y[i] : factor * x[i] * y[i];
            }
            return out;
        }

        private void requireLength(int length, RunRole role) {
            if (length != rows) {
                throw new IllegalArgumentException(length + " values of the " + role.description() + " for " + rows + " runs");
            }
        }
    }
}
