package doseengine.dosimetry.gamma;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import org.junit.jupiter.api.Test;

class GammaIndexTest {
    private static final GammaCriteria G33 = GammaCriteria.global(0.03, 3);

    @Test
    void identicalDistributionsHaveGammaZero() {
        int n = 16;
        float[] d = gaussian(n, n, n, 8, 7.5, 8.5, 4);
        GammaMap g = GammaIndex.of(G33).compute(d, d.clone(), n, n, n, 2, 2, 2);
        for (float v : g.gamma()) {
            assertTrue(Float.isNaN(v) || v == 0, "gamma " + v);
        }
        assertTrue(g.evaluatedCount() > 100);
        assertEquals(1.0, g.passRate());
    }

    /**
     * On a flat field every point offers the same dose, so gamma is the dose difference over the criterion:
     * 2 % / 3 % = 2/3 (all pass), 5 % / 3 % = 5/3 (all fail), interior and edges alike.
     */
    @Test
    void uniformOffsetOnAFlatField() {
        int n = 10;
        float[] ref = filled(n * n * n, 1f);
        GammaMap pass = GammaIndex.of(G33).compute(ref, filled(n * n * n, 1.02f), n, n, n, 2, 2, 2);
        GammaMap fail = GammaIndex.of(G33).compute(ref, filled(n * n * n, 1.05f), n, n, n, 2, 2, 2);
        for (int v = 0; v < ref.length; v++) {
            // 1e-5: the doses are floats, 1.05f - 1f = 0.04999995.
            assertEquals(2.0 / 3, pass.gamma()[v], 1e-5);
            assertEquals(5.0 / 3, fail.gamma()[v], 1e-5);
        }
        assertEquals(1.0, pass.passRate());
        assertEquals(0.0, fail.passRate());
    }

    /**
     * A dose step (1 below x = 9.5 mm, 0.5 above, 1 mm voxels) shifted by s mm in the evaluated dose. A reference
     * voxel of the low side at x gets the high dose in the evaluated one up to x = 9 + s; its nearest agreeing point
     * is the first low voxel 10 + s, at D0 = 10 + s - x mm, while the high dose differs by 0.5 / 0.03 = 17 criteria.
     * So gamma = D0 / DTA (the interpolated ramp between the last high and first low voxel lowers it by
     * 1 - aD/sqrt(1 + (aD)^2) < 1e-3, aD = 0.5 x 3 mm / (1 mm x 0.03)), and 0 elsewhere.
     * Shifted 2 mm: at most 2/3, everything passes. Shifted 5 mm: 5/3 and 4/3 at x = 10, 11 fail; 1, 2/3, 1/3 pass.
     */
    @Test
    void shiftedStepPassesWithinTheDtaAndFailsBeyond() {
        int nx = 30, ny = 3, nz = 3;
        float[] ref = step(nx, ny, nz, 0, 10);
        GammaMap two = GammaIndex.of(G33).compute(ref, step(nx, ny, nz, 0, 12), nx, ny, nz, 1, 1, 1);
        assertEquals(1.0, two.passRate());
        assertEquals(2.0 / 3, two.gamma()[10 + nx * (1 + ny)], 2e-3);

        GammaMap five = GammaIndex.of(G33).compute(ref, step(nx, ny, nz, 0, 15), nx, ny, nz, 1, 1, 1);
        for (int x = 0; x < nx; x++) {
            double expected = x >= 10 && x < 15 ? (15 - x) / 3.0 : 0;
            for (int yz = 0; yz < ny * nz; yz++) {
                assertEquals(expected, five.gamma()[x + nx * yz], 2e-3, "x = " + x);
            }
        }
        assertEquals(1 - 2.0 / nx, five.passRate(), 1e-12, "the two planes x = 10, 11 fail");
        assertEquals(0.0, five.passRate(v -> v % nx == 10 || v % nx == 11));
        assertEquals(1.0, five.passRate(v -> v % nx != 10 && v % nx != 11));
    }

