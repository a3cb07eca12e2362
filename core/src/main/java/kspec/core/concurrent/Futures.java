package kspec.core.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for worker tasks that share native memory or the BLAS pool with their caller: the caller
 * may free that memory or resize the pool only after every task has stopped, so a failure in one
 * task or an interrupt of the caller must not cut the wait short.
 */
public final class Futures {

    private Futures() {
    }

    /**
     * Waits until every task has finished. An interrupt of the calling thread does not end the wait;
     * it is restored once all tasks are done.
     *
     * @param tasks the tasks, started. Not modified.
     * @return the cause of the first failed task in iteration order, or null when all succeeded
     */
    public static Throwable awaitAll(Iterable<? extends Future<?>> tasks) {
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> task : tasks) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }
}
