package doseengine.kernels.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.EmissionSampler;
import doseengine.kernels.ParticleType;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.source.SourceSampler;
import doseengine.kernels.tally.FixedPointEnergy;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import org.junit.jupiter.api.Test;

class LocalDepositionDriverTest {
    private static final float E_FIXED_ELECTRON = 0.125f, E_PHOTON = 0.25f, E_CHANCE_ELECTRON = 0.0625f;
    private static final float P_CHANCE = 0.5f;

    /**
     * A made-up nuclide whose expectations are known exactly: a beta uniform on [0, 1] MeV (mean 0.5), one
     * electron of 0.125 MeV and one photon of 0.25 MeV in every decay, and an electron of 0.0625 MeV with
     * probability 1/2. Electron energy per decay 0.5 + 0.125 + 0.03125 = 0.65625 MeV.
     */
    static EmissionSampler sampler() {
        return new EmissionSampler(new EmissionArrays(
                new float[] {0f, 1f}, new float[] {0f, 1f}, new float[] {1f, 1f}, new int[] {0},
                new int[] {ParticleType.ELECTRON, ParticleType.PHOTON}, new float[] {E_FIXED_ELECTRON, E_PHOTON},
                new int[] {ParticleType.ELECTRON}, new float[] {E_CHANCE_ELECTRON}, new float[] {P_CHANCE},
                new float[] {(float) Math.log1p(-P_CHANCE)}));
    }

    @Test
    void electronsStayInTheDecayVoxelAndPhotonsEscape() {
        // Point source in voxel 5: every photon escapes (exactly 0.25 MeV per decay, fixed line), every electron
        // lands in voxel 5, nothing anywhere else. The deposited mean is 0.65625 MeV per decay; its per-decay
        // standard deviation is that of the beta (1/sqrt(12)) and the Bernoulli line (0.03125): 0.2904 MeV;
        // SE at N = 20000 is 0.00205 MeV; 4 SE tolerance.
        VoxelEnergyTally t = new VoxelEnergyTally(3, 3, 1);
        int n = 20_000;
        new LocalDepositionDriver(sampler(), new PointSource(0.15f, 0.15f, 0.05f, 4), 7L).run(0, n, t);
        for (int v = 0; v < t.bins(); v++) {
            if (v != 4) {
                assertEquals(0, t.units()[v], "voxel " + v);
            }
        }
        assertEquals(FixedPointEnergy.toUnits(E_PHOTON) * n, t.escapedUnits());
        double deposited = FixedPointEnergy.toMeV(t.units()[4]) / n;
        double sd = Math.sqrt(1.0 / 12 + 0.25 * E_CHANCE_ELECTRON * E_CHANCE_ELECTRON);
        assertEquals(0.65625, deposited, 4 * sd / Math.sqrt(n));
        // Energy balance is exact in fixed point: each emission goes to exactly one of deposit or escape.
        assertEquals(t.emittedUnits(), t.depositedUnits() + t.escapedUnits());
    }

    @Test
    void resultDoesNotDependOnHowHistoriesAreSplitOrInterleaved() throws Exception {
        // The same 3000 histories as one call, and as three calls on three threads: identical fixed-point sums.
        SourceSampler source = new SourceSampler(new float[] {0.5f, 1f, 1f}, new int[] {2, 2, 8},
                new int[] {0, 2, 8}, 3, 3, 1, 0.1f, 0.1f, 0.1f);
        LocalDepositionDriver k = new LocalDepositionDriver(sampler(), source, 99L);
        VoxelEnergyTally whole = new VoxelEnergyTally(3, 3, 1);
        k.run(1000, 3000, whole);
        VoxelEnergyTally split = new VoxelEnergyTally(3, 3, 1);
        Thread[] threads = new Thread[3];
        for (int c = 0; c < 3; c++) {
            long first = 1000 + 1000L * c;
            threads[c] = new Thread(() -> k.run(first, 1000, split));
            threads[c].start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertArrayEquals(whole.units(), split.units());
        assertTrue(whole.units()[0] > 0 && whole.units()[2] > 0 && whole.units()[8] > 0);
        assertEquals(0, whole.units()[1]);
    }

    @Test
    void anotherSeedGivesOtherDecays() {
        VoxelEnergyTally a = new VoxelEnergyTally(1, 1, 1);
        VoxelEnergyTally b = new VoxelEnergyTally(1, 1, 1);
        new LocalDepositionDriver(sampler(), new PointSource(0.05f, 0.05f, 0.05f, 0), 1L).run(0, 100, a);
        new LocalDepositionDriver(sampler(), new PointSource(0.05f, 0.05f, 0.05f, 0), 2L).run(0, 100, b);
        assertNotEquals(a.units()[0], b.units()[0]);
    }

    @Test
    void gridlessSourceScoresEverythingAsEscapedAndShellTalliesAreRefused() {
        VoxelEnergyTally t = new VoxelEnergyTally(2, 2, 2);
        new LocalDepositionDriver(sampler(), new PointSource(0f, 0f, 0f, -1), 3L).run(0, 50, t);
        assertEquals(0, t.depositedUnits());
        assertEquals(t.emittedUnits(), t.escapedUnits());
        assertThrows(IllegalArgumentException.class, () -> new LocalDepositionDriver(sampler(),
                new PointSource(0f, 0f, 0f, -1), 3L).run(0, 1, new RadialShellTally(new float[] {0f, 1f}, 0f, 0f, 0f)));
    }
}
