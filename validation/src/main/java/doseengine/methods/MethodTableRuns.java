package doseengine.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.dosimetry.convolution.DosePointKernel;
import doseengine.dosimetry.convolution.ShellLayout;
import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.ParticleType;
import doseengine.physics.PhysicsVersion;
import doseengine.physics.decay.Nuclide;
import doseengine.validation.benchmark.DpkBenchmark;
import doseengine.validation.benchmark.SphereBenchmark;
import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.run.BenchmarkRunner;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.PointSourceProblem;
import doseengine.validation.run.PointSourceResult;
import doseengine.validation.run.TransportSettings;
import doseengine.validation.run.VoxelSourceProblem;
import doseengine.validation.run.VoxelSourceResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Monte Carlo runs behind the fast methods' tables, each computed once and kept in the {@link MethodTableCache}:
 * <ul>
 *   <li>dose point kernels: a point source in an unbounded homogeneous medium (water for {@code dpk}, soft tissue for
 *   the photons of {@code vsv}), energy in the spherical shells of {@link ShellLayout}, out to the radius the
 *   patient grid needs; the medium reaches three photon mean free paths beyond
 *   the last shell so that every shell sees the backscatter of an infinite medium, as in {@code validate dpk};</li>
 *   <li>the electron voxel S values: the nuclide's electron emissions uniform in the central voxel of a block of
 *   soft-tissue voxels of the image's size and shape, as in {@code validate vsv}, the block reaching two voxels
 *   beyond the most energetic electron's CSDA range and at least 5 voxels;</li>
 *   <li>sphere S values: the sphere benchmark of {@code validate sphere} on a grid of masses.</li>
 * </ul>
 * Every key holds the physics version, the nuclide, the medium, the geometry, the decays, the seed and the
 * cutoffs: change any and the table is computed again. The keys, the files' fields and the log lines keep
 * their wording (see {@link MethodTableCache} for why).
 */
public final class MethodTableRuns {
    /** Water (or tissue) beyond the last shell, in photon mean free paths (as {@code validate dpk}). */
    static final double PHOTON_MARGIN_MFP = 3.0;
    /** Smallest electron block half-width (voxels), the extent of Lanconelli et al.'s tables. */
    static final int MIN_BLOCK_HALF = 5;
    /** Photon emissions below this share of the emitted energy get no photon kernel (Y-90: 1.4e-8 of it). */
    static final double MIN_PHOTON_SHARE = 1e-4;
    /**
     * Spheres run a tenth of the kernel decays (at least 10,000): a sphere's S value sums the energy of all its
     * voxels, and at 100,000 decays its relative standard error is about 0.2 % (0.07 % at 1e6, docs/validation.md).
     */
    static final int SPHERE_DECAY_DIVISOR = 10;
    /** Sphere masses (g) of the sphere model's S-value table: two per decade, 0.1 g to 10 kg. */
    static final double[] SPHERE_MASSES_G = {0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000};

    private final BenchmarkRunner runner;
    private final TransportSettings settings;
    private final MethodTableCache cache;
    private final PrintWriter log;
    private final List<String> computed = new ArrayList<>();
    private double seconds;

    public MethodTableRuns(BenchmarkRunner runner, TransportSettings settings, MethodTableCache cache, PrintWriter log) {
        this.runner = runner;
        this.settings = settings;
        this.cache = cache;
        this.log = log;
    }

    /** Seconds spent computing tables in this session (0 when all came from the cache). */
    public double seconds() {
        return seconds;
    }

    /** The tables computed (not read from the cache) in this session, one line each. */
    public List<String> computed() {
        return List.copyOf(computed);
    }

    public TransportSettings settings() {
        return settings;
    }

    public java.nio.file.Path cacheDir() {
        return cache.dir();
    }

    /** The reach (mm) of the fine shells: the most energetic electron's CSDA range in water plus 1 mm, at least 5. */
    static double fineReachMm(Nuclide nuclide) {
        double r = DpkBenchmark.maxElectronRangeMm(EmissionSource.NuclideEmissions.all(nuclide).only(ParticleType.ELECTRON));
        return Math.max(5.0, Math.ceil(r + 1.0));
    }

    /** Whether the nuclide's photons carry enough energy for a photon kernel ({@value #MIN_PHOTON_SHARE}). */
    static boolean hasPhotons(Nuclide nuclide) {
        EmissionSource.NuclideEmissions all = EmissionSource.NuclideEmissions.all(nuclide);
        return all.emittedEnergyPerDecayMeV(ParticleType.PHOTON) >= MIN_PHOTON_SHARE * all.emittedEnergyPerDecayMeV();
    }

