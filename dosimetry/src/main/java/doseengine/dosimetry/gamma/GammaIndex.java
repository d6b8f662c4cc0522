package doseengine.dosimetry.gamma;

import doseengine.dosimetry.ParallelTasks;
import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.util.Locale;

/**
 * The 3D gamma index of an evaluated dose distribution against a reference on the same grid (Low et al., Med Phys
 * 25 (1998) 656): for each reference voxel r,
 * <pre>
 *   gamma(r) = min over r' of sqrt( |r' - r|^2 / DTA^2 + (De(r') - Dr(r))^2 / dD^2 )
 * </pre>
 * with {@code dD} the allowed dose difference ({@link GammaCriteria}, global or local). Typically the reference is
 * the Monte Carlo dose and the evaluated dose a fast method's.
 *
 * <p><b>Evaluated positions.</b> {@code De} is interpolated trilinearly between voxel centres at the points of a
 * lattice finer than the voxels: each voxel spacing is divided into equal steps of at most {@code DTA / stepsPerDta}
 * and at most half the spacing ({@code SearchLattice}); by default {@value #DEFAULT_STEPS_PER_DTA} steps per DTA, the
 * resolution Low and Dempsey (Med Phys 30 (2003) 2455) recommend for the evaluated distribution. Interpolating
 * the evaluated distribution, not the reference, at points finer than its voxels is what common implementations do
 * (Wendling et al., Med Phys 34 (2007) 1647; pymedphys' {@code gamma}, whose {@code interp_fraction}, 10 by default,
 * makes the step DTA/10). Points beyond the grid's outer voxel centres are not searched.
 *
 * <p><b>Accuracy of the lattice.</b> The minimum over lattice points is never below the continuous minimum and
 * exceeds it most in steep gradients, by up to about half a step times the gradient (in dD per DTA). Measured
 * ({@code GammaIndexBenchmark accuracy}: two Gaussian "organs" in a body, shifted 3 or 4 mm with 2 or 4 % noise, 2 mm
 * voxels, 3 %/3 mm), against DTA/12: at DTA/3 gamma is higher by 0.006 to 0.024 on average (0.58 at worst in one
 * voxel) and the pass rate lower by 0.12 to 0.18 percentage points; at DTA/5, 0.003 to 0.010 and 0.02 to 0.03 points;
 * at DTA/10 equal to 0.01 points. {@link #withStepsPerDta} trades this against time (see below).
 *
 * <p><b>Search.</b> Out to {@code cap x DTA} (default cap {@value #DEFAULT_CAP}): lattice points sorted by distance,
 * and the search of a voxel stops at the first point whose distance term alone (plus a lower bound of the dose term,
 * {@code GammaSearch}) reaches the best gamma found (the sorted search of Wendling et al. 2007). A voxel where nothing
 * within the radius gives a gamma below the cap gets the cap. Voxels that pass stop early, within their gamma times
 * DTA; failing voxels search the whole sphere (about 900 points at DTA/3, 4200 at DTA/5), unless the evaluated dose
 * around them is far from theirs. Multithreaded over z-slices. On 256 x 256 x 200 voxels of 2 mm with 30 % above the
 * threshold, 2 threads: 0.1 s when the doses agree, 2.7 s (DTA/3) or 20 s (DTA/5) when 97 % of the voxels fail by
 * 10 % of the maximum (docs/benchmarks.md).
 *
 * <p><b>Which voxels.</b> Those with {@code Dr >= threshold x max(Dr)}, and, for local normalisation, {@code Dr > 0}.
 * The global dD is {@code doseDifference x max(Dr)} over the whole grid (the maximum is above any threshold, so it
 * is also the maximum over the evaluated voxels).
 */
public final class GammaIndex {
    /** Search radius in units of DTA, and the value written where gamma is at least this. */
    public static final double DEFAULT_CAP = 2;
    /** Lattice steps per DTA (a step is at most DTA/3, and at most half a voxel). */
    public static final int DEFAULT_STEPS_PER_DTA = 3;

    private final GammaCriteria criteria;
    private final double cap;
    private final int stepsPerDta;
    private final int threads;

    private GammaIndex(GammaCriteria criteria, double cap, int stepsPerDta, int threads) {
        if (!(cap > 0) || Double.isInfinite(cap)) {
            throw new BadInputException("gamma cap must be finite and > 0, got " + cap);
        }
        if (stepsPerDta < 1) {
            throw new BadInputException("gamma search steps per DTA must be >= 1, got " + stepsPerDta);
        }
        if (threads < 1) {
            throw new BadInputException("threads must be >= 1, got " + threads);
        }
        this.criteria = criteria;
        this.cap = cap;
        this.stepsPerDta = stepsPerDta;
        this.threads = threads;
    }

