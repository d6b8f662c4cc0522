package doseengine.bench;

import doseengine.dosimetry.DoseConversion;
import doseengine.dosimetry.ParallelTasks;
import doseengine.dosimetry.TimeIntegratedActivity;
import doseengine.dosimetry.convolution.DosePointKernel;
import doseengine.dosimetry.convolution.FftConvolution;
import doseengine.dosimetry.convolution.FftSizes;
import doseengine.dosimetry.convolution.VoxelSValuesSpectrum;
import doseengine.dosimetry.convolution.ShellLayout;
import doseengine.dosimetry.convolution.VoxelSValues;
import doseengine.dosimetry.convolution.VoxelIntegration;
import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The bench problem {@value #NAME}: the convolution path of the fast methods {@code dpk} and {@code vsv} of
 * {@code doseengine compare}, with the kernels' Monte Carlo runs replaced by analytic kernels (compare reads them
 * from its cache, so they are not part of what a compare run spends), on a CT-sized grid of 256 x 256 x 200 voxels
 * of 1.95 x 1.95 x 2.5 mm (a 500 mm field). Per method, timed one after the other as compare runs them:
 * <ol>
 * <li>kernel: the dose point kernel integrated over the voxels to the grid's full extent ({@link VoxelIntegration},
 * half-widths n - 1 per axis), with shells {@code ShellLayout.edges(5 mm, reach)} and the reach the grid's farthest
 * voxel-centre distance rounded up to a multiple of 250 mm (as compare's kernels); for {@code vsv} the kernel is the
 * photons' alone and a 7 x 7 x 7 octant of electron voxel values is added to it;</li>
 * <li>spectrum: the kernel's FFT on the padded grid ({@link FftConvolution#prepare});</li>
 * <li>convolution: the decays map convolved with it ({@link VoxelSValuesSpectrum#convolve(double[])});</li>
 * <li>dose: the energy over each voxel's own mass ({@link DoseConversion#overLocalMass}); {@code vsv} proper
 * divides by soft tissue's fixed mass instead, a loop of the same cost.</li>
 * </ol>
 * Before them, once for both: the time-integrated activity map to decays per voxel.
 *
 * <p>The kernels are 177Lu-like: 0.147 MeV per decay of electrons deposited within 2 mm (energy per mm falling as
 * (1 - r/2 mm)^2), and 0.02 MeV of photons deposited with a density falling as exp(-r/100 mm)/r^2. Their values do
 * not change the cost: every stage does the same arithmetic whatever the numbers. The activity map is an ellipsoidal
 * body of soft tissue (1.04 g/cm3) with uniform low uptake and five hot spheres, in air; its content does not change
 * the cost either.
 *
 * <p>Every stage runs on every processor, as in compare ({@code --threads} and {@code --backend} are for the
 * transport). Nothing is warmed up: the timings include the JIT compilation, as a compare run pays it.
 */
public final class ConvolutionBench {
    public static final String NAME = "convolution_256x256x200";
    static final int NX = 256;
    static final int NY = 256;
    static final int NZ = 200;
    static final double SX = 1.95;
    static final double SY = 1.95;
    static final double SZ = 2.5;
    /** The fine shells' reach (mm): 177Lu's most energetic beta's CSDA range plus 1 mm, at least 5 mm. */
    static final double FINE_REACH_MM = 5.0;
    /** Electron energy per decay (MeV), deposited within {@link #ELECTRON_REACH_MM}. */
    static final double ELECTRON_MEV = 0.147;
    static final double ELECTRON_REACH_MM = 2.0;
    /** Photon energy deposited per decay (MeV) in an infinite medium, density exp(-r/L)/r^2. */
    static final double PHOTON_MEV = 0.02;
    static final double PHOTON_LENGTH_MM = 100;
    /** Half-width (voxels) of vsv's electron block: offsets 0..6 per axis, a 7 x 7 x 7 octant. */
    static final int ELECTRON_BLOCK_HALF = 6;
    /** Soft tissue (ICRP, g/cm3) in the body; air outside. */
    static final float TISSUE_DENSITY = 1.04f;
    static final float AIR_DENSITY = 0.00120479f;

    private final int nx, ny, nz;
    private final double sx, sy, sz;

    /** The problem {@value #NAME}. */
    public ConvolutionBench() {
        this(NX, NY, NZ, SX, SY, SZ);
    }

    /** The same path on another grid (the tests run a tiny one); the result is named after the grid. */
    public ConvolutionBench(int nx, int ny, int nz, double sx, double sy, double sz) {
        if (nx < 1 || ny < 1 || nz < 1 || !(sx > 0 && sy > 0 && sz > 0)) {
            throw new IllegalArgumentException("a grid needs voxels and positive voxel sides");
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
    }

    public String name() {
        return "convolution_" + nx + "x" + ny + "x" + nz;
    }

    /** The farthest distance (mm) between two voxel centres of the grid. */
    double spanMm() {
        return ShellLayout.spanMm(nx, ny, nz, sx, sy, sz);
    }

    /** The kernels' reach (mm), by compare's rule ({@link ShellLayout#reachMm}). */
    double reachMm() {
        return ShellLayout.reachMm(spanMm());
    }

    double[] edges() {
        return ShellLayout.edges(FINE_REACH_MM, reachMm());
    }

    public String description() {
        return String.format(Locale.ROOT, "dpk and vsv of compare by FFT convolution on %d x %d x %d voxels of %s x %s x "
                + "%s mm: 177Lu-like analytic kernels (%d shells to %s mm) integrated over the voxels to the full "
                + "extent, vsv with a 7^3 electron octant; kernel spectrum, convolution of the decays, dose over the "
                + "local mass; an ellipsoidal body with uniform uptake and five hot spheres", nx, ny, nz,
                BenchNumbers.plain(sx), BenchNumbers.plain(sy), BenchNumbers.plain(sz), edges().length - 1,
                BenchNumbers.plain(reachMm()));
    }

    /**
     * The bytes of the arrays held at once during a method's convolution: the density, activity and decays maps,
     * the kernel's octant, its spectrum, the source's spectrum, the energy and the dose map (for 256 x 256 x 200,
     * 790 MB; the problem ran in a heap of 800 MB and not of 700 MB).
     */
    long heapBytes() {
        long n = (long) nx * ny * nz;
        long mx = FftSizes.padded(nx, nx - 1) / 2 + 1;
        long my = FftSizes.padded(ny, ny - 1) / 2 + 1;
        long mz = FftSizes.padded(nz, nz - 1) / 2 + 1;
        return (4 + 4 + 8 + 8 + 8 + 4) * n + 8 * mx * my * mz + 16 * mx * ny * nz;
    }

    /**
     * Refuses, before anything runs, a heap smaller than {@link #heapBytes()}: the problem would end in an
     * OutOfMemoryError, perhaps after the transport problems of a long bench.
     */
    public void requireHeap(long maxHeapBytes) {
        if (maxHeapBytes < heapBytes()) {
            throw new BadInputException(String.format(Locale.ROOT, "%s needs a heap of at least %d MiB for its "
                    + "arrays; this Java has %d MiB: give java -Xmx1g or more (the doseengine script gives -Xmx8g)",
                    name(), heapBytes() >> 20, maxHeapBytes >> 20));
        }
    }

    /** A method's kernel and dose map, for the tests' check of the wiring. */
    record MethodMaps(String method, double[] decays, FloatVolume density, VoxelSValues kernel, FloatVolume dose) {}

    /** Builds the maps and runs both methods; {@code progress} gets a line per stage. */
    public ConvolutionResult run(Consumer<String> progress) {
        return run(progress, null);
    }

    /**
     * @param keep receives each method's kernel and dose map (null: they are let go as soon as measured)
     */
    ConvolutionResult run(Consumer<String> progress, Consumer<MethodMaps> keep) {
        long t0 = System.nanoTime();
        VoxelGrid grid = grid();
        FloatVolume density = new FloatVolume(grid);
        FloatVolume tia = new FloatVolume(grid);
        fillBody(density.data(), tia.data());
        double[] edges = edges();
        DosePointKernel dpk = kernel(edges, true);
        DosePointKernel photons = kernel(edges, false);
        double[] block = electronBlock(sx, sy, sz);
        double build = seconds(t0);

        // What the previous problems left is collected now, not in the middle of a stage; peaks count from here.
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double cpu0 = ProcessCpu.seconds();

        t0 = System.nanoTime();
        double[] decays = TimeIntegratedActivity.decaysPerVoxel(tia);
        double decaysSeconds = seconds(t0);
        progress.accept(String.format(Locale.ROOT, "decays map: %.2f s", decaysSeconds));

        List<ConvolutionResult.Method> methods = new ArrayList<>();
        for (String m : List.of("dpk", "vsv")) {
            t0 = System.nanoTime();
            VoxelSValues k = m.equals("dpk") ? integrated(dpk) : withElectronBlock(photons, block);
            double kernelSeconds = seconds(t0);
            progress.accept(String.format(Locale.ROOT, "%s: kernel %.2f s", m, kernelSeconds));

            t0 = System.nanoTime();
            VoxelSValuesSpectrum s = FftConvolution.prepare(k, nx, ny, nz);
            double spectrumSeconds = seconds(t0);

            t0 = System.nanoTime();
            double[] energy = s.convolve(decays);
            double convolutionSeconds = seconds(t0);

            t0 = System.nanoTime();
            FloatVolume dose = DoseConversion.overLocalMass(energy, density);
            double doseSeconds = seconds(t0);
            progress.accept(String.format(Locale.ROOT, "%s: spectrum %.2f s, convolution %.2f s, dose %.2f s", m,
                    spectrumSeconds, convolutionSeconds, doseSeconds));
            methods.add(new ConvolutionResult.Method(m, new int[] {k.hx(), k.hy(), k.hz()}, s.paddedSizes(),
                    kernelSeconds, spectrumSeconds, convolutionSeconds, doseSeconds));
            if (keep != null) {
                keep.accept(new MethodMaps(m, decays, density, k, dose));
            }
        }
        double cpu = ProcessCpu.seconds() - cpu0;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new ConvolutionResult(name(), "Lu-177", description(), new int[] {nx, ny, nz},
                new double[] {sx, sy, sz}, reachMm(), edges.length - 1, ParallelTasks.defaultThreads(), build,
                decaysSeconds, methods, cpu, peak / (1024.0 * 1024.0));
    }

    VoxelGrid grid() {
        return new VoxelGrid(nx, ny, nz, sx, sy, sz,
                new double[] {-(nx - 1) * sx / 2, -(ny - 1) * sy / 2, -(nz - 1) * sz / 2});
    }

    /** The point kernel integrated over the voxels, half-widths n - 1: as compare's {@code GridVoxelSValues.dpk}. */
    VoxelSValues integrated(DosePointKernel k) {
        return new VoxelSValues(nx - 1, ny - 1, nz - 1, octant(k));
    }

    private double[] octant(DosePointKernel k) {
        return VoxelIntegration.integrate(k, FINE_REACH_MM, sx, sy, sz, nx - 1, ny - 1, nz - 1);
    }

    /**
     * The photons' kernel integrated over the voxels with the electron octant added to it: as compare's
     * {@code GridVoxelSValues.vsv}.
     */
    VoxelSValues withElectronBlock(DosePointKernel photons, double[] block) {
        int b = ELECTRON_BLOCK_HALF;
        return new VoxelSValues(nx - 1, ny - 1, nz - 1, octant(photons)).plus(new VoxelSValues(b, b, b, block));
    }

    /**
     * The analytic 177Lu-like kernel on these shells: the photons' part and, with {@code electrons}, the electrons'.
     * Shell energies are the exact integrals of the densities, so the kernel is smooth.
     */
    static DosePointKernel kernel(double[] edges, boolean electrons) {
        double[] e = new double[edges.length - 1];
        for (int s = 0; s < e.length; s++) {
            double r0 = edges[s];
            double r1 = edges[s + 1];
            e[s] = PHOTON_MEV * (Math.exp(-r0 / PHOTON_LENGTH_MM) - Math.exp(-r1 / PHOTON_LENGTH_MM));
            if (electrons) {
                e[s] += ELECTRON_MEV * (electronFraction(r1) - electronFraction(r0));
            }
        }
        return new DosePointKernel(edges, e, new double[e.length]);
    }

    /** The electrons' energy inside radius r, a fraction: energy per mm proportional to (1 - r/R)^2. */
    private static double electronFraction(double r) {
        double u = Math.max(0, 1 - r / ELECTRON_REACH_MM);
        return 1 - u * u * u;
    }

    /**
     * vsv's electron octant, offsets 0..{@value #ELECTRON_BLOCK_HALF} per axis: {@link #ELECTRON_MEV} spread over
     * the full block (mirror images counted) as exp(-d/1 mm) of the centre distance d.
     */
    static double[] electronBlock(double sx, double sy, double sz) {
        int b = ELECTRON_BLOCK_HALF;
        double[] v = new double[(b + 1) * (b + 1) * (b + 1)];
        double sum = 0;
        for (int k = 0; k <= b; k++) {
            for (int j = 0; j <= b; j++) {
                for (int i = 0; i <= b; i++) {
                    double d = Math.sqrt(i * sx * i * sx + j * sy * j * sy + k * sz * k * sz);
                    int o = i + (b + 1) * (j + (b + 1) * k);
                    v[o] = Math.exp(-d);
                    sum += v[o] * (i == 0 ? 1 : 2) * (j == 0 ? 1 : 2) * (k == 0 ? 1 : 2);
                }
            }
        }
        for (int o = 0; o < v.length; o++) {
            v[o] *= ELECTRON_MEV / sum;
        }
        return v;
    }

    /**
     * An ellipsoidal body filling most of the field (semi-axes 0.36, 0.22 and 0.46 of the field's sides), soft
     * tissue with a uniform time-integrated activity of 0.01 MBq h per cm3, in air without activity, and five hot
     * spheres in it: two kidney-like ones at 20 times the background, three tumour-like ones at 100 times.
     */
    private void fillBody(float[] rho, float[] tia) {
        double lx = nx * sx;
        double ly = ny * sy;
        double lz = nz * sz;
        double ax = 0.36 * lx;
        double ay = 0.22 * ly;
        double az = 0.46 * lz;
        double background = 0.01 * sx * sy * sz * 1e-3; // MBq h per voxel
        // {x, y, z, radius} as fractions of the x side, {activity factor}.
        double[][] spheres = {
            {-0.14, 0.04, 0.0, 0.06, 20}, {0.14, 0.04, 0.0, 0.06, 20},
            {0.05, -0.08, 0.12, 0.03, 100}, {-0.10, -0.05, -0.20, 0.025, 100}, {0.20, 0.0, 0.25, 0.02, 100}};
        for (int k = 0; k < nz; k++) {
            double z = (k - (nz - 1) / 2.0) * sz;
            for (int j = 0; j < ny; j++) {
                double y = (j - (ny - 1) / 2.0) * sy;
                for (int i = 0; i < nx; i++) {
                    double x = (i - (nx - 1) / 2.0) * sx;
                    int v = i + nx * (j + ny * k);
                    double q = (x / ax) * (x / ax) + (y / ay) * (y / ay) + (z / az) * (z / az);
                    if (q > 1) {
                        rho[v] = AIR_DENSITY;
                        continue;
                    }
                    rho[v] = TISSUE_DENSITY;
                    double a = background;
                    for (double[] s : spheres) {
                        double dx = x - s[0] * lx;
                        double dy = y - s[1] * lx;
                        double dz = z - s[2] * lx;
                        double r = s[3] * lx;
                        if (dx * dx + dy * dy + dz * dz <= r * r) {
                            a = background * s[4];
                        }
                    }
                    tia[v] = (float) a;
                }
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