    /**
     * The dose point kernel of a nuclide's emissions in a medium.
     *
     * @param emissions "all" or "photons"
     */
    public DosePointKernel radial(Nuclide nuclide, String emissions, String material, double density, double reachMm) {
        EmissionSource.NuclideEmissions all = EmissionSource.NuclideEmissions.all(nuclide);
        EmissionSource source = emissions.equals("photons") ? all.only(ParticleType.PHOTON) : all;
        double fine = fineReachMm(nuclide);
        double[] edges = ShellLayout.edges(fine, reachMm);
        String key = key("radial", nuclide.name(), emissions, material, fmt(density), "fine=" + fmt(fine),
                "reach=" + fmt(reachMm), "shells=" + edges.length);
        Optional<JsonNode> hit = cache.read("radial", key);
        if (hit.isPresent()) {
            JsonNode n = hit.get();
            return new DosePointKernel(doubles(n.get("edges_mm")), doubles(n.get("MeV_per_decay")),
                    doubles(n.get("rel_unc")));
        }
        double mfp = DpkBenchmark.photonMeanFreePathMm(source, material, density);
        double half = Math.max(reachMm + PHOTON_MARGIN_MFP * mfp, reachMm + fine);
        // In a homogeneous medium the voxels only cut steps; 50 voxels from the centre to the edge is plenty.
        double voxel = half / 50;
        int nx = 2 * (int) Math.ceil(half / voxel) + 1;
        VoxelGrid grid = VoxelGrid.centredCube(nx, nx, nx, voxel);
        String what = String.format(Locale.ROOT, "%s %s kernel in %s (%.3g g/cm3) to %.0f mm", nuclide.name(),
                emissions.equals("photons") ? "photon" : "dose point", material, density, reachMm);
        PointSourceProblem p = new PointSourceProblem("kernel " + what, source, material, density, grid,
                new double[3], edges);
        long t0 = System.nanoTime();
        log.printf(Locale.ROOT, "computing the %s (%,d decays, once; cached in %s)%n", what, settings.decays(),
                cache.dir());
        log.flush();
        PointSourceResult r = runner.runPointSource(p, settings);
        done(what, t0, r.run().backend());
        DosePointKernel k = new DosePointKernel(edges, r.shellMeVPerDecay(), r.shellRelativeUncertainty());
        ObjectNode o = MethodTableCache.object();
        o.put("what", what);
        o.put("backend", r.run().backend());
        put(o, "edges_mm", edges);
        put(o, "MeV_per_decay", k.meVPerDecay());
        put(o, "rel_unc", k.relativeUncertainty());
        cache.write("radial", key, o);
        return k;
    }

    /**
     * The electron emissions' voxel S values (energy per decay, MeV) in soft tissue for voxels sx x sy x sz mm: the
     * octant 0..hx, 0..hy, 0..hz, averaged over the 8 mirror images, with its relative standard errors.
     */
    public VoxelBlock electronBlock(Nuclide nuclide, double sx, double sy, double sz) {
        double range = fineReachMm(nuclide) - 1.0;
        int hx = Math.max(MIN_BLOCK_HALF, (int) Math.ceil(range / sx) + 2);
        int hy = Math.max(MIN_BLOCK_HALF, (int) Math.ceil(range / sy) + 2);
        int hz = Math.max(MIN_BLOCK_HALF, (int) Math.ceil(range / sz) + 2);
        VsvTissue t = VsvTissue.SOFT;
        String key = key("vsv-electrons", nuclide.name(), t.material(), fmt(t.densityGPerCm3()),
                "voxel=" + fmt(sx) + "x" + fmt(sy) + "x" + fmt(sz), "half=" + hx + "x" + hy + "x" + hz);
        Optional<JsonNode> hit = cache.read("vsv", key);
        if (hit.isPresent()) {
            JsonNode n = hit.get();
            return new VoxelBlock(hx, hy, hz, doubles(n.get("MeV_per_decay")), doubles(n.get("rel_unc")));
        }
        VoxelGrid grid = new VoxelGrid(2 * hx + 1, 2 * hy + 1, 2 * hz + 1, sx, sy, sz,
                new double[] {-hx * sx, -hy * sy, -hz * sz});
        int n = grid.voxelCount();
        float[] rho = new float[n];
        Arrays.fill(rho, (float) t.densityGPerCm3());
        FloatVolume activity = new FloatVolume(grid);
        activity.set(hx, hy, hz, 1f);
        String what = String.format(Locale.ROOT, "%s electron voxel S values in soft tissue, %s x %s x %s mm voxels",
                nuclide.name(), fmt(sx), fmt(sy), fmt(sz));
        VoxelSourceProblem p = new VoxelSourceProblem("kernel " + what,
                EmissionSource.NuclideEmissions.all(nuclide).only(ParticleType.ELECTRON), List.of(t.material()),
                new ByteVolume(grid), new FloatVolume(grid, rho), activity, null);
        long t0 = System.nanoTime();
        log.printf(Locale.ROOT, "computing the %s (%,d decays, once; cached)%n", what, settings.decays());
        log.flush();
        VoxelSourceResult r = runner.runVoxelSource(p, settings);
        done(what, t0, r.run().backend());
        VoxelBlock b = VoxelBlock.fold(r.voxelMeVPerDecay(), r.voxelRelativeUncertainty(), hx, hy, hz);
        ObjectNode o = MethodTableCache.object();
        o.put("what", what);
        o.put("backend", r.run().backend());
        put(o, "MeV_per_decay", b.meVPerDecay());
        put(o, "rel_unc", b.relativeUncertainty());
        cache.write("vsv", key, o);
        return b;
    }

