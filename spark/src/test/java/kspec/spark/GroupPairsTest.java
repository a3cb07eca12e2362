package kspec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The numbering of group pairs, the cut into groups and the group count rule, against enumeration. */
class GroupPairsTest {

    @Test
    void pairsEnumerateTheLowerGroupTriangleRowByRow() {
        GroupPairs pairs = GroupPairs.of(1000, 37);
        assertEquals(37 * 38 / 2, pairs.pairs());
        int p = 0;
        for (int h = 0; h < 37; h++) {
            for (int l = 0; l <= h; l++, p++) {
                assertEquals(h, pairs.high(p), "pair " + p);
                assertEquals(l, pairs.low(p), "pair " + p);
                assertEquals(p, pairs.pair(h, l));
                assertEquals(p, pairs.pair(l, h));
            }
        }
    }

    @Test
    void groupsCoverThePointsWithSizesWithinOne() {
        GroupPairs pairs = GroupPairs.of(1000, 7);
        int covered = 0;
        for (int g = 0; g < 7; g++) {
            assertEquals(covered, pairs.start(g));
            assertEquals(142.857, pairs.size(g), 0.86);
            covered += pairs.size(g);
        }
        assertEquals(1000, covered);
        assertEquals(1000, pairs.points());
        assertThrows(IllegalArgumentException.class, () -> GroupPairs.of(5, 6));
        assertThrows(IllegalArgumentException.class, () -> GroupPairs.of(5, 0));
    }

    /** 2 slots × 3 pairs: g = 3 gives 6 pairs; 200 slots: g = 34 gives 595 < 600, g = 35 gives 630. */
    @Test
    void groupCountGivesEverySlotThreePairs() {
        assertEquals(3, GroupPairs.groupsFor(10_000, 2, 1));
        assertEquals(35, GroupPairs.groupsFor(1_000_000, 200, 1));
        assertEquals(40, GroupPairs.groupsFor(1_000_000, 200, 40), "memory lower bound");
        assertEquals(4, GroupPairs.groupsFor(4, 200, 1), "at most n");
    }
}
