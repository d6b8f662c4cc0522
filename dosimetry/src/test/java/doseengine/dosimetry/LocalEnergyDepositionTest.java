package doseengine.dosimetry;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.GridMismatchException;
import doseengine.geometry.VoxelGrid;
import org.junit.jupiter.api.Test;

class LocalEnergyDepositionTest {
    private final VoxelGrid grid = VoxelGrid.centredCube(3, 1, 1, 10); // 1 cm3 voxels

    /**
     * Reference worked by hand: 1 MBq h = 3.6e9 decays; 177Lu electrons 0.1479 MeV per decay; in 1 g of tissue,
     * 3.6e9 x 0.1479 MeV x 1.602176634e-13 J/MeV / 1e-3 kg = 0.0853 Gy.
     */
    @Test
    void doseIsTheElectronEnergyOverTheVoxelMass() {
        FloatVolume tia = new FloatVolume(grid, new float[] {1f, 2f, 0f});
        FloatVolume rho = new FloatVolume(grid, new float[] {1f, 0.5f, 1f});
        LocalEnergyDeposition.Result r = LocalEnergyDeposition.dose(tia, rho, 0.1479);
        double perMBqH = 3.6e9 * 0.1479 * 1.602176634e-13 / 1e-3;
        assertEquals(0.0853, perMBqH, 5e-5);
        assertEquals(perMBqH, r.doseGy().data()[0], 1e-7 * perMBqH);
        assertEquals(4 * perMBqH, r.doseGy().data()[1], 1e-7 * perMBqH, "twice the activity in half the mass");
        assertEquals(0f, r.doseGy().data()[2]);
        assertEquals(3 * 3.6e9 * 0.1479, r.depositedMeV(), 1e-9 * r.depositedMeV());
        assertEquals(1.0, r.depositedFraction(), 1e-15);
    }

    @Test
    void decaysInMasslessVoxelsDepositNothing() {
        FloatVolume tia = new FloatVolume(grid, new float[] {1f, 1f, 2f});
        FloatVolume rho = new FloatVolume(grid, new float[] {1f, 0f, 1f});
        LocalEnergyDeposition.Result r = LocalEnergyDeposition.dose(tia, rho, 0.5);
        assertEquals(0f, r.doseGy().data()[1]);
        assertEquals(0.75, r.depositedFraction(), 1e-12);
    }

    @Test
    void badInputIsRefusedNamingTheVoxel() {
        FloatVolume rho = new FloatVolume(grid, new float[] {1f, 1f, 1f});
        BadInputException e = assertThrows(BadInputException.class, () -> LocalEnergyDeposition.dose(
                new FloatVolume(grid, new float[] {1f, -1f, 0f}), rho, 0.1));
        assertTrue(e.getMessage().contains("(1,0,0)"), e.getMessage());
        assertThrows(BadInputException.class, () -> LocalEnergyDeposition.dose(
                new FloatVolume(grid, new float[] {1f, Float.NaN, 0f}), rho, 0.1));
        assertThrows(BadInputException.class, () -> LocalEnergyDeposition.dose(rho, rho, -1));
        assertThrows(GridMismatchException.class, () -> LocalEnergyDeposition.dose(rho,
                new FloatVolume(VoxelGrid.centredCube(1, 3, 1, 10), new float[] {1f, 1f, 1f}), 0.1));
    }
}