    /** The engine's sphere S values of a nuclide on {@link #SPHERE_MASSES_G}. */
    public SphereSValues spheres(Nuclide nuclide) {
        TransportSettings sphereSettings = settings.withDecays(Math.max(10_000, settings.decays() / SPHERE_DECAY_DIVISOR));
        String key = key("sphere", sphereSettings, nuclide.name(), SphereBenchmark.MATERIAL,
                "masses=" + Arrays.toString(SPHERE_MASSES_G));
        Optional<JsonNode> hit = cache.read("sphere", key);
        if (hit.isPresent()) {
            JsonNode n = hit.get();
            return new SphereSValues(nuclide.name(), doubles(n.get("mass_g")), doubles(n.get("S_mGy_per_MBq_s")),
                    doubles(n.get("rel_unc")));
        }
        double[] mass = new double[SPHERE_MASSES_G.length];
        double[] s = new double[mass.length];
        double[] u = new double[mass.length];
        long t0 = System.nanoTime();
        String what = nuclide.name() + " sphere S values, " + SPHERE_MASSES_G.length + " spheres of 0.1 g to 10 kg";
        log.printf(Locale.ROOT, "computing the %s (%,d decays each, once; cached)%n", what, sphereSettings.decays());
        log.flush();
        String backend = "";
        for (int i = 0; i < mass.length; i++) {
            SphereBenchmark b = new SphereBenchmark(nuclide, SPHERE_MASSES_G[i]);
            VoxelSourceResult e = runner.runVoxelSource(b.electronProblem(), sphereSettings);
            VoxelSourceResult p = b.photonProblem().map(q -> runner.runVoxelSource(q, sphereSettings)).orElse(null);
            SphereResult r = b.evaluate(e, p);
            // S is over the voxelized sphere's mass; the table pairs it with that mass.
            mass[i] = b.voxelizedMassG();
            s[i] = r.sValue();
            u[i] = r.sRelativeUncertainty();
            backend = e.run().backend();
        }
        done(what, t0, backend);
        ObjectNode o = MethodTableCache.object();
        o.put("what", what);
        o.put("backend", backend);
        put(o, "mass_g", mass);
        put(o, "S_mGy_per_MBq_s", s);
        put(o, "rel_unc", u);
        cache.write("sphere", key, o);
        return new SphereSValues(nuclide.name(), mass, s, u);
    }

    private void done(String what, long t0, String backend) {
        double sec = (System.nanoTime() - t0) * 1e-9;
        seconds += sec;
        computed.add(String.format(Locale.ROOT, "%s: %.1f s (%s)", what, sec, backend));
        log.printf(Locale.ROOT, "  %s: done in %.1f s%n", what, sec);
        log.flush();
    }

    private String key(String kind, String... parts) {
        return key(kind, settings, parts);
    }

    private static String key(String kind, TransportSettings s, String... parts) {
        return String.join("|", kind, "physics=" + PhysicsVersion.ID, String.join("|", parts),
                "decays=" + s.decays(), "seed=" + s.seed(), "ecut_keV=" + fmt(s.electronCutoffKeV()),
                "pcut_keV=" + fmt(s.photonCutoffKeV()), "straggling=" + s.softStraggling());
    }

    static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }

    private static void put(ObjectNode o, String name, double[] values) {
        ArrayNode a = o.putArray(name);
        for (double v : values) {
            a.add(v);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
