package kspec.data.io;

import java.util.Objects;

/**
 * An array read from an IDX file (the MNIST / Fashion-MNIST format), widened to float64.
 *
 * @param shape    the dimensions from the header (rank ≥ 1). Copied on the way in and out.
 * @param typeCode the IDX type byte: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double
 * @param dtype    the type name: {@code ubyte}, {@code byte}, {@code short}, {@code int}, {@code float}, {@code double}
 * @param data     the elements in row-major order. Shared, not copied; treat as read-only.
 */
public record IdxArray(long[] shape, int typeCode, String dtype, double[] data) implements NumericArray {

    public IdxArray {
        shape = shape.clone();
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return true for the integer types ubyte, byte, short, int */
    @Override
    public boolean isIntegerType() {
        return typeCode <= 0x0C;
    }

    @Override
    public String toString() {
        return "IdxArray" + Shapes.describe(shape) + " " + dtype;
    }
}
