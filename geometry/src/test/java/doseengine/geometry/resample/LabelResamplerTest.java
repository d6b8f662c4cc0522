package doseengine.geometry.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LabelResamplerTest {

    private static ShortVolume randomLabels(VoxelGrid g, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        short[] s = new short[g.voxelCount()];
        for (int v = 0; v < s.length; v++) {
            s[v] = (short) rng.nextInt(0, 300);
        }
        return new ShortVolume(g, s);
    }

    @Test
    void identityGridReturnsTheSameLabels() {
        VoxelGrid g = new VoxelGrid(13, 11, 7, 1.3, 0.9, 2.5, new double[] {-7.1, 3.3, 100},
                Grids.rotation(2, -1, 0.5, 37));
        ShortVolume labels = randomLabels(g, 1);
        assertArrayEquals(labels.data(), LabelResampler.resample(labels, g).data());
    }

    @Test
    void twiceFinerTargetReproducesBlocks() {
        // Target voxels of 2 mm inside source voxels of 4 mm, their centres at +-1 mm from the source centres: each
        // target voxel takes its parent's label, whatever the common rotation.
        double[] d = Grids.rotation(0.3, 1, -0.2, 23);
        VoxelGrid source = new VoxelGrid(6, 5, 4, 4, 4, 4, new double[] {10, 20, 30}, d);
        double[] o = source.indexToWorld(-0.25, -0.25, -0.25);
        VoxelGrid target = new VoxelGrid(12, 10, 8, 2, 2, 2, o, d);
        ShortVolume labels = randomLabels(source, 2);
        ShortVolume t = LabelResampler.resample(labels, target);
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 10; j++) {
                for (int i = 0; i < 12; i++) {
                    assertEquals(labels.get(i / 2, j / 2, k / 2), t.get(i, j, k), i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void ninetyDegreeRotatedTargetMapsByHand() {
        // Source 3x2x1 of 1 mm at the origin, label = 1 + i + 3j. Target i axis = world +y, j axis = world -x,
        // origin (2, 0, 0): target (p, q) is at world (2 - q, p), i.e. source (2 - q, p). A fourth target row
        // (q = 3, world x = -1) lies outside the source: label 0.
        VoxelGrid source = new VoxelGrid(3, 2, 1, 1, 1, 1, new double[3]);
        ShortVolume labels = new ShortVolume(source, new short[] {1, 2, 3, 4, 5, 6});
        VoxelGrid target = new VoxelGrid(2, 4, 1, 1, 1, 1, new double[] {2, 0, 0},
                new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1});
        assertArrayEquals(new short[] {3, 6, 2, 5, 1, 4, 0, 0}, LabelResampler.resample(labels, target).data());
    }

    @Test
    void obliqueTargetTakesTheSourceVoxelContainingEachCentre() {
        // Independent check through VoxelGrid's own world mapping: target centre -> world -> source index, rounded.
        VoxelGrid source = new VoxelGrid(20, 18, 16, 2.5, 2.5, 3, new double[] {-20, -20, -20});
        VoxelGrid target = Grids.covering(source, new double[] {1.7, 1.9, 2.1}, Grids.rotation(1, 1, 0, 33), 4);
        ShortVolume labels = randomLabels(source, 3);
        ShortVolume t = LabelResampler.resample(labels, target);
        int outside = 0;
        for (int r = 0; r < target.nz(); r++) {
            for (int q = 0; q < target.ny(); q++) {
                for (int p = 0; p < target.nx(); p++) {
                    double[] w = target.indexToWorld(p, q, r);
                    double[] s = source.worldToIndex(w[0], w[1], w[2]);
                    int i = (int) Math.floor(s[0] + 0.5), j = (int) Math.floor(s[1] + 0.5),
                            k = (int) Math.floor(s[2] + 0.5);
                    int expected = source.contains(i, j, k) ? labels.get(i, j, k) : 0;
                    outside += source.contains(i, j, k) ? 0 : 1;
                    assertEquals(expected, t.get(p, q, r), p + "," + q + "," + r);
                }
            }
        }
        assertTrue(outside > 0, "the covering target must reach outside the source");
    }

    @Test
    void labelMapKeepsItsNames() {
        VoxelGrid source = new VoxelGrid(4, 4, 4, 2, 2, 2, new double[3]);
        short[] s = new short[64];
        s[source.flatIndex(1, 1, 1)] = 7;
        LabelMap map = new LabelMap(new ShortVolume(source, s), Map.of(7, "liver"));
        VoxelGrid target = new VoxelGrid(8, 8, 8, 1, 1, 1, new double[] {-0.5, -0.5, -0.5});
        LabelMap out = LabelResampler.resample(map, target);
        assertEquals(Map.of(7, "liver"), out.names());
        assertEquals(8, out.voxelCounts().get(7));
    }
}
