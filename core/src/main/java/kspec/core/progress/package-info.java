/**
 * Progress reporting for long computations (kernel builds, learning curves, neighbour searches).
 *
 * <p>Start from {@link kspec.core.progress.ProgressListener}; pass
 * {@link kspec.core.progress.ProgressListener#NONE} when no report is wanted.
 */
package kspec.core.progress;
