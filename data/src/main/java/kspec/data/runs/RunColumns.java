package kspec.data.runs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a run table the caller names explicitly; every role not named is found by its
 * {@link RunRole#defaultNames() default names}. Immutable.
 */
public final class RunColumns {

    private final Map<RunRole, String> named;

    private RunColumns(Map<RunRole, String> named) {
        this.named = Collections.unmodifiableMap(named);
    }

    /** @return no explicit names: every column is found by its default names */
    public static RunColumns defaults() {
        return new RunColumns(new EnumMap<>(RunRole.class));
    }

    /**
     * @param role   the role
     * @param column the header name (exact) or 0-based index; {@code null} keeps the default lookup
     * @return a copy with {@code role} read from {@code column}
     */
    public RunColumns with(RunRole role, String column) {
        EnumMap<RunRole, String> copy = named.isEmpty() ? new EnumMap<>(RunRole.class) : new EnumMap<>(named);
        if (column == null) {
            copy.remove(role);
        } else if (column.isBlank()) {
            throw new IllegalArgumentException("the column name for the " + role.description() + " is blank");
        } else {
            copy.put(role, column);
        }
        return new RunColumns(copy);
    }

    /** @return the explicitly named column of {@code role}, if any */
    public Optional<String> named(RunRole role) {
        return Optional.ofNullable(named.get(role));
    }

    /**
     * The column of {@code role} among {@code headers}: the explicitly named one, else the first
     * header matching the role's first matching default name.
     *
     * @return the index into {@code headers}, or −1 when the role has no explicit name and no header
     *     matches a default name (an explicit name that is absent is the caller's error to report)
     */
    int find(RunRole role, List<String> headers) {
        String explicit = named.get(role);
        if (explicit != null) {
            return headers.indexOf(explicit);
        }
        for (String name : role.defaultNames()) {
            for (int c = 0; c < headers.size(); c++) {
                if (RunRole.normalise(headers.get(c)).equals(name)) {
                    return c;
                }
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return named.isEmpty() ? "RunColumns[defaults]" : "RunColumns" + named;
    }
}
