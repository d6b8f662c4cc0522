package doseengine.kernels.tally;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadialShellTallyTest {

    /** The definition: the b with edgeSq[b] <= r2 < edgeSq[b+1], by linear search; -1 outside. */
    private static int bruteForce(float[] edgeSq, float r2) {
        for (int b = 0; b + 1 < edgeSq.length; b++) {
            if (edgeSq[b] <= r2 && r2 < edgeSq[b + 1]) {
                return b;
            }
        }
        return -1;
    }

    private static void checkAgainstDefinition(RadialShellTally t, long seed) {
        float[] sq = t.edgesSquaredCm2();
        SplittableRandom r = new SplittableRandom(seed);
        float rmax = (float) Math.sqrt(sq[sq.length - 1]);
        for (int n = 0; n < 100_000; n++) {
            float r2 = (float) Math.pow(r.nextDouble() * 1.2 * rmax, 2);
            assertEquals(bruteForce(sq, r2), t.shellOfSquaredRadius(r2), () -> "r2 " + r2);
        }
        // Exactly on, just below and just above every edge: where a float guess would go wrong.
        for (float e : sq) {
            for (float r2 : new float[] {Math.nextDown(e), e, Math.nextUp(e)}) {
                assertEquals(bruteForce(sq, r2), t.shellOfSquaredRadius(r2), () -> "r2 " + r2);
            }
        }
        assertEquals(-1, t.shellOfSquaredRadius(Float.NaN));
    }

    @Test
    void uniformShellsBinExactlyAsDefined() {
        float[] edges = new float[201];
        for (int b = 0; b < edges.length; b++) {
            edges[b] = b * 0.005f; // 50 um shells to 1 cm, as for a Y-90 point kernel
        }
        RadialShellTally t = new RadialShellTally(edges, 0, 0, 0);
        assertTrue(t.isUniform());
        checkAgainstDefinition(t, 21);
    }

    @Test
    void nonUniformShellsBinExactlyAsDefined() {
        float[] edges = new float[120];
        edges[0] = 0.001f;
        for (int b = 1; b < edges.length; b++) {
            edges[b] = edges[b - 1] * 1.07f;
        }
        RadialShellTally t = new RadialShellTally(edges, 0, 0, 0);
        assertFalse(t.isUniform());
        checkAgainstDefinition(t, 22);
    }

    @Test
    void depositsGoToTheShellAroundTheCentreOrToEscaped() {
        RadialShellTally t = new RadialShellTally(new float[] {0.1f, 0.2f, 0.3f}, 1f, 2f, 3f);
        t.deposit(1.15f, 2f, 3f, 1f);        // r = 0.15: shell 0
        t.deposit(1f, 2.25f, 3f, 2f);        // r = 0.25: shell 1
        t.deposit(1f, 2f, 3.05f, 4f);        // r = 0.05: inside the first edge, not scored
        t.deposit(1f, 2f, 2.5f, 8f);         // r = 0.5: beyond the last edge
        t.depositAtSquaredRadius(0.0225f, 16f); // r = 0.15 from the centre: shell 0
        t.emit(31f);
        assertEquals(2, t.shells());
        assertEquals(FixedPointEnergy.toUnits(17f), t.units()[0]);
        assertEquals(FixedPointEnergy.toUnits(2f), t.units()[1]);
        assertEquals(FixedPointEnergy.toUnits(12f), t.escapedUnits());
        assertEquals(t.emittedUnits(), t.depositedUnits() + t.escapedUnits());
    }

    @Test
    void rejectsEdgesThatAreNotIncreasing() {
        assertThrows(IllegalArgumentException.class, () -> new RadialShellTally(new float[] {0.1f}, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RadialShellTally(new float[] {0.2f, 0.1f}, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RadialShellTally(new float[] {-0.1f, 0.1f}, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RadialShellTally(new float[] {0f, Float.NaN}, 0, 0, 0));
    }
}
