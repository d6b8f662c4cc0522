package doseengine.tally;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ShellBatchTallyTest {

    @Test
    void shellsFoldPerDecayWithTheEnergyBalance() {
        // Per batch of 4 decays: 1 MeV at r = 0.05 cm (shell 0), b MeV at r = 0.15 cm (shell 1), 0.5 MeV beyond
        // the last edge. Shell 1 mean (sum_b b) / (10 * 4) = 55 / 40 MeV per decay.
        ShellBatchTally t = new ShellBatchTally(new float[] {0f, 0.1f, 0.2f}, 0f, 0f, 0f);
        for (int b = 1; b <= 10; b++) {
            t.tally().deposit(0.05f, 0f, 0f, 1f);
            t.tally().deposit(0f, 0.15f, 0f, b);
            t.tally().deposit(0f, 0f, 0.5f, 0.5f);
            t.tally().emit(1.5f + b);
            t.endBatch(4);
        }
        BatchMoments m = t.shellMoments();
        assertEquals(0.25, m.meanPerDecay(0), 1e-15);
        assertEquals(0.0, m.relativeStandardError(0));
        assertEquals(55.0 / 40, m.meanPerDecay(1), 1e-15);
        // x_b = b/4: sum (x_b - 1.375)^2 = 82.5 / 16; Var(mean) = that / (9 * 10) -> rel SE 0.174077...
        assertEquals(Math.sqrt(82.5 / 16 / 90) / 1.375, m.relativeStandardError(1), 1e-12);
        EnergyBalance e = t.energyBalance();
        assertEquals(0.125, e.escapedMeVPerDecay(), 1e-15);
        assertEquals(0.0, e.relativeImbalance(), 1e-15);
        for (long u : t.tally().units()) {
            assertEquals(0, u);
        }
    }
}
