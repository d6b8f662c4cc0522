package doseengine.dosimetry;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import org.junit.jupiter.api.Test;

class DoseConversionTest {
    /** 2 x 1 x 1 voxels of 2 x 5 x 10 mm: 0.1 cm3 each. */
    private static final VoxelGrid GRID = new VoxelGrid(2, 1, 1, 2, 5, 10, new double[3]);

    @Test
    void energyOverTheVoxelsOwnMassAndZeroWithoutMass() {
        FloatVolume rho = new FloatVolume(GRID, new float[] {1.04f, 0f});
        FloatVolume d = DoseConversion.overLocalMass(new double[] {1e9, 5e8}, rho);
        // 1e9 MeV = 1.602176634e-4 J in 0.104 g = 1.04e-4 kg.
        assertEquals(1.602176634e-4 / (1.04f * 0.1 / 1000), d.data()[0], 1e-6 * d.data()[0]);
        assertEquals(0f, d.data()[1], "a massless voxel has no dose");
        assertSame(GRID, d.grid());
        assertThrows(IllegalArgumentException.class, () -> DoseConversion.overLocalMass(new double[3], rho));
    }

    @Test
    void decaysPerVoxelFromMBqHours() {
        double[] n = TimeIntegratedActivity.decaysPerVoxel(new FloatVolume(GRID, new float[] {2f, 0.5f}));
        assertArrayEquals(new double[] {7.2e9, 1.8e9}, n, 1e-3);
    }
}