    /** Gamma with these criteria, the default cap and lattice, on every processor. */
    public static GammaIndex of(GammaCriteria criteria) {
        return new GammaIndex(criteria, DEFAULT_CAP, DEFAULT_STEPS_PER_DTA, ParallelTasks.defaultThreads());
    }

    /** The same with another cap: the search radius in DTA and the largest gamma written. */
    public GammaIndex withCap(double cap) {
        return new GammaIndex(criteria, cap, stepsPerDta, threads);
    }

    /** The same with a finer or coarser lattice: steps of at most DTA / {@code stepsPerDta}. */
    public GammaIndex withStepsPerDta(int stepsPerDta) {
        return new GammaIndex(criteria, cap, stepsPerDta, threads);
    }

    public GammaIndex withThreads(int threads) {
        return new GammaIndex(criteria, cap, stepsPerDta, threads);
    }

    /**
     * @throws doseengine.geometry.GridMismatchException when the two volumes are not on the same grid
     * @throws BadInputException                          for a dose that is not finite or a reference without dose
     */
    public GammaMap compute(FloatVolume reference, FloatVolume evaluated) {
        VoxelGrid g = reference.grid();
        g.requireSameGrid(evaluated.grid(), "reference dose", "evaluated dose");
        return compute(reference.data(), evaluated.data(), g.nx(), g.ny(), g.nz(), g.spacingX(), g.spacingY(),
                g.spacingZ());
    }

    /**
     * @param reference doses at flat index {@code i + nx*(j + ny*k)}, finite
     * @param evaluated doses on the same grid, finite
     * @param sx        voxel spacing along x in mm (y, z likewise), finite and > 0
     * @throws BadInputException for a bad grid, a dose that is not finite or a reference without a positive dose
     */
    public GammaMap compute(float[] reference, float[] evaluated, int nx, int ny, int nz, double sx, double sy,
            double sz) {
        requireInputs(reference, evaluated, nx, ny, nz, sx, sy, sz);
        double max = 0;
        for (float d : reference) {
            max = Math.max(max, d);
        }
        if (!(max > 0)) {
            throw new BadInputException("gamma: the reference dose has no positive value");
        }
        double referenceMax = max;
        SearchLattice lattice = new SearchLattice(sx, sy, sz, criteria.dtaMm(), cap, stepsPerDta);
        float[] gamma = new float[reference.length];
        double cut = criteria.threshold() * referenceMax;
        boolean local = criteria.normalisation() == GammaCriteria.Normalisation.LOCAL;
        ParallelTasks.run(nz, threads, () -> {
            GammaSearch search = new GammaSearch(lattice, evaluated, nx, ny, nz, cap);
            return k -> {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        int v = i + nx * (j + ny * k);
                        double dr = reference[v];
                        if (dr < cut || (local && !(dr > 0))) {
                            gamma[v] = Float.NaN;
                            continue;
                        }
                        double g2 = search.search(i, j, k, dr, 1 / criteria.allowedDifference(dr, referenceMax));
                        gamma[v] = (float) (g2 >= cap * cap ? cap : Math.sqrt(g2));
                    }
                }
            };
        });
        return new GammaMap(gamma, nx, ny, nz, criteria, cap, referenceMax);
    }

    private static void requireInputs(float[] reference, float[] evaluated, int nx, int ny, int nz, double sx,
            double sy, double sz) {
        if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz > Integer.MAX_VALUE) {
            throw new BadInputException(String.format(Locale.ROOT, "gamma grid %d x %d x %d is not a grid", nx, ny, nz));
        }
        for (double s : new double[] {sx, sy, sz}) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new BadInputException(String.format(Locale.ROOT, "gamma voxel spacing %s x %s x %s mm: each "
                        + "must be finite and > 0", sx, sy, sz));
            }
        }
        requireDose(reference, "reference", nx, ny, nz);
        requireDose(evaluated, "evaluated", nx, ny, nz);
    }

    private static void requireDose(float[] d, String what, int nx, int ny, int nz) {
        if (d.length != nx * ny * nz) {
            throw new BadInputException(String.format(Locale.ROOT, "gamma: the %s dose has %d voxels; the grid "
                    + "%d x %d x %d has %d", what, d.length, nx, ny, nz, nx * ny * nz));
        }
        for (int v = 0; v < d.length; v++) {
            if (!Float.isFinite(d[v])) {
                throw new BadInputException(String.format(Locale.ROOT, "gamma: the %s dose at voxel (%d,%d,%d) is %s;"
                        + " it must be finite", what, v % nx, (v / nx) % ny, v / (nx * ny), d[v]));
            }
        }
    }
}
