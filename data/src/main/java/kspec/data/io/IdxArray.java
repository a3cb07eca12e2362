package kspec.data.io;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * An array read from an IDX file (the MNIST / Fashion-MNIST format), widened to float64.
 *
 * @param shape    the dimensions from the header (rank ≥ 1). Copied on the way in and out.
 * @param typeCode the IDX type byte: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double
 * @param dtype    the type name: {@code ubyte}, {@code byte}, {@code short}, {@code int}, {@code float}, {@code double}
 * @param data     the elements in row-major order. Shared, not copied; treat as read-only.
 */
public record IdxArray(long[] shape, int typeCode, String dtype, double[] data) {

    public IdxArray {
        shape = shape.clone();
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return number of axes */
    public int rank() {
        return shape.length;
    }

    /** @return true for the integer types ubyte, byte, short, int */
    public boolean isIntegerType() {
        return typeCode <= 0x0C;
    }

    /**
     * The array as points: axis 0 indexes rows, the other axes are flattened row-major into the
     * columns (n × 28 × 28 images become n × 784); rank 1 becomes n × 1.
     *
     * @return a matrix sharing {@link #data()}
     */
    public DMatrixRMaj asMatrix() {
        return Shapes.asMatrix(shape, data);
    }

    /**
     * @return the elements as class labels
     * @throws kspec.data.DataException if the type is float/double or the shape is not (n,) or (n, 1)
     */
    public int[] asLabels() {
        return Shapes.asLabels(shape, data, dtype, isIntegerType());
    }

    @Override
    public String toString() {
        return "IdxArray" + Shapes.describe(shape) + " " + dtype;
    }
}
