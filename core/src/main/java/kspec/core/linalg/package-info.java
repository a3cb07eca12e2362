/**
 * Dense linear algebra for every module: the bridge to native OpenBLAS/LAPACK (bytedeco jars) and
 * its pure-Java EJML fallback, on row-major {@code double[]} / EJML {@code DMatrixRMaj} storage.
 *
 * <p>Start from {@link kspec.core.linalg.Blas}, the one native-or-EJML dispatch: GEMM, SYRK and GEMV
 * products, the Cholesky factorisation and solve, small symmetric eigen-decompositions and the BLAS
 * thread count; it uses {@link kspec.core.linalg.NativeBlas} when the natives loaded. Call the native
 * bridge directly only for what {@code Blas} does not offer (the eigensolver factory's LAPACK routines,
 * native-memory operands).
 * Never call either from inside a parallel Java loop: the native library has its own thread pool.
 */
package kspec.core.linalg;
