package doseengine.geometry.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ActivityResamplerTest {
    // Conservation tolerance: every target value is stored as a float (relative rounding 6e-8) and all sums are
    // taken in double, so the totals agree to ~1e-7 at worst; 1e-6 leaves margin without hiding a lost voxel
    // (one voxel of these images is >= 1e-4 of the total).
    private static final double CONSERVATION = 1e-6;

    private static FloatVolume randomActivity(VoxelGrid g, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[g.voxelCount()];
        for (int v = 0; v < a.length; v++) {
            a[v] = rng.nextDouble() < 0.3 ? 0f : (float) rng.nextDouble(0.1, 10);
        }
        return new FloatVolume(g, a);
    }

    private static FloatVolume uniform(VoxelGrid g, float value) {
        float[] a = new float[g.voxelCount()];
        java.util.Arrays.fill(a, value);
        return new FloatVolume(g, a);
    }

    private static void assertConserved(VoxelGrid source, VoxelGrid target, String expectedMethod) {
        FloatVolume a = randomActivity(source, 42);
        ResampledActivity r = new ActivityResampler().resample(a, target);
        assertTrue(r.method().startsWith(expectedMethod), r.method());
        assertEquals(a.sum(), r.sourceTotal(), 1e-9 * r.sourceTotal());
        assertEquals(r.targetTotal(), r.activity().sum(), 1e-9 * r.sourceTotal());
        // The targets below cover the source completely: nothing may be outside.
        assertEquals(0, r.outsideTotal(), 1e-12 * r.sourceTotal(), "outside");
        assertEquals(r.sourceTotal(), r.targetTotal(), CONSERVATION * r.sourceTotal(), r.method());
    }

    @Test
    void coarserToFinerConservesTotal() {
        VoxelGrid spect = new VoxelGrid(12, 10, 8, 4.8, 4.8, 4.8, new double[] {-20, 3, 7});
        assertConserved(spect, Grids.covering(spect, new double[] {1.17, 1.17, 1.5}, Grids.IDENTITY, 2.3),
                "exact overlap");
    }

    @Test
    void finerToCoarserConservesTotal() {
        VoxelGrid ct = new VoxelGrid(40, 36, 30, 1.1, 1.3, 1.7, new double[] {5, -8, 2});
        assertConserved(ct, Grids.covering(ct, new double[] {4.8, 4.8, 3.0}, Grids.IDENTITY, 1.1), "exact overlap");
    }

    @Test
    void shiftedOriginsConserveTotal() {
        VoxelGrid a = new VoxelGrid(20, 20, 20, 2, 2, 2, new double[] {0, 0, 0});
        VoxelGrid b = new VoxelGrid(24, 24, 24, 2, 2, 2, new double[] {-3.3, -2.7, -4.1});
        assertConserved(a, b, "exact overlap");
    }

    @Test
    void axisPermutedAndFlippedDirectionsConserveTotal() {
        // 90 degrees about z, then a flip of the third axis: still the exact method.
        double[] d = {0, -1, 0, 1, 0, 0, 0, 0, -1};
        VoxelGrid source = new VoxelGrid(15, 11, 9, 3.0, 2.5, 4.0, new double[] {1, 2, 3});
        assertConserved(source, Grids.covering(source, new double[] {1.9, 2.2, 1.4}, d, 0.8), "exact overlap");
    }

    @Test
    void obliqueDirectionsConserveTotal() {
        VoxelGrid source = new VoxelGrid(14, 12, 10, 4.8, 4.8, 4.8, new double[] {0, 0, 0});
        assertConserved(source, Grids.covering(source, new double[] {2.0, 2.0, 2.5}, Grids.rotation(0, 0, 1, 30),
                3), "sub-sampled");
        VoxelGrid rotated = new VoxelGrid(9, 8, 7, 3.0, 3.5, 4.0, new double[] {10, -5, 0},
                Grids.rotation(1, 1, 1, 20));
        assertConserved(rotated, Grids.covering(rotated, new double[] {5.0, 4.0, 6.0}, Grids.IDENTITY, 2),
                "sub-sampled");
    }

    @Test
    void ninetyDegreeRotationMapsEachVoxelToTheSameWorldPosition() {
        // Source 3x2x1 of 1 mm voxels at the origin; the target's i axis is world +y and its j axis world -x, with
        // origin (2, 0, 0), so target (p, q) sits at world (2 - q, p): source voxel (2 - q, p). Written out by hand.
        VoxelGrid source = new VoxelGrid(3, 2, 1, 1, 1, 1, new double[3]);
        float[] a = {1, 2, 3, 4, 5, 6};
        VoxelGrid target = new VoxelGrid(2, 3, 1, 1, 1, 1, new double[] {2, 0, 0}, new double[] {0, -1, 0, 1, 0, 0,
            0, 0, 1});
        ResampledActivity r = new ActivityResampler().resample(new FloatVolume(source, a), target);
        assertArrayEquals(new float[] {3, 6, 2, 5, 1, 4}, r.activity().data(), 0f);
    }

    @Test
    void integerRefinementSplitsEachVoxelIntoEighths() {
        VoxelGrid source = new VoxelGrid(5, 4, 3, 2, 2, 2, new double[] {0, 0, 0});
        VoxelGrid target = new VoxelGrid(10, 8, 6, 1, 1, 1, new double[] {-0.5, -0.5, -0.5});
        FloatVolume a = randomActivity(source, 7);
        FloatVolume t = new ActivityResampler().resample(a, target).activity();
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 8; j++) {
                for (int i = 0; i < 10; i++) {
                    // Weights 1/2 per axis are exact in binary, so the result is exact.
                    assertEquals(a.get(i / 2, j / 2, k / 2) / 8, t.get(i, j, k), 0f);
                }
            }
        }
    }

    /** Target voxels whose whole box lies inside the source grid's box. */
    private static boolean inside(VoxelGrid source, VoxelGrid target, int p, int q, int r) {
        for (int corner = 0; corner < 8; corner++) {
            double[] w = target.indexToWorld(p + ((corner & 1) == 0 ? -0.5 : 0.5),
                    q + ((corner & 2) == 0 ? -0.5 : 0.5), r + ((corner & 4) == 0 ? -0.5 : 0.5));
            double[] s = source.worldToIndex(w[0], w[1], w[2]);
            if (s[0] < -0.5 || s[1] < -0.5 || s[2] < -0.5 || s[0] > source.nx() - 0.5 || s[1] > source.ny() - 0.5
                    || s[2] > source.nz() - 0.5) {
                return false;
            }
        }
        return true;
    }

    @Test
    void uniformActivityStaysExactlyUniformWithTheOverlapMethod() {
        // A uniform source of 1 per 4.8 mm voxel must give Vt/Vs in every target voxel inside it, whatever the
        // spacing ratio: the exact overlap has no sampling error, only float rounding (1e-6 relative).
        VoxelGrid source = new VoxelGrid(10, 10, 10, 4.8, 4.8, 4.8, new double[3]);
        VoxelGrid target = Grids.covering(source, new double[] {1.17, 1.17, 1.5}, Grids.IDENTITY, 3.1);
        FloatVolume t = new ActivityResampler().resample(uniform(source, 1f), target).activity();
        double expected = target.voxelVolumeMm3() / source.voxelVolumeMm3();
        int interior = 0;
        for (int r = 0; r < target.nz(); r++) {
            for (int q = 0; q < target.ny(); q++) {
                for (int p = 0; p < target.nx(); p++) {
                    if (inside(source, target, p, q, r)) {
                        interior++;
                        assertEquals(expected, t.get(p, q, r), 1e-6 * expected, p + "," + q + "," + r);
                    }
                }
            }
        }
        assertTrue(interior > 0.8 * 41 * 41 * 32, "interior voxels " + interior);
    }

    /** Largest |value / expected - 1| over target voxels inside the source, and their mean of (value / expected). */
    private static double[] interiorDeviation(VoxelGrid source, FloatVolume t, double expected) {
        VoxelGrid target = t.grid();
        double maxDev = 0, sum = 0;
        int n = 0;
        for (int r = 0; r < target.nz(); r++) {
            for (int q = 0; q < target.ny(); q++) {
                for (int p = 0; p < target.nx(); p++) {
                    if (inside(source, target, p, q, r)) {
                        double ratio = t.get(p, q, r) / expected;
                        maxDev = Math.max(maxDev, Math.abs(ratio - 1));
                        sum += ratio;
                        n++;
                    }
                }
            }
        }
        return new double[] {maxDev, sum / n, n};
    }

    @Test
    void uniformActivityStaysUniformWithinTheSubSamplingError() {
        // 30 degrees about z, 4.8 mm source voxels onto 1.5 mm target voxels: the sub-sampled method. Its error is
        // the ripple of a regular lattice of box deposits; the class documents about 1-2 % at 2 samples per target
        // voxel and a fraction of a per cent at 4 (measured here: 1.3 % and 0.3 % at worst). Tolerances: 3 % and
        // 1 % per voxel, 0.1 % for the interior mean. A mapping defect (a wrong step, a lost or doubled sub-voxel)
        // is at least one sub-voxel in 10, far outside these.
        VoxelGrid source = new VoxelGrid(10, 10, 10, 4.8, 4.8, 4.8, new double[3]);
        VoxelGrid target = Grids.covering(source, new double[] {1.5, 1.5, 1.5}, Grids.rotation(0, 0, 1, 30), 2);
        double expected = target.voxelVolumeMm3() / source.voxelVolumeMm3();
        double[] coarse = interiorDeviation(source,
                new ActivityResampler().resample(uniform(source, 1f), target).activity(), expected);
        double[] fine = interiorDeviation(source, new ActivityResampler().withSamplesPerTargetVoxel(4)
                .resample(uniform(source, 1f), target).activity(), expected);
        assertTrue(coarse[2] > 20000, "interior voxels " + coarse[2]);
        assertTrue(coarse[0] < 0.03, "max deviation at 2 samples " + coarse[0]);
        assertTrue(fine[0] < 0.01, "max deviation at 4 samples " + fine[0]);
        assertTrue(fine[0] < coarse[0], "more samples must not be worse");
        assertEquals(1, coarse[1], 1e-3);
        assertEquals(1, fine[1], 1e-3);
    }

    @Test
    void subSamplingAgreesWithExactOverlapWhenTheRotationIsTiny() {
        // A rotation of 2e-4 degrees (3.5e-6 rad) is beyond the 1e-6 permutation tolerance, so it takes the
        // sub-sampled path, while it moves no target voxel by more than theta x (target extent). With target-aligned
        // sub-voxels the box deposits tile each source voxel exactly, so the result must equal the exact method's
        // for the unrotated (and the 90-degree) target up to that displacement: a voxel's value changes by at most
        // (displacement / spacing) x 2 x (largest value) per axis. A one-sub-voxel mapping error would be >= 1/8
        // of a value.
        VoxelGrid source = new VoxelGrid(8, 7, 6, 4.8, 4.0, 3.5, new double[] {1, -2, 3});
        FloatVolume a = randomActivity(source, 3);
        double theta = Math.toRadians(2e-4);
        double[] spacing = {1.3, 1.7, 2.2};
        for (double[] d : new double[][] {Grids.IDENTITY, {0, -1, 0, 1, 0, 0, 0, 0, 1}}) {
            VoxelGrid exactGrid = Grids.covering(source, spacing, d, 1.0);
            double[] tilted = multiply(Grids.rotation(1, 2, 3, Math.toDegrees(theta)), d);
            VoxelGrid tiltedGrid = new VoxelGrid(exactGrid.nx(), exactGrid.ny(), exactGrid.nz(), spacing[0],
                    spacing[1], spacing[2], exactGrid.origin(), tilted);
            ResampledActivity exact = new ActivityResampler().resample(a, exactGrid);
            ResampledActivity sampled = new ActivityResampler().resample(a, tiltedGrid);
            assertTrue(exact.method().startsWith("exact"), exact.method());
            assertTrue(sampled.method().startsWith("sub-sampled"), sampled.method());
            float max = 0;
            for (float x : exact.activity().data()) {
                max = Math.max(max, x);
            }
            double extent = Math.sqrt(Math.pow(exactGrid.nx() * spacing[0], 2) + Math.pow(exactGrid.ny() * spacing[1],
                    2) + Math.pow(exactGrid.nz() * spacing[2], 2));
            double displacement = theta * extent;
            float tolerance = (float) (3 * 2 * displacement / 1.3 * max + 1e-6 * max);
            assertTrue(tolerance < 0.01 * max, "tolerance " + tolerance);
            assertArrayEquals(exact.activity().data(), sampled.activity().data(), tolerance);
        }
    }

    private static double[] multiply(double[] x, double[] y) {
        double[] z = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 3; k++) {
                    z[3 * r + c] += x[3 * r + k] * y[3 * k + c];
                }
            }
        }
        return z;
    }

    @Test
    void activityOutsideTheTargetIsReportedWithItsFraction() {
        // Source: 10 voxels of 2 mm along x, covering [-1, 19) mm; uniform. The target covers x in [-1, 8.5) mm
        // (5 voxels of 1.9 mm), all of y and z: 9.5 / 20 of the activity is inside, 0.525 outside, exactly.
        VoxelGrid source = new VoxelGrid(10, 10, 10, 2, 2, 2, new double[3]);
        VoxelGrid target = new VoxelGrid(5, 12, 12, 1.9, 2, 2, new double[] {-0.05, -2, -2});
        FloatVolume a = uniform(source, 2f);
        ResampledActivity r = new ActivityResampler().withMaxFractionOutside(1).resample(a, target);
        assertEquals(0.525, r.fractionOutside(), 1e-12);
        assertEquals(0.475 * 2000, r.targetTotal(), CONSERVATION * 2000);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ActivityResampler().resample(a, target, "spect.nii.gz"));
        assertTrue(e.getMessage().startsWith("spect.nii.gz: 52.5 % of the total activity"), e.getMessage());

        // 0.01 mm of the 20 mm cut off: 5e-4 outside, reported but under the default 1e-3 limit; 0.03 mm is over.
        VoxelGrid nearly = new VoxelGrid(10, 10, 10, 2, 2, 2, new double[] {0.01, 0, 0});
        assertEquals(5e-4, new ActivityResampler().resample(a, nearly).fractionOutside(), 1e-12);
        VoxelGrid over = new VoxelGrid(10, 10, 10, 2, 2, 2, new double[] {0.03, 0, 0});
        BadInputException e2 = assertThrows(BadInputException.class, () -> new ActivityResampler().resample(a, over));
        assertTrue(e2.getMessage().contains("0.15 %") && e2.getMessage().contains("0.1 % is allowed"),
                e2.getMessage());
    }

    @Test
    void subSampledOutsideFractionIsReported() {
        // Rotation about z keeps z aligned: the target covers x-y fully and z up to the middle of the source
        // (z in [-2.4, 21.6) mm of [-2.4, 45.6) mm), a source voxel boundary, so exactly half is outside.
        VoxelGrid source = new VoxelGrid(10, 10, 10, 4.8, 4.8, 4.8, new double[3]);
        VoxelGrid xy = Grids.covering(source, new double[] {1.5, 1.5, 1.2}, Grids.rotation(0, 0, 1, 30), 3);
        double[] o = xy.origin();
        VoxelGrid target = new VoxelGrid(xy.nx(), xy.ny(), 20, 1.5, 1.5, 1.2, new double[] {o[0], o[1], -1.8},
                xy.direction());
        ResampledActivity r = new ActivityResampler().withMaxFractionOutside(1).resample(uniform(source, 1f), target);
        assertTrue(r.method().startsWith("sub-sampled"), r.method());
        assertEquals(0.5, r.fractionOutside(), 1e-9);
        assertEquals(500, r.targetTotal(), CONSERVATION * 1000);
    }

    @Test
    void negativeOrNonFiniteActivityIsBadInput() {
        VoxelGrid g = new VoxelGrid(3, 3, 3, 1, 1, 1, new double[3]);
        for (float bad : new float[] {-1e-3f, Float.NaN, Float.POSITIVE_INFINITY}) {
            float[] a = new float[27];
            a[g.flatIndex(2, 1, 0)] = bad;
            BadInputException e = assertThrows(BadInputException.class,
                    () -> new ActivityResampler().resample(new FloatVolume(g, a), g, "tia.nii"));
            assertTrue(e.getMessage().startsWith("tia.nii: voxel (2, 1, 0) holds " + bad), e.getMessage());
        }
    }
}
