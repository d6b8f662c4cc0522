package doseengine.tally;

import doseengine.dosimetry.TimeIntegratedActivity;
import doseengine.dosimetry.DoseConversion;
import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import org.junit.jupiter.api.Test;

class DoseMapTest {

    @Test
    void oneMeVInOneGramIsTheDefinitionOfTheElectronvolt() {
        // 1 MeV = 1.602176634e-13 J (SI 2019, exact); in 1 g = 1e-3 kg: 1.602176634e-10 Gy.
        assertEquals(1.602176634e-10, DoseConversion.gray(1, 1), 1e-25);
        assertEquals(1.602176634e-10 / 2.5, DoseConversion.gray(1, 2.5), 1e-25);
        assertEquals(0.0, DoseConversion.gray(5, 0), "a massless voxel has dose 0");
        assertEquals(1e-3, DoseConversion.massKg(1, 1), 1e-18);
    }

    @Test
    void timeIntegratedActivityCountsDecays() {
        assertEquals(3.6e9, TimeIntegratedActivity.ofMBqHours(1).decays(), 1e-3);
        assertEquals(2e6, TimeIntegratedActivity.ofMBqSeconds(2).decays(), 1e-9);
        assertThrows(BadInputException.class, () -> TimeIntegratedActivity.ofMBqHours(-1));
        assertThrows(BadInputException.class, () -> TimeIntegratedActivity.ofMBqSeconds(Double.NaN));
    }

    @Test
    void doseMapOfHandMadeDeposits() {
        // 10 mm voxels (1 cm3). Voxel 0: density 1 (1 g), 1 MeV per decay in every batch.
        // Voxel 1: density 2 (2 g), 1 MeV. Voxel 2: density 0 with nothing deposited. Voxel 3: density 1,
        // alternately 1 and 3 MeV in batches of one decay: mean 2, sum (x_b - 2)^2 = 10,
        // Var(mean) = 10 / (10 * 9) = 1/9, relative SE = (1/3) / 2 = 1/6.
        VoxelGrid g = VoxelGrid.centredCube(4, 1, 1, 10);
        FloatVolume rho = new FloatVolume(g, new float[] {1f, 2f, 0f, 1f});
        VoxelBatchTally t = new VoxelBatchTally(g);
        for (int b = 0; b < 10; b++) {
            t.tally().deposit(0, 1f);
            t.tally().deposit(1, 1f);
            t.tally().deposit(3, b % 2 == 0 ? 1f : 3f);
            t.endBatch(1);
        }
        DoseMap perDecay = DoseMap.perDecay(t, rho);
        assertEquals(1.0, perDecay.decays());
        float[] d = perDecay.gray().data();
        float[] u = perDecay.relativeUncertainty().data();
        assertEquals((float) 1.602176634e-10, d[0]);
        assertEquals((float) (1.602176634e-10 / 2), d[1]);
        assertEquals(0f, d[2]);
        assertEquals((float) (2 * 1.602176634e-10), d[3]);
        assertEquals(0f, u[0]);
        assertEquals(1f, u[2], "nothing deposited: relative error 1 by convention, not NaN");
        assertEquals(1.0 / 6, u[3], 1e-7);

        DoseMap gy = DoseMap.of(t, rho, TimeIntegratedActivity.ofMBqHours(100));
        assertEquals(3.6e11, gy.decays(), 1e-3);
        assertEquals(1.602176634e-10 * 3.6e11, gy.gray().data()[0], 1e-7 * 57.68);
        assertEquals(u[3], gy.relativeUncertainty().data()[3]);
        for (float x : gy.gray().data()) {
            assertTrue(Float.isFinite(x));
        }
    }

    @Test
    void unphysicalDensityIsNamedByVoxel() {
        VoxelGrid g = VoxelGrid.centredCube(2, 2, 2, 10);
        VoxelBatchTally t = new VoxelBatchTally(g);
        t.endBatch(1);
        t.endBatch(1);
        FloatVolume rho = new FloatVolume(g);
        rho.set(1, 0, 1, -0.5f);
        BadInputException e = assertThrows(BadInputException.class, () -> DoseMap.perDecay(t, rho));
        assertTrue(e.getMessage().contains("(1,0,1)") && e.getMessage().contains("-0.5"), e.getMessage());
        rho.set(1, 0, 1, Float.NaN);
        assertThrows(BadInputException.class, () -> DoseMap.perDecay(t, rho));
        FloatVolume other = new FloatVolume(VoxelGrid.centredCube(2, 2, 3, 10));
        assertThrows(BadInputException.class, () -> DoseMap.perDecay(t, other));
    }
}
