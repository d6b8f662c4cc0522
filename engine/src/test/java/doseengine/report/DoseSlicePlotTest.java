package doseengine.report;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.tally.LabelDoseDistribution;
import doseengine.tally.RegionDose;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoseSlicePlotTest {
    private static final VoxelGrid G = VoxelGrid.centredCube(8, 8, 10, 4);

    private static FloatVolume filled(float value) {
        float[] a = new float[G.voxelCount()];
        java.util.Arrays.fill(a, value);
        return new FloatVolume(G, a);
    }

    private static RegionDose region(String name, int value, double meanGy, double d2Gy) {
        LabelDoseDistribution dist = new LabelDoseDistribution(value, name, 10, 0, d2Gy, new double[] {2, 50, 98},
                new double[] {d2Gy, meanGy, 0}, new double[0], new double[0],
                new doseengine.tally.DoseVolumeHistogram(new double[] {0}, new double[] {1}));
        return new RegionDose(name, value, 10, 1, meanGy * 1e-15, meanGy, 0.01, 0.2, dist);
    }

    @Test
    void withLabelsTheSliceGoesThroughTheCentreOfTheHottestLabelAndTheWashTopsAtItsD2() {
        short[] lab = new short[G.voxelCount()];
        for (int k = 6; k <= 8; k++) {
            lab[G.flatIndex(3, 3, k)] = 2; // "tumour": slices 6..8, centre 7
        }
        lab[G.flatIndex(1, 1, 1)] = 1;
        LabelMap labels = new LabelMap(new ShortVolume(G, lab), Map.of(1, "liver", 2, "tumour"));
        List<RegionDose> regions = List.of(region("liver", 1, 5, 9), region("tumour", 2, 50, 80));
        DoseSlicePlot.Slice s = DoseSlicePlot.choose(filled(1), filled(1), labels, regions);
        assertEquals(7, s.k());
        assertTrue(s.reason().contains("tumour"), s.reason());
        DoseSlicePlot.WashTop top = DoseSlicePlot.washTop(filled(1), filled(1), regions);
        assertEquals(80, top.gray());
    }

    @Test
    void withoutLabelsAnAirVoxelFullOfDoseDoesNotWinOverATissueRegion() {
        // Tissue (1 g/cm3) at 1 Gy with a 3x3x3 block at 10 Gy around (4,4,2); one air voxel (0.001 g/cm3) at 1000
        // Gy in slice 8. The slice must go through the block, and the wash top must be the block's dose, 10 Gy.
        FloatVolume dose = filled(1);
        FloatVolume rho = filled(1);
        for (int k = 1; k <= 3; k++) {
            for (int j = 3; j <= 5; j++) {
                for (int i = 3; i <= 5; i++) {
                    dose.set(i, j, k, 10);
                }
            }
        }
        dose.set(0, 0, 8, 1000);
        rho.set(0, 0, 8, 0.001f);
        DoseSlicePlot.Slice s = DoseSlicePlot.choose(dose, rho, null, List.of());
        assertEquals(2, s.k());
        assertEquals(10, DoseSlicePlot.washTop(dose, rho, List.of()).gray(), 1e-5);
    }

    @Test
    void niceNumbers() {
        assertEquals(50, NiceNumbers.step(47.5));
        assertEquals(1, NiceNumbers.step(1));
        assertEquals(0.2, NiceNumbers.step(0.15), 1e-15);
        assertEquals(350, NiceNumbers.axisMax(335.3));
        assertEquals("4000", NiceNumbers.significant(4000.4));
        assertEquals("23.5", NiceNumbers.significant(23.456));
        assertEquals("1.23e-05", NiceNumbers.significant(1.234e-5));
    }
}
