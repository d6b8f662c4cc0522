package doseengine.dosimetry.gamma;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search's shortcuts (stopping at the best gamma, the tiles' dose bound, no bounds checks inside) are exact: the
 * gamma equals the minimum over every lattice point in the sphere, computed here the plain way, point by point, with
 * its own trilinear interpolation in continuous index coordinates.
 */
class GammaSearchTest {
    private static final double SX = 2, SY = 2.5, SZ = 3;

    @Test
    void equalsTheExhaustiveMinimumOverTheLattice() {
        int nx = 32, ny = 11, nz = 9;
        Random r = new Random(11);
        float[] ref = new float[nx * ny * nz], eval = new float[ref.length];
        for (int v = 0; v < ref.length; v++) {
            int x = v % nx;
            ref[v] = (float) ((0.5 + 0.5 * Math.exp(-(x - 24) * (x - 24) / 8.0)) * (1 + 0.05 * r.nextGaussian()));
            if (x < 20) {
                eval[v] = ref[v] + 0.3f; // grossly wrong: the tiles' bound decides or shortens the searches
            } else if (x < 28) {
                eval[v] = (float) (ref[v] * (1 + 0.04 * r.nextGaussian())); // noise
            } else {
                eval[v] = ref[v] + 0.08f; // fails by about 2.5 criteria: searches reach the grid's far edge
            }
        }
        for (GammaCriteria c : new GammaCriteria[] {GammaCriteria.global(0.03, 3), GammaCriteria.local(0.02, 2)}) {
            int capped = assertExhaustive(ref, eval, nx, ny, nz, c);
            assertTrue(capped > 0 && capped < ref.length, "both kinds of voxel are checked: " + capped);
        }
    }

    /**
     * A flat reference 1 and an evaluated dose 1.07 (gamma 2.3, above the cap) except on the last column, row and
     * slice, at 0.88. A read past a grid edge finds those in the neighbouring row or slice of the flat array: at the
     * rim of the sphere (1.94 DTA), one third 0.88 and two thirds 1.07 interpolate to 1.007, and the voxel on the
     * opposite side would get a gamma of 1.96 instead of the cap.
     */
    @Test
    void neverReadsPastAnEdge() {
        int nx = 12, ny = 11, nz = 10;
        float[] ref = new float[nx * ny * nz], eval = new float[ref.length];
        Arrays.fill(ref, 1f);
        for (int v = 0; v < ref.length; v++) {
            int x = v % nx, y = (v / nx) % ny, z = v / (nx * ny);
            eval[v] = x == nx - 1 || y == ny - 1 || z == nz - 1 ? 0.88f : 1.07f;
        }
        int capped = assertExhaustive(ref, eval, nx, ny, nz, GammaCriteria.global(0.03, 3));
        assertTrue(capped > ref.length / 4, "the side away from the agreeing edges is capped: " + capped);
    }

    /**
     * The tiles' bound must cover every voxel a search can interpolate from. Evaluated 1.5 against a flat reference 1
     * (gamma far above the cap) except one voxel, reached from the edge of an 8-voxel tile only by the farthest
     * lattice points of the search (at 2 mm x 2.5 mm x 3 mm voxels and 3 mm DTA: 2.5 voxels along x, 2.33 along y,
     * 1.67 along z), with the value that makes the interpolated dose there 1: 0.5 at weight 1/2 along x, 0 at weight
     * 1/3 along y, 0.75 at weight 2/3 along z. A bound that left that voxel out would give the cap to voxels whose
     * exhaustive search finds less (1.7 to 1.95).
     */
    @Test
    void tileBoundsCoverTheWholeReach() {
        int nx = 16, ny = 16, nz = 9;
        int[][] special = {{10, 4, 4}, {5, 4, 4}, {4, 10, 4}, {4, 5, 4}, {4, 4, 6}, {4, 4, 2}};
        float[] value = {0.5f, 0.5f, 0f, 0f, 0.75f, 0.75f};
        for (int s = 0; s < special.length; s++) {
            float[] ref = new float[nx * ny * nz], eval = new float[ref.length];
            Arrays.fill(ref, 1f);
            Arrays.fill(eval, 1.5f);
            eval[special[s][0] + nx * (special[s][1] + ny * special[s][2])] = value[s];
            int capped = assertExhaustive(ref, eval, nx, ny, nz, GammaCriteria.global(0.03, 3));
            assertTrue(capped < ref.length, "the special voxel is found");
        }
    }

    /** Asserts GammaIndex against the exhaustive minimum at every voxel; returns the number of capped voxels. */
    private static int assertExhaustive(float[] ref, float[] eval, int nx, int ny, int nz, GammaCriteria c) {
        GammaMap fast = GammaIndex.of(c).withThreads(3).compute(ref, eval, nx, ny, nz, SX, SY, SZ);
        SearchLattice l = new SearchLattice(SX, SY, SZ, c.dtaMm(), GammaIndex.DEFAULT_CAP,
                GammaIndex.DEFAULT_STEPS_PER_DTA);
        double max = 0;
        for (float d : ref) {
            max = Math.max(max, d);
        }
        int capped = 0;
        for (int v = 0; v < ref.length; v++) {
            int i = v % nx, j = (v / nx) % ny, k = v / (nx * ny);
            double dD = c.allowedDifference(ref[v], max);
            double best = GammaIndex.DEFAULT_CAP;
            for (int t = 0; t < l.size; t++) {
                double x = i + l.di[t] + l.fx[t], y = j + l.dj[t] + l.fy[t], z = k + l.dk[t] + l.fz[t];
                if (x < 0 || y < 0 || z < 0 || x > nx - 1 || y > ny - 1 || z > nz - 1) {
                    continue;
                }
                double diff = (trilinear(eval, nx, ny, x, y, z) - ref[v]) / dD;
                best = Math.min(best, Math.sqrt(l.distance2[t] + diff * diff));
            }
            capped += best == GammaIndex.DEFAULT_CAP ? 1 : 0;
            assertEquals(best, fast.gamma()[v], 1e-5, c + " at " + i + "," + j + "," + k);
        }
        return capped;
    }

    /** Trilinear at continuous index (x, y, z) inside the outer voxel centres; on a last centre, that voxel alone. */
    private static double trilinear(float[] e, int nx, int ny, double x, double y, double z) {
        int i = (int) x, j = (int) y, k = (int) z;
        double fx = x - i, fy = y - j, fz = z - k;
        double sum = 0;
        for (int c = 0; c < 8; c++) {
            int a = c & 1, b = (c >> 1) & 1, d = c >> 2;
            double w = (a == 1 ? fx : 1 - fx) * (b == 1 ? fy : 1 - fy) * (d == 1 ? fz : 1 - fz);
            if (w != 0) {
                sum += w * e[(i + a) + nx * ((j + b) + ny * (k + d))];
            }
        }
        return sum;
    }
}
