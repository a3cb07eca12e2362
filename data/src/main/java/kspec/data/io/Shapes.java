package kspec.data.io;

import java.util.Arrays;
import java.util.stream.Collectors;
import kspec.data.DataException;
import org.ejml.data.DMatrixRMaj;

/** Shape arithmetic shared by {@link NpyArray} and {@link IdxArray}. */
final class Shapes {

    /** Largest Java array length that every JVM allocates. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Shapes() {
    }

    /**
     * @return the product of {@code shape}
     * @throws DataException naming {@code source} if a dimension is negative, or the product of the
     *                       non-zero dimensions (the size of a row block even when another axis is
     *                       0) exceeds one Java array
     */
    static int elementCount(long[] shape, Object source) {
        long nonZero = 1;
        boolean empty = false;
        for (long d : shape) {
            if (d < 0) {
                throw new DataException(source + ": negative dimension in shape " + describe(shape) + "; the header is corrupt");
            }
            empty |= d == 0;
            nonZero = d == 0 ? nonZero : nonZero * Math.min(d, MAX_ELEMENTS + 1); // both factors < 2^31: no overflow
            if (nonZero > MAX_ELEMENTS) {
                throw new DataException(source + ": shape " + describe(shape) + " spans more than " + MAX_ELEMENTS
                        + " elements, too many for one float64 array; read a subset (e.g. numpy.save of arr[:n])");
            }
        }
        return empty ? 0 : (int) nonZero;
    }

    /** @return a Python-style tuple, e.g. {@code (3, 4)}, {@code (7,)}, {@code ()} */
    static String describe(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The rows of an array: axis 0 indexes points, the remaining axes are flattened in row-major
     * order into the columns. Rank 0 gives 1 × 1, rank 1 gives n × 1.
     *
     * @param data row-major elements. Shared by the returned matrix, not copied.
     */
    static DMatrixRMaj asMatrix(long[] shape, double[] data) {
        int rows = shape.length == 0 ? 1 : (int) shape[0];
        int cols = 1;
        for (int i = 1; i < shape.length; i++) {
            cols = Math.multiplyExact(cols, (int) shape[i]);
        }
        if (rows == 0) {
            return new DMatrixRMaj(0, cols);
        }
        return DMatrixRMaj.wrap(rows, cols, data);
    }

    /**
     * Class labels from a rank-1 (or n × 1) integer array.
     *
     * @param data Not modified.
     * @throws DataException if the type is not integer, the shape is not a vector or a value is
     *                       outside the int range
     */
    static int[] asLabels(long[] shape, double[] data, String dtype, boolean integerType) {
        if (!integerType) {
            throw new DataException("labels must be integers but the array has dtype " + dtype
                    + "; save them as integers, e.g. numpy.save(path, y.astype('int64'))");
        }
        boolean vector = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
        if (!vector) {
            throw new DataException("labels must be one per row (shape (n,) or (n, 1)) but the shape is "
                    + describe(shape) + "; pass a label vector");
        }
        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new DataException("label " + (long) v + " at row " + i + " is outside the int range; "
                        + "re-number the classes 0..k-1");
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    /**
     * Reorders a column-major (Fortran) array to row-major (C) order.
     *
     * @param fortran elements with axis 0 varying fastest. Not modified.
     * @return the same elements with the last axis varying fastest
     */
    static double[] fortranToC(long[] shape, double[] fortran) {
        int rank = shape.length;
        if (rank < 2 || fortran.length == 0) {
            return fortran;
        }
        int[] dims = new int[rank];
        int[] fortranStride = new int[rank];
        int stride = 1;
        for (int a = 0; a < rank; a++) {
            dims[a] = (int) shape[a];
            fortranStride[a] = stride;
            stride *= dims[a];
        }
        double[] c = new double[fortran.length];
        int last = rank - 1;
        int lastDim = dims[last];
        int lastStride = fortranStride[last];
        int[] index = new int[rank];
        int base = 0; // Fortran offset of (index[0..last-1], 0)
        for (int out = 0; out < c.length; out += lastDim) {
            for (int j = 0, src = base; j < lastDim; j++, src += lastStride) {
                c[out + j] = fortran[src];
            }
            // odometer over the leading axes, last-but-one fastest (C order)
            for (int a = last - 1; a >= 0; a--) {
                index[a]++;
                base += fortranStride[a];
                if (index[a] < dims[a]) {
                    break;
                }
                base -= index[a] * fortranStride[a];
                index[a] = 0;
            }
        }
        return c;
    }
}
