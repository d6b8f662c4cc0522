package doseengine.dosimetry.convolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The voxel integration of a radial kernel against its definition, sampled: decays uniform in the source voxel,
 * a radius uniform in the volume of a shell drawn by its energy, an isotropic direction, the energy binned into the
 * voxel where the point lands. Same shell model, so the two agree up to the sampling noise and the integrator's
 * direction lattice.
 */
class VoxelIntegrationTest {
    /** Shells 0.1 mm to 6 mm (an electron-like peak near 0), then 5 % growth to 80 mm (a photon-like tail). */
    static DosePointKernel testKernel() {
        java.util.List<Double> edges = new java.util.ArrayList<>();
        double r = 0;
        edges.add(0.0);
        while (r < 6 - 1e-9) {
            r += 0.1;
            edges.add(r);
        }
        while (r < 80) {
            r *= 1.05;
            edges.add(r);
        }
        double[] e = new double[edges.size() - 1];
        double[] ed = edges.stream().mapToDouble(Double::doubleValue).toArray();
        for (int s = 0; s < e.length; s++) {
            double mid = 0.5 * (ed[s] + ed[s + 1]);
            double width = ed[s + 1] - ed[s];
            // Electrons: energy per mm falling linearly to 0 at 5 mm; photons: exp(-r/30) per mm.
            e[s] = width * (Math.max(0, 1 - mid / 5) + 0.01 * Math.exp(-mid / 30));
        }
        return new DosePointKernel(ed, e, new double[e.length]);
    }

    @Test
    void everyOffsetMatchesTheSampledDefinitionOnNonCubicVoxels() {
        DosePointKernel k = testKernel();
        double sx = 2, sy = 3, sz = 4;
        int hx = 12, hy = 8, hz = 6;
        double[] fast = VoxelIntegration.integrate(k, 6.0, sx, sy, sz, hx, hy, hz);

        long n = 20_000_000;
        double[] sampled = new double[fast.length];
        double[] cum = new double[k.shells() + 1];
        for (int s = 0; s < k.shells(); s++) {
            cum[s + 1] = cum[s] + k.energy(s);
        }
        double total = cum[k.shells()];
        SplittableRandom rng = new SplittableRandom(7);
        for (long h = 0; h < n; h++) {
            double u = rng.nextDouble() * total;
            int lo = 0, hi = k.shells();
            while (hi - lo > 1) {
                int m = (lo + hi) >>> 1;
                if (cum[m] <= u) {
                    lo = m;
                } else {
                    hi = m;
                }
            }
            double r0 = k.edge(lo), r1 = k.edge(lo + 1);
            double r = Math.cbrt(r0 * r0 * r0 + rng.nextDouble() * (r1 * r1 * r1 - r0 * r0 * r0));
            double cz = 2 * rng.nextDouble() - 1, phi = 2 * Math.PI * rng.nextDouble();
            double st = Math.sqrt(1 - cz * cz);
            double x = (rng.nextDouble() - 0.5) * sx + r * st * Math.cos(phi);
            double y = (rng.nextDouble() - 0.5) * sy + r * st * Math.sin(phi);
            double z = (rng.nextDouble() - 0.5) * sz + r * cz;
            int i = Math.abs((int) Math.floor(x / sx + 0.5));
            int j = Math.abs((int) Math.floor(y / sy + 0.5));
            int kk = Math.abs((int) Math.floor(z / sz + 0.5));
            if (i <= hx && j <= hy && kk <= hz) {
                // Fold into the octant: an offset with a non-zero index stands for 2 mirror voxels per such axis.
                int images = (i > 0 ? 2 : 1) * (j > 0 ? 2 : 1) * (kk > 0 ? 2 : 1);
                sampled[i + (hx + 1) * (j + (hy + 1) * kk)] += total / n / images;
            }
        }
        double max = 0;
        for (double v : fast) {
            max = Math.max(max, v);
        }
        int checked = 0;
        for (int v = 0; v < fast.length; v++) {
            int i = v % (hx + 1), j = (v / (hx + 1)) % (hy + 1), kk = v / ((hx + 1) * (hy + 1));
            int images = (i > 0 ? 2 : 1) * (j > 0 ? 2 : 1) * (kk > 0 ? 2 : 1);
            // Binomial noise of the sampled value: sqrt(count) / count with count = value * n * images / total.
            double count = sampled[v] * n * images / total;
            if (count < 400) {
                continue;
            }
            double sigma = sampled[v] / Math.sqrt(count);
            // 5 sigma over ~500 offsets, plus 0.3 % of the value for the integrator's lattice and interpolation.
            assertEquals(sampled[v], fast[v], 5 * sigma + 0.003 * fast[v], "offset " + i + "," + j + "," + kk);
            checked++;
        }
        assertTrue(checked > 100, "offsets compared: " + checked);
        assertTrue(fast[0] == max, "the source voxel holds the most energy");
    }

    @Test
    void theWholeDosePointKernelEnergyIsInTheVoxelsWhenTheyReachBeyondIt() {
        DosePointKernel k = testKernel();
        double s = 5;
        int h = (int) Math.ceil(k.outerRadiusMm() / s) + 2;
        double[] v = VoxelIntegration.integrate(k, 6.0, s, s, s, h, h, h);
        double sum = 0;
        for (int idx = 0; idx < v.length; idx++) {
            int i = idx % (h + 1), j = (idx / (h + 1)) % (h + 1), kk = idx / ((h + 1) * (h + 1));
            sum += v[idx] * (i > 0 ? 2 : 1) * (j > 0 ? 2 : 1) * (kk > 0 ? 2 : 1);
        }
        // The near zone conserves energy exactly (weights sum to 1); the far quadrature to the interpolation's error.
        assertEquals(k.totalMeV(), sum, 0.002 * k.totalMeV());
    }
}
