package doseengine.dosimetry.gamma;

import doseengine.dosimetry.ParallelTasks;
import java.util.Locale;
import java.util.Random;

/**
 * Times the gamma index on a patient-sized grid, 256 x 256 x 200 voxels of 2 mm, with about 30 % of the voxels above
 * the 10 % threshold, for evaluated doses that agree (mostly pass), that are shifted and noisy (a realistic fast method
 * against Monte Carlo), and that fail everywhere (every voxel searches the whole sphere: the worst case). Not a test
 * (docs/benchmarks.md); run by hand after {@code mvn -o -pl dosimetry -am test-compile}, with the classpath of
 * FftConvolutionBenchmark: {@code java -Xmx4g -cp ... doseengine.dosimetry.gamma.GammaIndexBenchmark [threads |
 * accuracy]}. {@code accuracy} compares lattice steps instead (see {@link GammaIndex}).
 */
public final class GammaIndexBenchmark {
    private GammaIndexBenchmark() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("accuracy")) {
            accuracy();
            return;
        }
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : ParallelTasks.defaultThreads();
        int nx = 256, ny = 256, nz = 200;
        double s = 2;
        float[] ref = field(nx, ny, nz, 0, 1);
        Random r = new Random(2);
        float[] scaled = new float[ref.length], shiftedNoisy = field(nx, ny, nz, 1, 1), failing = new float[ref.length];
        for (int v = 0; v < ref.length; v++) {
            scaled[v] = ref[v] * 1.02f;
            shiftedNoisy[v] *= (float) (1 + 0.02 * r.nextGaussian());
            failing[v] = ref[v] + 0.1f; // 10 % of the maximum (1) everywhere: gamma >= 3.3
        }
        String[] names = {"x 1.02", "shift 2 mm, 2 % noise", "+10 % of max (all fail)"};
        float[][] evals = {scaled, shiftedNoisy, failing};
        System.out.printf(Locale.ROOT, "%d x %d x %d, %.0f mm voxels, %d threads%n", nx, ny, nz, s, threads);
        for (int stepsPerDta : new int[] {3, 5}) {
            for (int e = 0; e < evals.length; e++) {
                GammaIndex gamma = GammaIndex.of(GammaCriteria.global(0.03, 3)).withStepsPerDta(stepsPerDta)
                        .withThreads(threads);
                double best = Double.MAX_VALUE;
                GammaMap g = null;
                for (int run = 0; run < 2; run++) {
                    long t0 = System.nanoTime();
                    g = gamma.compute(ref, evals[e], nx, ny, nz, s, s, s);
                    best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
                }
                System.out.printf(Locale.ROOT, "DTA/%d  %-24s evaluated %.1f %%  pass %.2f %%  %.2f s%n",
                        stepsPerDta, names[e], 100.0 * g.evaluatedCount() / ref.length, 100 * g.passRate(), best);
            }
        }
    }

    /**
     * Gamma and pass rate at lattice steps of DTA/3, /5 and /10 against DTA/12 (taken as converged), for the field
     * shifted by 3 or 4 mm with 2 or 4 % noise, on 96 x 96 x 80 voxels of 2 mm (the field scaled to fit).
     */
    private static void accuracy() {
        int nx = 96, ny = 96, nz = 80;
        double s = 2;
        GammaCriteria c = GammaCriteria.global(0.03, 3);
        for (int shiftMm : new int[] {3, 4}) {
            for (double noise : new double[] {0.02, 0.04}) {
                Random r = new Random(3);
                float[] ref = small(nx, ny, nz, 0), eval = small(nx, ny, nz, shiftMm / s);
                for (int v = 0; v < eval.length; v++) {
                    eval[v] *= (float) (1 + noise * r.nextGaussian());
                }
                GammaMap converged = GammaIndex.of(c).withStepsPerDta(12).compute(ref, eval, nx, ny, nz, s, s, s);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "shift %d mm, noise %.0f %%:",
                        shiftMm, 100 * noise));
                for (int steps : new int[] {3, 5, 10}) {
                    GammaMap g = GammaIndex.of(c).withStepsPerDta(steps).compute(ref, eval, nx, ny, nz, s, s, s);
                    double sum = 0, max = 0;
                    for (int v = 0; v < ref.length; v++) {
                        if (!Float.isNaN(g.gamma()[v])) {
                            double excess = g.gamma()[v] - converged.gamma()[v];
                            sum += excess;
                            max = Math.max(max, excess);
                        }
                    }
                    line.append(String.format(Locale.ROOT, "  DTA/%d pass %.2f %% (gamma +%.4f mean, +%.3f max)", steps,
                            100 * g.passRate(), sum / g.evaluatedCount(), max));
                }
                System.out.println(line.append(String.format(Locale.ROOT, "  DTA/12 pass %.2f %%",
                        100 * converged.passRate())));
            }
        }
    }

    private static float[] small(int nx, int ny, int nz, double shiftVoxels) {
        float[] d = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double xs = x - shiftVoxels;
                    double u = (xs - 48) / 40.0, v = (y - 48) / 34.0, w = (z - 40) / 36.0;
                    double body = u * u + v * v + w * w < 1 ? 0.15 : 0;
                    double a = Math.exp(-((xs - 38) * (xs - 38) + (y - 45) * (y - 45) + (z - 36) * (z - 36)) / 60.0);
                    double b = 0.6 * Math.exp(-((xs - 60) * (xs - 60) + (y - 52) * (y - 52) + (z - 44) * (z - 44)) / 25.0);
                    d[x + nx * (y + ny * z)] = (float) (body + a + b);
                }
            }
        }
        return d;
    }

    /** Two overlapping Gaussian "organs" and a diffuse body background, shifted by {@code shiftVoxels} along x. */
    private static float[] field(int nx, int ny, int nz, int shiftVoxels, double scale) {
        float[] d = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double xs = x - shiftVoxels;
                    double u = (xs - 128) / 110.0, v = (y - 128) / 90.0, w = (z - 100) / 95.0;
                    double body = u * u + v * v + w * w < 1 ? 0.15 : 0;
                    double a = Math.exp(-((xs - 100) * (xs - 100) + (y - 120) * (y - 120) + (z - 90) * (z - 90)) / 800.0);
                    double b = 0.6 * Math.exp(-((xs - 160) * (xs - 160) + (y - 140) * (y - 140) + (z - 110) * (z - 110))
                            / 300.0);
                    d[x + nx * (y + ny * z)] = (float) (scale * (body + a + b));
                }
            }
        }
        return d;
    }
}
