package kspec.manifold.knn;

import kspec.core.linalg.Blas;
import kspec.core.linalg.NativeBlas;
import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;

/**
 * Inner-product tiles X_I·X_Jᵀ of one point set, for {@link GemmKnn}.
 *
 * <p>Native path: the points are copied once into off-heap memory and every tile is one CBLAS call
 * on pointers into it (DGEMM, or DSYRK upper triangle for a diagonal tile), followed by one copy of
 * the tile into a reused Java array. Passing Java arrays to the native library instead costs a
 * fresh native copy of A, B and C, in and out, on every call, a sizeable fraction of the tile's
 * GEMM time (bench/README.md, "Constants chosen by measurement").
 * Fallback (no natives): {@link Blas} on copied row blocks.
 *
 * <p>Not thread-safe: each thread works on its own {@link #forThread()} engine, which shares the
 * off-heap points and has its own pointers and tile buffer; run such engines in parallel only with
 * the BLAS pool at one thread (see {@link GemmKnn}).
 */
abstract class TileProducts implements AutoCloseable {

    /**
     * @return the native implementation when OpenBLAS is loaded, else the EJML one: a native-only
     *     buffer strategy (the points kept in native memory), which {@link Blas} has no twin for
     */
    static TileProducts of(DMatrixRMaj x, int tile) {
        return NativeBlas.isAvailable() ? new Native(x, tile) : new Fallback(x);
    }

    /**
     * Writes C = X_{[i0,i1)}·X_{[j0,j1)}ᵀ row-major ((i1 − i0) × (j1 − j0)) into {@code out}. When
     * i0 = j0 only the upper triangle (column ≥ row) is guaranteed.
     *
     * @param out Modified: at least (i1 − i0)·(j1 − j0) long
     */
    abstract void product(int i0, int i1, int j0, int j1, double[] out);

    /** @return an engine for one more thread over the same points; close it before this one */
    abstract TileProducts forThread();

    @Override
    public abstract void close();

    private static final class Native extends TileProducts {
        private final int dim;
        private final int tile;
        private final DoublePointer points;
        private final boolean ownsPoints;
        private final DoublePointer a;
        private final DoublePointer b;
        private final DoublePointer c;

        Native(DMatrixRMaj x, int tile) {
            this(x.numCols, tile, NativeBlas.copyToNative(x.data, x.numRows * x.numCols), true);
        }

        private Native(int dim, int tile, DoublePointer points, boolean ownsPoints) {
            this.dim = dim;
            this.tile = tile;
            this.points = points;
            this.ownsPoints = ownsPoints;
            a = new DoublePointer(points);
            b = new DoublePointer(points);
            c = new DoublePointer((long) tile * tile);
        }

        @Override
        TileProducts forThread() {
            return new Native(dim, tile, points, false);
        }

        @Override
        void product(int i0, int i1, int j0, int j1, double[] out) {
            int m = i1 - i0;
            int n = j1 - j0;
            a.position((long) i0 * dim);
            if (i0 == j0) {
                NativeBlas.dsyrkUpper(m, dim, 1.0, a, 0.0, c);
            } else {
                b.position((long) j0 * dim);
                NativeBlas.dgemm(false, true, m, n, dim, 1.0, a, b, 0.0, c);
            }
            c.get(out, 0, m * n);
        }

        @Override
        public void close() {
            c.close();
            if (ownsPoints) {
                points.close();
            }
        }
    }

    private static final class Fallback extends TileProducts {
        private final DMatrixRMaj x;
        private final DMatrixRMaj product = new DMatrixRMaj(1, 1);

        Fallback(DMatrixRMaj x) {
            this.x = x;
        }

        @Override
        TileProducts forThread() {
            return new Fallback(x);
        }

        @Override
        void product(int i0, int i1, int j0, int j1, double[] out) {
            Blas.multTransB(PairwiseDistances.rows(x, i0, i1), PairwiseDistances.rows(x, j0, j1), product);
            System.arraycopy(product.data, 0, out, 0, (i1 - i0) * (j1 - j0));
        }

        @Override
        public void close() {
            // nothing native to free
        }
    }
}
