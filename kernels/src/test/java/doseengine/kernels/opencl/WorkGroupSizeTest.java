package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CPU work-groups are sized so that their secondary stacks stay within the budget (OpenClHistoryDriver). */
class WorkGroupSizeTest {
    @Test
    void workGroupsShrinkAsTheStackGrows() {
        // 64 slots (10 keV thresholds): 2304 B per item, 113 fit, capped at 64.
        assertEquals(64, OpenClHistoryDriver.cpuWorkGroupSize(64));
        // 640 slots (1 keV thresholds): 23040 B per item, 11 fit, power of two below: 8.
        assertEquals(8, OpenClHistoryDriver.cpuWorkGroupSize(640));
        assertEquals(4, OpenClHistoryDriver.cpuWorkGroupSize(OpenClHistoryDriver.MAX_STACK_CAPACITY));
        for (int capacity = 1; capacity <= OpenClHistoryDriver.MAX_STACK_CAPACITY; capacity++) {
            int n = OpenClHistoryDriver.cpuWorkGroupSize(capacity);
            assertEquals(Integer.highestOneBit(n), n, "power of two at " + capacity);
            assertTrue(n >= 1 && n <= OpenClHistoryDriver.CPU_MAX_WORK_GROUP);
            assertTrue((long) n * capacity * OpenClHistoryDriver.STACK_SLOT_BYTES
                    <= OpenClHistoryDriver.CPU_WORK_GROUP_STACK_BYTES, "budget at " + capacity);
        }
    }
}
