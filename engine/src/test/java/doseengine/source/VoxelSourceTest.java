package doseengine.source;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.UniformSource;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.source.SourceSampler;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class VoxelSourceTest {
    private final VoxelGrid grid = new VoxelGrid(12, 10, 8, 2.0, 2.5, 4.0, new double[] {-10, 20, 5});

    private static UniformSource uniforms(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return () -> (r.nextInt() >>> 8) * 0x1p-24f;
    }

    /** A sparse map: 60 active voxels with weights spanning 100x, and a few exactly-average ones. */
    private FloatVolume sparseActivity(long seed) {
        FloatVolume a = new FloatVolume(grid);
        SplittableRandom r = new SplittableRandom(seed);
        for (int n = 0; n < 60; n++) {
            a.data()[r.nextInt(grid.voxelCount())] = (float) Math.pow(10, 2 * r.nextDouble());
        }
        return a;
    }

    @Test
    void tableIsCompactAndItsProbabilitiesAreTheWeights() {
        // The exact probability the table assigns to every voxel equals weight / total to float precision
        // (prob is stored in float: relative rounding 2^-24 per column, so 1e-6 relative is a safe bound).
        FloatVolume a = sparseActivity(91);
        VoxelSource s = VoxelSource.fromActivity(a);
        int active = 0;
        double total = 0;
        for (float x : a.data()) {
            if (x > 0) {
                active++;
                total += x;
            }
        }
        assertEquals(active, s.activeVoxels());
        assertEquals(total, s.totalWeight(), 1e-9 * total);
        for (int v = 0; v < grid.voxelCount(); v++) {
            double want = a.data()[v] / total;
            assertEquals(want, s.probabilityOfVoxel(v), 1e-6 * Math.max(want, 1e-3), "voxel " + v);
        }
    }

    @Test
    void sampledVoxelFrequenciesPassChiSquare() {
        // Pearson chi-square of 300000 samples against the weights; at a fixed seed the p-value must exceed
        // 0.001 (a correct sampler fails this 1 time in 1000 seeds; smallest expected count here is ~1500).
        FloatVolume a = sparseActivity(92);
        VoxelSource s = VoxelSource.fromActivity(a);
        SourceSampler sampler = s.sampler();
        int[] voxels = s.voxelIndex();
        int[] columnOf = new int[grid.voxelCount()];
        for (int c = 0; c < voxels.length; c++) {
            columnOf[voxels[c]] = c;
        }
        long[] observed = new long[voxels.length];
        UniformSource u = uniforms(93);
        int n = 300_000;
        for (int t = 0; t < n; t++) {
            int v = sampler.sampleVoxel(u);
            assertTrue(a.data()[v] > 0, "only active voxels are drawn");
            observed[columnOf[v]]++;
        }
        double[] expected = new double[voxels.length];
        for (int c = 0; c < voxels.length; c++) {
            expected[c] = n * a.data()[voxels[c]] / s.totalWeight();
        }
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > 0.001, "chi-square p = " + p);
    }

    @Test
    void sampledPositionsLieInTheSampledVoxel() {
        VoxelSource s = VoxelSource.fromActivity(sparseActivity(94));
        SourceSampler sampler = s.sampler();
        UniformSource u = uniforms(95);
        float[] p = new float[3];
        double[] cm = new double[3];
        for (int t = 0; t < 20_000; t++) {
            int v = sampler.sample(u, p);
            int i = v % grid.nx(), j = (v / grid.nx()) % grid.ny(), k = v / (grid.nx() * grid.ny());
            assertTrue(p[0] >= i * 0.2f && p[0] <= (i + 1) * 0.2f);
            assertTrue(p[1] >= j * 0.25f && p[1] <= (j + 1) * 0.25f);
            assertTrue(p[2] >= k * 0.4f && p[2] <= (k + 1) * 0.4f);
            cm[0] = p[0];
            cm[1] = p[1];
            cm[2] = p[2];
            double[] w = TransportFrame.toWorldMm(grid, cm);
            double[] idx = grid.worldToIndex(w[0], w[1], w[2]);
            assertEquals(i, idx[0], 0.5 + 1e-5, "world position maps back into voxel i");
            assertEquals(j, idx[1], 0.5 + 1e-5, "world position maps back into voxel j");
            assertEquals(k, idx[2], 0.5 + 1e-5, "world position maps back into voxel k");
        }
    }

    @Test
    void uniformInLabelDrawsEveryLabelVoxelEqually() {
        ShortVolume lab = new ShortVolume(grid);
        int count = 0;
        for (int v = 0; v < grid.voxelCount(); v += 7) {
            lab.data()[v] = 3;
            count++;
        }
        VoxelSource s = VoxelSource.uniformInLabel(new LabelMap(lab, Map.of(3, "sphere")), "sphere");
        assertEquals(count, s.activeVoxels());
        for (int c = 0; c < s.activeVoxels(); c++) {
            assertEquals(1f, s.prob()[c], "equal weights need no alias");
            assertEquals(1.0 / count, s.probabilityOfVoxel(s.voxelIndex()[c]), 1e-12);
        }
        assertThrows(BadInputException.class,
                () -> VoxelSource.uniformInLabel(new LabelMap(lab, Map.of(3, "sphere", 4, "none")), "none"));
    }

    @Test
    void badActivityIsNamedByVoxel() {
        FloatVolume a = new FloatVolume(grid);
        BadInputException empty = assertThrows(BadInputException.class, () -> VoxelSource.fromActivity(a));
        assertTrue(empty.getMessage().contains("activity image is empty"), empty.getMessage());
        a.set(5, 2, 1, 3f);
        a.set(7, 3, 4, -2.5f);
        a.set(8, 3, 4, Float.NaN);
        BadInputException neg = assertThrows(BadInputException.class, () -> VoxelSource.fromActivity(a));
        assertTrue(neg.getMessage().contains("(7,3,4)") && neg.getMessage().contains("-2.5"), neg.getMessage());
        a.set(7, 3, 4, 0f);
        BadInputException nan = assertThrows(BadInputException.class, () -> VoxelSource.fromActivity(a));
        assertTrue(nan.getMessage().contains("(8,3,4)") && nan.getMessage().contains("NaN"), nan.getMessage());
        a.set(8, 3, 4, Float.POSITIVE_INFINITY);
        assertThrows(BadInputException.class, () -> VoxelSource.fromActivity(a));
        a.set(8, 3, 4, 0f);
        assertEquals(1, VoxelSource.fromActivity(a).activeVoxels());
    }

    @Test
    void transportFrameIsGridCentimetresFromTheCorner() {
        // Rotated grid: the corner of voxel (0,0,0) is the origin minus half a voxel along each index axis.
        double[] dir = {0, -1, 0, 1, 0, 0, 0, 0, 1};
        VoxelGrid g = new VoxelGrid(4, 5, 6, 2.0, 3.0, 5.0, new double[] {10, 20, 30}, dir);
        double[] centre = g.indexToWorld(1, 2, 3);
        double[] cm = TransportFrame.fromWorldMm(g, centre);
        assertArrayEquals(new double[] {0.3, 0.75, 1.75}, cm, 1e-12);
        assertArrayEquals(centre, TransportFrame.toWorldMm(g, cm), 1e-9);
        assertEquals(g.flatIndex(1, 2, 3), TransportFrame.voxelOf(g, cm));
        PointSource ps = PointSources.atWorldMm(g, centre);
        float[] p = new float[3];
        assertEquals(g.flatIndex(1, 2, 3), ps.sample(null, p));
        assertArrayEquals(new float[] {0.3f, 0.75f, 1.75f}, p, 1e-6f);
        assertThrows(BadInputException.class, () -> PointSources.atWorldMm(g, new double[] {1000, 0, 0}));
    }
}
