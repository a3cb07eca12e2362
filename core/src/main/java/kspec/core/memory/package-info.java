/**
 * Heap checks before large allocations whose size comes from options or data.
 *
 * <p>Start from {@link kspec.core.memory.HeapBudget#require}: it refuses a request the heap cannot
 * hold with an {@link kspec.core.memory.InsufficientMemoryException} naming the request, its size and
 * the free heap.
 */
package kspec.core.memory;
