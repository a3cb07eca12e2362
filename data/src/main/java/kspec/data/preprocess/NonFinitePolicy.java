package kspec.data.preprocess;

import java.util.Locale;

/**
 * What to do with NaN and ±Infinity entries, the first preprocessing step.
 *
 * <ul>
 * <li>{@link #REFUSE} (default): throw a {@link kspec.data.DataException} counting them.</li>
 * <li>{@link #DROP_ROWS} ({@code --allow-nonfinite drop}): remove every row holding one, with its
 *     label and targets.</li>
 * <li>{@link #ZERO} ({@code --allow-nonfinite zero}): replace each by 0.</li>
 * </ul>
 */
public enum NonFinitePolicy {
    REFUSE,
    DROP_ROWS,
    ZERO;

    /**
     * @param name the value of {@code --allow-nonfinite}: {@code drop} or {@code zero} (case-insensitive);
     *             {@code refuse} is accepted for completeness
     * @throws IllegalArgumentException naming the bad value and listing the valid ones
     */
    public static NonFinitePolicy fromCliName(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "drop" -> DROP_ROWS;
            case "zero" -> ZERO;
            case "refuse" -> REFUSE;
            default -> throw new IllegalArgumentException("unknown --allow-nonfinite value '" + name
                    + "'; valid: drop, zero");
        };
    }
}
