package kspec.dynamics;

import java.util.Locale;

/**
 * The two finite resources of the model: the width P (number of random features; the paper's N)
 * and the data size D (training points; the paper's P). Either may be infinite: P = ∞ is kernel
 * gradient descent on D points, D = ∞ is gradient descent on the population loss (fresh data).
 *
 * @param width P ≥ 1, or {@link Double#POSITIVE_INFINITY}
 * @param data  D ≥ 1, or {@link Double#POSITIVE_INFINITY}
 */
public record Sizes(double width, double data) {

    /** Validates both sizes. */
    public Sizes {
        requireSize("width P", width);
        requireSize("data size D", data);
    }

    /** @return finite width and data size */
    public static Sizes of(double width, double data) {
        return new Sizes(width, data);
    }

    /** @return width P trained on the population loss (D = ∞) */
    public static Sizes infiniteData(double width) {
        return new Sizes(width, Double.POSITIVE_INFINITY);
    }

    /** @return kernel gradient descent (P = ∞) on D points */
    public static Sizes infiniteWidth(double data) {
        return new Sizes(Double.POSITIVE_INFINITY, data);
    }

    /** @return P = D = ∞: every mode k relaxes as e<sup>−λ<sub>k</sub>t</sup> */
    public static Sizes infinite() {
        return new Sizes(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** @return 1/P (0 for P = ∞) */
    public double inverseWidth() {
        return 1.0 / width;
    }

    /** @return 1/D (0 for D = ∞) */
    public double inverseData() {
        return 1.0 / data;
    }

    /** @return min(P, D), the number of modes the model can resolve */
    public double smaller() {
        return Math.min(width, data);
    }

    /** @return the same model with width and data size exchanged (the duality map P ↔ D) */
    public Sizes swapped() {
        return new Sizes(data, width);
    }

    /** @return true when both sizes are infinite */
    public boolean bothInfinite() {
        return Double.isInfinite(width) && Double.isInfinite(data);
    }

    @Override
    public String toString() {
        return "P = " + format(width) + ", D = " + format(data);
    }

    /** @return the size as an integer, or "inf" */
    public static String format(double size) {
        return Double.isInfinite(size) ? "inf" : String.format(Locale.ROOT, "%.0f", size);
    }

    private static void requireSize(String name, double value) {
        if (Double.isNaN(value) || value < 1 || value == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(name + " = " + value + "; it must be >= 1 (or infinite)");
        }
    }
}