    /**
     * The step along z with 2.5 mm slices (1 mm in x and y), shifted by two slices = 5 mm: the low-side slices get
     * D0 = 5 mm and 2.5 mm, gamma 5/3 (fail) and 5/6 (pass). Spacing read as 1 mm would give 2/3 and 1/3.
     */
    @Test
    void nonCubicSpacingIsHonoured() {
        int nx = 4, ny = 4, nz = 16;
        float[] ref = step(nx, ny, nz, 2, 6);
        GammaMap g = GammaIndex.of(G33).compute(ref, step(nx, ny, nz, 2, 8), nx, ny, nz, 1, 1, 2.5);
        for (int z = 0; z < nz; z++) {
            double expected = z == 6 ? 5 / 3.0 : z == 7 ? 5 / 6.0 : 0;
            assertEquals(expected, g.gamma()[1 + nx * (2 + ny * z)], 3e-3, "z = " + z);
        }
        // The same field through FloatVolume, whose grid gives the spacing.
        VoxelGrid grid = new VoxelGrid(nx, ny, nz, 1, 1, 2.5, new double[3]);
        GammaMap viaVolume = GammaIndex.of(G33).compute(new FloatVolume(grid, ref),
                new FloatVolume(grid, step(nx, ny, nz, 2, 8)));
        assertArrayEquals(g.gamma(), viaVolume.gamma());
    }

    /**
     * Any distribution shifted by a vector s whose tip is a voxel centre: the evaluated dose at r + s equals the
     * reference at r, so gamma <= |s| / DTA everywhere that r + s lies on the grid. Shifted by (1, 1, 1) voxels of
     * 1 mm: gamma <= sqrt(3)/3 = 0.577, all axes at once.
     */
    @Test
    void shiftedGaussianPassesWithinItsShift() {
        int n = 20;
        float[] ref = gaussian(n, n, n, 9, 9, 9, 3);
        float[] shifted = gaussian(n, n, n, 10, 10, 10, 3);
        GammaMap g = GammaIndex.of(G33).compute(ref, shifted, n, n, n, 1, 1, 1);
        double bound = Math.sqrt(3) / 3 + 1e-6;
        for (int v = 0; v < ref.length; v++) {
            if (!Float.isNaN(g.gamma()[v])) {
                assertTrue(g.gamma()[v] <= bound, "gamma " + g.gamma()[v]);
            }
        }
        // Not all zero: the shift is seen.
        assertTrue(g.gamma()[9 + n * (9 + n * 9)] > 0.1);
    }

    /**
     * A field of 1 (x < 20) and 0.2 (x >= 20), with 0.01 added everywhere in the evaluated one. Global 3 %: 0.01 /
     * 0.03 = 1/3 everywhere. Local 3 %: 1/3 on the high side but 0.01 / (0.03 x 0.2) = 5/3 on the low side, away
     * from the edge by more than the search radius (2 x 3 mm), where no other dose can help.
     */
    @Test
    void localNormalisationIsStricterInLowDose() {
        int nx = 40, ny = 2, nz = 2;
        float[] ref = new float[nx * ny * nz], eval = new float[ref.length];
        for (int v = 0; v < ref.length; v++) {
            ref[v] = v % nx < 20 ? 1f : 0.2f;
            eval[v] = ref[v] + 0.01f;
        }
        GammaMap global = GammaIndex.of(G33).compute(ref, eval, nx, ny, nz, 1, 1, 1);
        GammaMap local = GammaIndex.of(GammaCriteria.local(0.03, 3)).compute(ref, eval, nx, ny, nz, 1, 1, 1);
        for (int x : new int[] {5, 30}) {
            assertEquals(1 / 3.0, global.gamma()[x], 1e-5, "global at x = " + x);
        }
        assertEquals(1 / 3.0, local.gamma()[5], 1e-5);
        assertEquals(5 / 3.0, local.gamma()[30], 1e-5);
        assertEquals(1.0, global.passRate());
        assertTrue(local.passRate() < 0.55, "the low side fails: " + local.passRate());
    }

