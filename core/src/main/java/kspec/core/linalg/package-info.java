/**
 * Dense linear algebra for every module: the bridge to native OpenBLAS/LAPACK (bytedeco jars) and
 * its pure-Java EJML fallback, on row-major {@code double[]} / EJML {@code DMatrixRMaj} storage.
 *
 * <p>Start from {@link kspec.core.linalg.Blas}, the one dispatch for GEMM/SYRK products, which uses
 * {@link kspec.core.linalg.NativeBlas} when the natives loaded; call the native bridge directly only
 * for what {@code Blas} does not offer (LAPACK eigen and Cholesky routines, native-memory operands).
 * Never call either from inside a parallel Java loop: the native library has its own thread pool.
 */
package kspec.core.linalg;
