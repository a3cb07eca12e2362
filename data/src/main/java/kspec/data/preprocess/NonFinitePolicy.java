package kspec.data.preprocess;

import java.util.Locale;

/**
 * What to do with NaN and ±Infinity entries, the first preprocessing step.
 *
 * <ul>
 * <li>{@link #REFUSE} (default): throw a {@link kspec.data.DataException} counting them.</li>
 * <li>{@link #DROP_ROWS} ({@code drop}): remove every row holding one, with its
 *     label and targets.</li>
 * <li>{@link #ZERO} ({@code zero}): replace each by 0.</li>
 * </ul>
 */
public enum NonFinitePolicy {
    REFUSE,
    DROP_ROWS,
    ZERO;

    /**
     * @param name {@code drop} or {@code zero} (case-insensitive); {@code refuse} is accepted for completeness
     * @throws IllegalArgumentException naming the bad value and listing the valid ones
     */
    public static NonFinitePolicy parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "drop" -> DROP_ROWS;
            case "zero" -> ZERO;
            case "refuse" -> REFUSE;
            default -> throw new IllegalArgumentException("unknown non-finite policy '" + name + "'; valid: drop, zero");
        };
    }
}
