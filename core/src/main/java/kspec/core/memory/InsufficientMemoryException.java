package kspec.core.memory;

/**
 * A request whose size, taken from options or data, needs more Java heap than is available. The
 * message names the request, what it needs and what the heap has; the fix is fewer points (or
 * features, neighbours, classes) or a larger heap.
 */
public final class InsufficientMemoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long neededBytes;
    private final long availableBytes;

    InsufficientMemoryException(String what, long neededBytes, long availableBytes, long maxHeapBytes) {
        super(what + " needs " + HeapBudget.describe(neededBytes) + " of memory but only "
                + HeapBudget.describe(availableBytes) + " of the " + HeapBudget.describe(maxHeapBytes)
                + " Java heap is free; ask for less, or raise the heap (java -Xmx) if the machine has the memory");
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    /** @return bytes the refused request needed */
    public long neededBytes() {
        return neededBytes;
    }

    /** @return bytes the heap had free when the request was refused */
    public long availableBytes() {
        return availableBytes;
    }
}
