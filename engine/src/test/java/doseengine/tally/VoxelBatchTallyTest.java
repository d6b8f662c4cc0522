package doseengine.tally;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.tally.FixedPointEnergy;
import doseengine.kernels.tally.VoxelEnergyTally;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoxelBatchTallyTest {
    private final VoxelGrid grid = VoxelGrid.centredCube(4, 3, 2, 10);

    private LabelMap twoLabels() {
        ShortVolume s = new ShortVolume(grid);
        s.data()[0] = 1;
        s.data()[1] = 1;
        s.data()[5] = 2;
        s.data()[6] = 7; // a label value with no name: not a region
        return new LabelMap(s, Map.of(1, "kidney", 2, "tumour", 3, "absent"));
    }

    @Test
    void labelErrorComesFromLabelTotalsNotFromVoxelErrors() {
        // Voxels 0 and 1 (label "kidney") share 10 MeV per batch in random proportions: each voxel fluctuates,
        // the label total does not. The label's relative error must be 0 (up to the fixed-point rounding of the
        // random split, which keeps the total exact here because every part is a multiple of 2^-30 MeV);
        // combining the voxel errors would give a large one.
        VoxelBatchTally t = new VoxelBatchTally(grid, twoLabels());
        VoxelEnergyTally k = t.tally();
        SplittableRandom r = new SplittableRandom(61);
        for (int b = 0; b < 10; b++) {
            float a = (float) Math.floor(r.nextDouble() * 10 * 1024) / 1024;
            k.deposit(0, a);
            k.deposit(1, 10f - a);
            k.deposit(5, 1f + b);
            k.deposit(6, 100f);
            k.emit(10f + 1f + b + 100f + 3f);
            k.escape(3f);
            t.endBatch(1000);
        }
        BatchMoments lab = t.labelMoments();
        assertEquals(t.labelIndex("kidney"), 0);
        assertEquals(0.010, lab.meanPerDecay(0), 1e-15);
        assertEquals(0.0, lab.relativeStandardError(0));
        assertTrue(t.voxelMoments().relativeStandardError(0) > 0.05);
        // Tumour: 1..10 MeV over the batches, mean 5.5 / 1000; its own batch spread gives the error.
        assertEquals(0.0055, lab.meanPerDecay(1), 1e-15);
        assertEquals(t.voxelMoments().relativeStandardError(5), lab.relativeStandardError(1), 1e-12);
        assertEquals(1.0, lab.relativeStandardError(2), "named label without voxels: no energy, error 1");
        // Unnamed label 7 counts for the grid (energy balance) but not for any region.
        EnergyBalance e = t.energyBalance();
        assertEquals((10 + 5.5 + 100) / 1000, e.depositedMeVPerDecay(), 1e-15);
        assertEquals(0.003, e.escapedMeVPerDecay(), 1e-15);
        assertEquals(0.0, e.relativeImbalance(), 1e-15);
        assertEquals(10, t.batches());
        assertEquals(10_000, t.decays());
        for (long u : k.units()) {
            assertEquals(0, u, "endBatch resets the tally");
        }
    }

    @Test
    void labelTotalsEqualTheSumOfTheirVoxels() {
        VoxelBatchTally t = new VoxelBatchTally(grid, twoLabels());
        SplittableRandom r = new SplittableRandom(62);
        double[] expected = new double[3];
        short[] lab = t.labelMap().volume().data();
        for (int b = 0; b < 3; b++) {
            for (int v = 0; v < grid.voxelCount(); v++) {
                float e = (float) r.nextDouble();
                t.tally().deposit(v, e);
                if (lab[v] == 1) {
                    expected[0] += FixedPointEnergy.toMeV(FixedPointEnergy.toUnits(e));
                } else if (lab[v] == 2) {
                    expected[1] += FixedPointEnergy.toMeV(FixedPointEnergy.toUnits(e));
                }
            }
            t.endBatch(7);
        }
        assertEquals(expected[0], t.labelMoments().sum(0), 1e-12);
        assertEquals(expected[1], t.labelMoments().sum(1), 1e-12);
        assertEquals(0.0, t.labelMoments().sum(2));
    }

    @Test
    void overflowOfABinIsReportedNotWrapped() {
        // Two deposits of 6e9 MeV exceed the 2^33 MeV = 8.6e9 MeV a bin holds in one batch.
        VoxelBatchTally t = new VoxelBatchTally(grid);
        t.tally().deposit(3, 6e9f);
        t.tally().deposit(3, 6e9f);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.endBatch(10));
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
    }

    @Test
    void unknownLabelIsBadInput() {
        VoxelBatchTally t = new VoxelBatchTally(grid, twoLabels());
        assertThrows(BadInputException.class, () -> t.labelIndex("liver"));
        assertThrows(BadInputException.class, () -> new VoxelBatchTally(grid).labelIndex("liver"));
    }
}
