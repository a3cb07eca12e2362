package kspec.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {

    @Test
    void sizesSaturateInsteadOfOverflowing() {
        assertEquals(200L * 2_000_000_000L * 8, HeapBudget.bytes(200, 2_000_000_000L, 8));
        assertEquals(Long.MAX_VALUE, HeapBudget.bytes(1L << 40, 1L << 30));
        assertEquals(0, HeapBudget.bytes(1L << 62, 0, 1L << 62));
    }

    @Test
    void aRequestBeyondTheHeapIsRefusedWithItsSizes() {
        long max = Runtime.getRuntime().maxMemory();
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> HeapBudget.require("a 200 × 2000000000 one-hot matrix", HeapBudget.bytes(200, 2_000_000_000L, 8)));
        assertEquals(3_200_000_000_000L, e.neededBytes());
        assertTrue(e.availableBytes() <= max);
        assertTrue(e.getMessage().startsWith("a 200 × 2000000000 one-hot matrix needs 3.20 TB of memory but only "),
                e.getMessage());
        HeapBudget.require("a small array", 1 << 20);
    }

    @Test
    void describesBytesInDecimalUnits() {
        assertEquals("999 bytes", HeapBudget.describe(999));
        assertEquals("1.60 GB", HeapBudget.describe(1_600_000_000L));
        assertEquals("937 MB", HeapBudget.describe(937_000_000L));
    }
}
