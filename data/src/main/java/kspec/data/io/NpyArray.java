package kspec.data.io;

import java.util.Objects;

/**
 * An array read from a NumPy {@code .npy} file, widened to float64.
 *
 * @param shape        the shape from the header; an empty array for a scalar. Copied on the way in and out.
 * @param dtype        the element type as written in the header, e.g. {@code <f4}, {@code |u1}, {@code >i8}
 * @param fortranOrder whether the <em>file</em> stored the elements in column-major order;
 *                     {@link #data()} is row-major either way
 * @param data         the elements in C (row-major) order. Shared, not copied (a 60,000 × 784 array
 *                     is 376 MB); treat as read-only.
 */
public record NpyArray(long[] shape, String dtype, boolean fortranOrder, double[] data) implements NumericArray {

    public NpyArray {
        shape = shape.clone();
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return true if the dtype is an integer or boolean type (usable as class labels) */
    @Override
    public boolean isIntegerType() {
        return NpyReader.elementType(dtype).isInteger();
    }

    @Override
    public String toString() {
        return "NpyArray" + Shapes.describe(shape) + " " + dtype + (fortranOrder ? " (Fortran order in file)" : "");
    }
}
