package kspec.data.io;

import org.ejml.data.DMatrixRMaj;

/**
 * An n-dimensional array read from a file and widened to float64 ({@link NpyArray}, {@link IdxArray}):
 * its shape, its elements in row-major order, and the two views kspec reads data through.
 */
public interface NumericArray {

    /** @return the dimensions from the file's header (a copy) */
    long[] shape();

    /** @return the element type as the file names it */
    String dtype();

    /** @return the elements in row-major order. Shared, not copied; treat as read-only. */
    double[] data();

    /** @return true when the file's element type is an integer (or boolean) type, usable as class labels */
    boolean isIntegerType();

    /** @return number of axes (0 for a scalar) */
    default int rank() {
        return shape().length;
    }

    /**
     * The array as points: axis 0 indexes the rows, the remaining axes are flattened row-major into
     * the columns (n × 28 × 28 becomes n × 784); rank 1 becomes n × 1, a scalar 1 × 1.
     *
     * @return a matrix sharing {@link #data()}
     */
    default DMatrixRMaj asMatrix() {
        return Shapes.asMatrix(shape(), data());
    }

    /**
     * @return the elements as class labels
     * @throws kspec.data.DataException if the element type is not an integer type or the shape is not
     *         (n,) or (n, 1)
     */
    default int[] asLabels() {
        return Shapes.asLabels(shape(), data(), dtype(), isIntegerType());
    }
}
