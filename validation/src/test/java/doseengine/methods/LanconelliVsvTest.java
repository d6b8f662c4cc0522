package doseengine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.dosimetry.convolution.VoxelSValues;
import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.benchmark.SValueUnits;
import doseengine.validation.reference.VoxelSValueReference;
import doseengine.validation.reference.VoxelSValueTable;
import doseengine.validation.reference.VsvTissue;
import org.junit.jupiter.api.Test;

/** Lanconelli's tables as the vsv kernel: energy per decay S x m, and refused where no table exists. */
class LanconelliVsvTest {
    @Test
    void theVoxelSValuesAreTheTablesSValueTimesTheVoxelMass() {
        VoxelGrid g = new VoxelGrid(40, 40, 40, 4.0, 4.0, 4.0, new double[3]);
        VoxelSValues k = GridVoxelSValues.vsvLanconelli(NuclideCatalog.get("Lu-177"), g);
        VoxelSValueTable t = VoxelSValueReference.standard().find("Lu-177", VsvTissue.SOFT, 4.0).orElseThrow();
        double massKg = 1.04 * 0.064 / 1000;
        assertEquals(5, k.hx());
        for (int[] o : new int[][] {{0, 0, 0}, {1, 0, 0}, {2, 1, 0}, {5, 5, 5}}) {
            double expected = t.s(o[0], o[1], o[2]) * massKg / SValueUnits.MGY_PER_MBQ_S_PER_MEV_PER_KG;
            assertEquals(expected, k.at(o[0], o[1], o[2]), 1e-12 * expected);
            assertEquals(k.at(o[0], o[1], o[2]), k.at(-o[0], o[1], -o[2]), 0.0);
        }
    }

    @Test
    void nonCubicOrUntabulatedVoxelsAreRefusedWithTheSizesThereAre() {
        BadInputException e = assertThrows(BadInputException.class, () -> GridVoxelSValues.vsvLanconelli(
                NuclideCatalog.get("Lu-177"), new VoxelGrid(10, 10, 10, 3, 4, 5, new double[3])));
        assertTrue(e.getMessage().contains("3, 4, 6 mm") && e.getMessage().contains("3 x 4 x 5 mm"), e.getMessage());
        assertThrows(BadInputException.class, () -> GridVoxelSValues.vsvLanconelli(NuclideCatalog.get("Y-90"),
                new VoxelGrid(10, 10, 10, 5, 5, 5, new double[3])));
    }
}
