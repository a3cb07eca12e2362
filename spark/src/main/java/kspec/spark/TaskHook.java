package kspec.spark;

import java.io.Serializable;

/**
 * Called at the start of every task of a distributed product or search with the index of the
 * group pair it computes (see {@link GroupPairs}); {@code org.apache.spark.TaskContext.get()} is
 * available inside. Throwing fails that task attempt, which Spark then retries: this is how the
 * tests show that a retried task leaves the answer unchanged. Also usable for tracing.
 */
@FunctionalInterface
public interface TaskHook extends Serializable {

    /** A hook that does nothing. */
    TaskHook NONE = pair -> { };

    /** @param pair the group pair of the task */
    void beforeTask(int pair);
}
