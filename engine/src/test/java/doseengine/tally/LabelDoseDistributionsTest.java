package doseengine.tally;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelDoseDistributionsTest {
    private static final double[] PERCENT = {0, 1, 2, 2.5, 33.3, 50, 97, 98, 100};

    /** The definition by sorting: d(k) in decreasing order, k = max(1, ceil(x n / 100)). */
    private static double byDefinition(float[] doses, double x) {
        float[] s = doses.clone();
        Arrays.sort(s);
        int n = s.length;
        int k = Math.max(1, (int) Math.ceil(x * n / 100));
        return s[n - k];
    }

    @Test
    void radixSelectionEqualsSortingForManyLabels() {
        // 300 labels (two groups of 256) with random sizes; doses with many ties, zeros, a wide range of
        // exponents and neighbouring floats, where a selection on bit patterns could slip.
        VoxelGrid g = VoxelGrid.centredCube(50, 40, 20, 2);
        SplittableRandom r = new SplittableRandom(71);
        ShortVolume lab = new ShortVolume(g);
        FloatVolume dose = new FloatVolume(g);
        Map<Integer, String> names = new HashMap<>();
        for (int l = 1; l <= 300; l++) {
            names.put(l, "region" + l);
        }
        for (int v = 0; v < g.voxelCount(); v++) {
            lab.data()[v] = (short) (r.nextInt(10) == 0 ? 0 : 1 + (int) Math.sqrt(r.nextInt(300 * 300)));
            float d = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(5);                                   // ties
                case 1 -> (float) Math.pow(10, -12 + 14 * r.nextDouble()); // exponents
                case 2 -> Math.nextUp(1f) + r.nextInt(3) * Math.ulp(1f);  // neighbouring floats
                default -> 0f;
            };
            dose.data()[v] = d;
        }
        LabelMap labels = new LabelMap(lab, names);
        List<LabelDoseDistribution> out = LabelDoseDistributions.compute(dose, labels, PERCENT, new double[] {1}, 10);
        assertEquals(300, out.size());
        for (LabelDoseDistribution ld : out) {
            List<Float> mine = new ArrayList<>();
            for (int v = 0; v < g.voxelCount(); v++) {
                if (lab.data()[v] == ld.labelValue()) {
                    mine.add(dose.data()[v]);
                }
            }
            float[] doses = new float[mine.size()];
            for (int i = 0; i < doses.length; i++) {
                doses[i] = mine.get(i);
            }
            assertEquals(doses.length, ld.voxels());
            if (doses.length == 0) {
                continue;
            }
            for (int q = 0; q < PERCENT.length; q++) {
                assertEquals(byDefinition(doses, PERCENT[q]), ld.doseAtPercentGy()[q],
                        ld.name() + " D" + PERCENT[q]);
            }
            assertEquals(byDefinition(doses, 100), ld.minGy());
            assertEquals(byDefinition(doses, 0), ld.maxGy());
        }
    }

    @Test
    void badDoseOrPercentageIsBadInput() {
        VoxelGrid g = VoxelGrid.centredCube(3, 3, 3, 2);
        ShortVolume lab = new ShortVolume(g);
        lab.set(2, 1, 0, (short) 1);
        LabelMap labels = new LabelMap(lab, Map.of(1, "lesion"));
        FloatVolume dose = new FloatVolume(g);
        dose.set(2, 1, 0, -1e-3f);
        BadInputException e = assertThrows(BadInputException.class,
                () -> LabelDoseDistributions.compute(dose, labels, PERCENT, new double[0], 10));
        assertTrue(e.getMessage().contains("(2,1,0)"), e.getMessage());
        dose.set(2, 1, 0, Float.POSITIVE_INFINITY);
        assertThrows(BadInputException.class,
                () -> LabelDoseDistributions.compute(dose, labels, PERCENT, new double[0], 10));
        dose.set(2, 1, 0, 1f);
        assertThrows(BadInputException.class,
                () -> LabelDoseDistributions.compute(dose, labels, new double[] {101}, new double[0], 10));
        assertThrows(BadInputException.class,
                () -> LabelDoseDistributions.compute(dose, labels, PERCENT, new double[] {-1}, 10));
        // Negative dose outside any named label is not this computation's business.
        dose.set(0, 0, 0, -5f);
        assertEquals(1, LabelDoseDistributions.compute(dose, labels, PERCENT, new double[0], 10).get(0).voxels());
    }

    @Test
    void allZeroDoseGivesASinglePointDvh() {
        VoxelGrid g = VoxelGrid.centredCube(2, 2, 2, 2);
        ShortVolume lab = new ShortVolume(g);
        Arrays.fill(lab.data(), (short) 1);
        LabelDoseDistribution d = LabelDoseDistributions.compute(new FloatVolume(g),
                new LabelMap(lab, Map.of(1, "all")), PERCENT, new double[] {0}, 10).get(0);
        assertArrayEquals(new double[] {0}, d.dvh().doseGy());
        assertArrayEquals(new double[] {1}, d.dvh().fractionAtLeast());
        assertEquals(1.0, d.volumeFractionAtLeast(0));
        assertEquals(0.0, d.doseAtPercent(50));
    }
}
