package kspec.data.io;

import java.lang.management.ManagementFactory;

/**
 * Bytes of heap the current thread allocates while a task runs, from HotSpot's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}): a
 * reader that allocates what a lying header declares shows up here before the heap runs out.
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** @return the bytes {@code task} allocated on this thread (the task catches what it expects) */
    static long allocatedBy(Runnable task) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        task.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
