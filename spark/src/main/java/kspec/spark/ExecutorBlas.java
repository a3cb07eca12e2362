package kspec.spark;

import kspec.core.linalg.Blas;

/**
 * An executor runs several tasks at once, each a Java thread calling BLAS: the native pool must
 * then be one thread (BLAS threads competing with task threads for the same cores slow both down
 * many times), so every task sets it before its first BLAS call. One thread per task slot.
 */
final class ExecutorBlas {

    private ExecutorBlas() {
    }

    static void oneThreadPerTask() {
        if (Blas.threads() != 1) {
            Blas.setThreads(1);
        }
    }
}