    /** Voxels below the threshold (of the reference maximum) are NaN and left out of the pass rate. */
    @Test
    void thresholdExcludesLowDoseVoxels() {
        int nx = 10;
        float[] ref = new float[nx], eval = new float[nx];
        for (int x = 0; x < nx; x++) {
            ref[x] = (x + 1) / 10f; // 0.1 .. 1.0
            eval[x] = x < 3 ? 0 : ref[x]; // wrong only in the lowest three
        }
        GammaMap ten = GammaIndex.of(G33).compute(ref, eval, nx, 1, 1, 2, 2, 2);
        assertEquals(10, ten.evaluatedCount(), "0.1 is at the 10 % threshold: included");
        assertTrue(ten.passRate() < 1);
        GammaMap forty = GammaIndex.of(G33.withThreshold(0.4)).compute(ref, eval, nx, 1, 1, 2, 2, 2);
        assertEquals(7, forty.evaluatedCount());
        for (int x = 0; x < 3; x++) {
            assertTrue(Float.isNaN(forty.gamma()[x]));
        }
        assertEquals(1.0, forty.passRate());
        assertTrue(Double.isNaN(forty.passRate(v -> v < 3)), "a mask without evaluated voxels has no pass rate");
        boolean[] mask = new boolean[nx];
        mask[9] = true;
        assertEquals(1.0, forty.passRate(mask));
    }

    /** Beyond the cap the search stops: the value written is the cap, meaning "at least the cap". */
    @Test
    void gammaIsCappedAtTheSearchRadius() {
        int n = 6;
        GammaMap g = GammaIndex.of(G33).withCap(1.5).compute(filled(n * n * n, 1f), filled(n * n * n, 2f), n, n, n,
                2, 2, 2);
        for (float v : g.gamma()) {
            assertEquals(1.5f, v);
        }
    }

    @Test
    void badInputIsRefusedWithOneLine() {
        GammaIndex gamma = GammaIndex.of(G33);
        float[] nan = filled(8, 1f);
        nan[5] = Float.NaN;
        BadInputException e = assertThrows(BadInputException.class,
                () -> gamma.compute(filled(8, 1f), nan, 2, 2, 2, 1, 1, 1));
        assertEquals("gamma: the evaluated dose at voxel (1,0,1) is NaN; it must be finite", e.getMessage());
        e = assertThrows(BadInputException.class, () -> gamma.compute(filled(8, 0f), filled(8, 1f), 2, 2, 2, 1, 1, 1));
        assertEquals("gamma: the reference dose has no positive value", e.getMessage());
        e = assertThrows(BadInputException.class, () -> gamma.compute(filled(7, 1f), filled(8, 1f), 2, 2, 2, 1, 1, 1));
        assertEquals("gamma: the reference dose has 7 voxels; the grid 2 x 2 x 2 has 8", e.getMessage());
        assertThrows(BadInputException.class, () -> gamma.compute(filled(8, 1f), filled(8, 1f), 2, 2, 2, 1, 0, 1));
        e = assertThrows(BadInputException.class, () -> GammaIndex.of(GammaCriteria.global(0.03, 300))
                .compute(filled(8, 1f), filled(8, 1f), 2, 2, 2, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("gamma search to 600.0 mm"), e.getMessage());
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** 1 on the low side of {@code edge} along {@code axis} (0 x, 2 z), 0.5 from {@code edge} on. */
    private static float[] step(int nx, int ny, int nz, int axis, int edge) {
        float[] d = new float[nx * ny * nz];
        for (int v = 0; v < d.length; v++) {
            int c = axis == 0 ? v % nx : v / (nx * ny);
            d[v] = c < edge ? 1f : 0.5f;
        }
        return d;
    }

    private static float[] gaussian(int nx, int ny, int nz, double cx, double cy, double cz, double sigma) {
        float[] d = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz);
                    d[x + nx * (y + ny * z)] = (float) Math.exp(-r2 / (2 * sigma * sigma));
                }
            }
        }
        return d;
    }
}
