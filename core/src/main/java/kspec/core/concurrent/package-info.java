/**
 * Concurrency helpers for workers that share native memory or the BLAS thread pool with their caller.
 *
 * <p>Start from {@link kspec.core.concurrent.Futures#awaitAll}: it waits for every task even after a
 * failure or an interrupt, so the caller can then safely free native buffers or restore the pool size.
 */
package kspec.core.concurrent;
