package doseengine.kernels.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParticleStackTest {
    @Test
    void lastInFirstOutAndRefusesPushesWhenFull() {
        ParticleStack s = new ParticleStack(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(s.push(i % 2, i + 0.5f, i, 2 * i, 3 * i, 0f, 0f, 1f, 10 + i));
        }
        assertFalse(s.push(0, 9f, 0, 0, 0, 1f, 0f, 0f, 0), "a full stack refuses");
        assertEquals(3, s.size);
        assertEquals(3, s.highWater);
        for (int i = 2; i >= 0; i--) {
            int top = s.pop();
            assertEquals(i % 2, s.type[top]);
            assertEquals(i + 0.5f, s.energy[top]);
            assertEquals(2 * i, s.y[top]);
            assertEquals(10 + i, s.voxel[top]);
        }
        assertTrue(s.isEmpty());
        assertEquals(3, s.highWater, "the high-water mark stays");
        assertThrows(IllegalArgumentException.class, () -> new ParticleStack(0));
    }
}
