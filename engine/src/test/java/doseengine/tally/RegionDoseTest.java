package doseengine.tally;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-made 10 x 10 x 2 map of 1 cm3 voxels, 10 identical batches of one decay:
 * liver (k = 0, 100 voxels, 1 g each) with 1, 2, ..., 100 MeV per decay in flat order; tumour (flat 100..106)
 * with 5, 5, 5, 1, 1, 9, 0 MeV; spleen (flat 110..114) with 2 MeV each in densities 1, 1, 1, 1, 3; a named
 * label "empty" without voxels; unlabelled voxels with 1000 MeV that no region may see.
 */
class RegionDoseTest {
    private static final double K = 1.602176634e-10; // Gy per (MeV/g)
    private final VoxelGrid grid = VoxelGrid.centredCube(10, 10, 2, 10);
    private final FloatVolume density = new FloatVolume(grid);
    private final VoxelBatchTally tally;
    private final DoseMap map;

    RegionDoseTest() {
        ShortVolume lab = new ShortVolume(grid);
        java.util.Arrays.fill(density.data(), 1f);
        float[] energy = new float[grid.voxelCount()];
        for (int v = 0; v < 100; v++) {
            lab.data()[v] = 1;
            energy[v] = v + 1;
        }
        float[] tumour = {5, 5, 5, 1, 1, 9, 0};
        for (int i = 0; i < tumour.length; i++) {
            lab.data()[100 + i] = 2;
            energy[100 + i] = tumour[i];
        }
        for (int i = 0; i < 5; i++) {
            lab.data()[110 + i] = 3;
            energy[110 + i] = 2;
        }
        density.data()[114] = 3f;
        for (int v = 120; v < 200; v++) {
            energy[v] = 1000;
        }
        LabelMap labels = new LabelMap(lab, Map.of(1, "liver", 2, "tumour", 3, "spleen", 4, "empty"));
        tally = new VoxelBatchTally(grid, labels);
        for (int b = 0; b < 10; b++) {
            for (int v = 0; v < energy.length; v++) {
                tally.tally().deposit(v, energy[v]);
            }
            tally.endBatch(1);
        }
        map = DoseMap.perDecay(tally, density);
    }

    private float dose(int flat) {
        return map.gray().data()[flat];
    }

    @Test
    void meansMassesAndDoseVolumeFiguresAreAsDefined() {
        double d5 = dose(100);
        List<RegionDose> r = RegionDoseCalculator.compute(tally, map, density, new double[] {0, d5, 50 * K}, 100);
        assertEquals(List.of("liver", "tumour", "spleen", "empty"), r.stream().map(RegionDose::name).toList());

        RegionDose liver = r.get(0);
        assertEquals(100, liver.voxels());
        assertEquals(100.0, liver.massG(), 1e-9);
        assertEquals(50.5 * K, liver.meanGyPerDecay(), 1e-12 * K);
        assertEquals(0.0, liver.relativeUncertainty(), "identical batches");
        assertEquals(dose(0), liver.minGy());
        assertEquals(dose(99), liver.maxGy());
        // D(x) = d(ceil(x n / 100)) in decreasing order: D2 = d(2) = 99 MeV, D50 = d(50) = 51, D98 = d(98) = 3.
        assertEquals(dose(98), liver.d2Gy());
        assertEquals(dose(50), liver.d50Gy());
        assertEquals(dose(2), liver.d98Gy());
        // V(50 K): voxels of 50..100 MeV receive >= 50 K (the float doses round, so count them from the map).
        assertEquals(bruteForceFraction(0, 100, 50 * K), liver.distribution().volumeFractionAtLeast(50 * K));
        assertEquals(51 / 100.0, liver.distribution().volumeFractionAtLeast(50 * K), 0.011);

        RegionDose tumour = r.get(1);
        assertEquals(7, tumour.voxels());
        assertEquals(26.0 / 7 * K, tumour.meanGyPerDecay(), 1e-12 * K);
        // Decreasing: 9, 5, 5, 5, 1, 1, 0. D2: k = ceil(0.14) = 1 -> 9; D50: k = ceil(3.5) = 4 -> 5;
        // D98: k = ceil(6.86) = 7 -> 0.
        assertEquals(dose(105), tumour.d2Gy());
        assertEquals(dose(100), tumour.d50Gy());
        assertEquals(0.0, tumour.d98Gy());
        assertEquals(0.0, tumour.minGy());
        assertEquals(4 / 7.0, tumour.distribution().volumeFractionAtLeast(d5));
        assertEquals(1.0, tumour.distribution().volumeFractionAtLeast(0));

        RegionDose spleen = r.get(2);
        // Mass-weighted mean: 10 MeV in 4 + 3 = 7 g, not the voxel average (2 K * 4 + 2/3 K) / 5.
        assertEquals(7.0, spleen.massG(), 1e-9);
        assertEquals(10.0 / 7 * K, spleen.meanGyPerDecay(), 1e-12 * K);
        assertEquals(dose(110), spleen.d50Gy());
        assertEquals(dose(114), spleen.minGy());
        assertEquals(0.0, spleen.distribution().volumeFractionAtLeast(d5));
        assertEquals(1.0, spleen.distribution().volumeFractionAtLeast(0));

        RegionDose empty = r.get(3);
        assertEquals(0, empty.voxels());
        assertEquals(0.0, empty.massG());
        assertEquals(0.0, empty.meanGy());
        assertEquals(1.0, empty.relativeUncertainty());
        assertEquals(0.0, empty.d50Gy());
    }

    @Test
    void dvhIsMonotonicExactAndConsistentWithVolumeAtDose() {
        // First pass only for the common axis; then V(d) at exactly the axis doses must equal the DVH there.
        List<RegionDose> r = RegionDoseCalculator.compute(tally, map, density, new double[0], 40);
        double[] axis = r.get(0).distribution().dvh().doseGy();
        assertEquals(41, axis.length);
        assertEquals(dose(99), axis[40], "the axis ends at the highest dose in any named label");
        List<RegionDose> withV = RegionDoseCalculator.compute(tally, map, density, axis, 40);
        int[][] ranges = {{0, 100}, {100, 107}, {110, 115}};
        for (int c = 0; c < 3; c++) {
            DoseVolumeHistogram dvh = withV.get(c).distribution().dvh();
            double[] f = dvh.fractionAtLeast();
            assertEquals(1.0, f[0]);
            for (int i = 0; i < f.length; i++) {
                if (i > 0) {
                    assertTrue(f[i] <= f[i - 1], "non-increasing");
                }
                assertEquals(bruteForceFraction(ranges[c][0], ranges[c][1], axis[i]), f[i], "point " + i);
                assertEquals(f[i], withV.get(c).distribution().volumeFractionAtLeast()[i], "V at DVH point " + i);
            }
        }
    }

    private double bruteForceFraction(int from, int to, double d) {
        int n = 0;
        for (int v = from; v < to; v++) {
            if (dose(v) >= d) {
                n++;
            }
        }
        return (double) n / (to - from);
    }
}
