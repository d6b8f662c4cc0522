package doseengine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.dosimetry.radiobiology.DoseRateCurve;
import doseengine.dosimetry.radiobiology.TissueParameters;
import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.dosimetry.treatment.StructureCycle;
import doseengine.dosimetry.treatment.StructureKind;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kidneys' voxel BED map against the closed form of instant uptake and mono-exponential clearance,
 * {@code BED = D (1 + D lambda / ((mu + lambda)(alpha/beta)))}, voxel by voxel (1e-6 relative: the map is float).
 */
class KidneyBedMapTest {
    static final VoxelGrid G = VoxelGrid.centredCube(6, 5, 4, 4);
    static final TissueParameters KIDNEY = TissueTable.defaults().get("kidney").orElseThrow();
    static final double LAMBDA = Math.log(2) / 40; // effective half-life 40 h

    /** Labels: 1 = kidney_left (x < 3), 2 = liver (x >= 3, y < 2), 0 elsewhere; doses 0..20 Gy at random. */
    @Test
    void everyKidneyVoxelHasTheClosedFormAndEveryOtherVoxelZero() {
        short[] lab = new short[G.voxelCount()];
        float[] dose = new float[G.voxelCount()];
        float[] rho = new float[G.voxelCount()];
        Random rng = new Random(3);
        for (int k = 0; k < G.nz(); k++) {
            for (int j = 0; j < G.ny(); j++) {
                for (int i = 0; i < G.nx(); i++) {
                    int v = G.flatIndex(i, j, k);
                    lab[v] = (short) (i < 3 ? 1 : j < 2 ? 2 : 0);
                    dose[v] = (float) (20 * rng.nextDouble());
                    rho[v] = (float) (0.9 + 0.2 * rng.nextDouble());
                }
            }
        }
        LabelMap labels = new LabelMap(new ShortVolume(G, lab), Map.of(1, "kidney_left", 2, "liver"));
        double meanGy = 10; // the structure's mean dose: the shape factor does not depend on it
        StructureCycle kidney = StructureCycle.of("kidney_left", StructureKind.KIDNEY, "mono-exponential",
                DoseRateCurve.monoExponential(meanGy, LAMBDA), 0.01, 0.05, 7400, TissueTable.defaults());
        StructureCycle liver = StructureCycle.of("liver", StructureKind.OTHER, "mono-exponential",
                DoseRateCurve.monoExponential(meanGy, LAMBDA), 0.01, 0.05, 7400, TissueTable.defaults());
        KidneyBedMap map = KidneyBedMap.of(new FloatVolume(G, dose), new FloatVolume(G, rho), labels,
                List.of(kidney, liver));
        double mu = KIDNEY.repairRatePerHour();
        double ab = KIDNEY.alphaBetaGy();
        float[] bed = map.bedGy().data();
        double sum = 0;
        double mass = 0;
        double max = 0;
        int kidneyVoxels = 0;
        for (int v = 0; v < bed.length; v++) {
            if (lab[v] == 1) {
                double d = dose[v];
                double expected = d * (1 + d * LAMBDA / ((mu + LAMBDA) * ab));
                assertEquals(expected, bed[v], 1e-6 * expected, "voxel " + v);
                sum += expected * rho[v];
                mass += rho[v];
                max = Math.max(max, expected);
                kidneyVoxels++;
            } else {
                assertEquals(0, bed[v], "voxel " + v + " is not kidney");
            }
        }
        assertEquals(1, map.kidneys().size());
        KidneyBedMap.Kidney k = map.kidneys().get(0);
        assertEquals("kidney_left", k.name());
        assertEquals(kidneyVoxels, k.voxels());
        assertEquals(sum / mass, k.meanGy(), 1e-9 * k.meanGy());
        assertEquals(max, k.maxGy(), 1e-6 * max);
        assertEquals(kidney.bedGy(), k.structureBedGy());
    }

    /**
     * The map's mean is not the BED of the mean dose: with the voxel doses spread around the mean the mass-weighted
     * mean of the map exceeds it by g Var(D)/(alpha/beta), here computed independently (1e-9 relative).
     */
    @Test
    void theMeanOfTheMapExceedsTheBedOfTheMeanDoseByTheVarianceTerm() {
        short[] lab = new short[G.voxelCount()];
        float[] dose = new float[G.voxelCount()];
        float[] rho = new float[G.voxelCount()];
        java.util.Arrays.fill(lab, (short) 1);
        java.util.Arrays.fill(rho, 1);
        for (int v = 0; v < dose.length; v++) {
            dose[v] = v % 2 == 0 ? 5 : 15; // mean 10, variance 25
        }
        LabelMap labels = new LabelMap(new ShortVolume(G, lab), Map.of(1, "kidney_right"));
        StructureCycle kidney = StructureCycle.of("kidney_right", StructureKind.KIDNEY, "mono-exponential",
                DoseRateCurve.monoExponential(10, LAMBDA), 0, 0, 7400, TissueTable.defaults());
        KidneyBedMap.Kidney k = KidneyBedMap.of(new FloatVolume(G, dose), new FloatVolume(G, rho), labels,
                List.of(kidney)).kidneys().get(0);
        double g = kidney.shapeFactor();
        double ab = KIDNEY.alphaBetaGy();
        assertEquals(kidney.bedGy() + g * 25 / ab, k.meanGy(), 1e-9 * k.meanGy());
        assertTrue(k.meanGy() > kidney.bedGy());
    }

    @Test
    void summedOverCyclesVoxelByVoxel() {
        short[] lab = new short[G.voxelCount()];
        float[] dose = new float[G.voxelCount()];
        float[] rho = new float[G.voxelCount()];
        java.util.Arrays.fill(rho, 1);
        for (int v = 0; v < dose.length; v++) {
            lab[v] = (short) (v % 3 == 0 ? 1 : 0);
            dose[v] = v % 7;
        }
        LabelMap labels = new LabelMap(new ShortVolume(G, lab), Map.of(1, "kidney_left"));
        StructureCycle c1 = StructureCycle.of("kidney_left", StructureKind.KIDNEY, "mono-exponential",
                DoseRateCurve.monoExponential(3, LAMBDA), 0, 0, 7400, TissueTable.defaults());
        StructureCycle c2 = StructureCycle.of("kidney_left", StructureKind.KIDNEY, "mono-exponential",
                DoseRateCurve.monoExponential(3, 2 * LAMBDA), 0, 0, 7400, TissueTable.defaults());
        KidneyBedMap m1 = KidneyBedMap.of(new FloatVolume(G, dose), new FloatVolume(G, rho), labels, List.of(c1));
        KidneyBedMap m2 = KidneyBedMap.of(new FloatVolume(G, dose), new FloatVolume(G, rho), labels, List.of(c2));
        KidneyBedMap sum = KidneyBedMap.sum(List.of(m1, m2), labels, new FloatVolume(G, rho)).orElseThrow();
        for (int v = 0; v < dose.length; v++) {
            assertEquals(m1.bedGy().data()[v] + m2.bedGy().data()[v], sum.bedGy().data()[v], 1e-5);
        }
        assertEquals(m1.kidneys().get(0).maxGy() + m2.kidneys().get(0).maxGy(), sum.kidneys().get(0).maxGy(), 1e-4);
    }
}
