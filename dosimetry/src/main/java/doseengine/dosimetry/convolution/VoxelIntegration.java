package doseengine.dosimetry.convolution;

import java.util.stream.IntStream;

/**
 * A radial kernel integrated over voxels: the mean energy (MeV per decay) deposited in the voxel at offset
 * (i, j, k) by decays spread uniformly over the voxel at (0, 0, 0), on a grid of voxels sx x sy x sz mm (cubic or
 * not). Not the kernel sampled at voxel centres, which misses most of the energy of a short-range emitter in its
 * own voxel.
 *
 * <p>Why it works. With x uniform in the target voxel and y uniform in the source voxel, the displacement
 * D = x - y is the offset's centre distance plus, along each axis, the difference of two uniform variables: a
 * tent of half-width s_a. So the energy in the target voxel is {@code sum_s E_s * q_s(o)}, where q_s(o) is the
 * probability that a point drawn uniformly in shell s lands in the target voxel's tent, and a point t weighs into
 * offset o by {@code prod_a max(0, 1 - |t_a/s_a - o_a|)}: the trilinear (cloud-in-cell) weight. The shell energies
 * are deposited by that rule from points spread evenly over each shell, which is exact up to the shell binning
 * (Dieudonné et al. 2010, J Nucl Med 51:1600, build voxel S values by integrating dose point kernels over voxels in
 * the same spirit).
 *
 * <p>Three zones keep it fast on grids of 256 x 256 x 200 voxels with a kernel reaching the grid's full extent:
 * <ul>
 *   <li>near (shells inside {@code nearRadiusMm}, where the electrons deposit): cloud-in-cell deposition from
 *   points on each shell, at two radii per shell and directions on a spherical Fibonacci lattice spaced at most a
 *   quarter of the smallest voxel side apart;</li>
 *   <li>far shells, offsets close to the near radius: the tent expectation of the piecewise-constant shell
 *   density by product Gauss-Legendre quadrature, 9 points per axis;</li>
 *   <li>far shells, other offsets: the shell density interpolated log-linearly between shell centres, averaged
 *   over the tent with the two-point rule +-s_a/sqrt(6) per axis (exact for cubics: the tent's variance is
 *   s_a^2/6), and beyond 20 voxel diagonals at the centre alone (the error is of order (s/r)^2).</li>
 * </ul>
 */
public final class VoxelIntegration {
    /** Radii per shell in the near zone, at equal steps of r^3 (equal volumes). */
    private static final int RADII_PER_SHELL = 2;
    /** Largest spacing of the direction lattice on a near shell, in units of the smallest voxel side. */
    private static final double LATTICE_SPACING = 0.25;
    private static final int MIN_DIRECTIONS = 64;
    /** Beyond this many voxel diagonals from the source, the far density is taken at the offset's centre. */
    private static final double CENTRE_ONLY_DIAGONALS = 20;

    private VoxelIntegration() {
    }

    /**
     * The octant {@code 0..hx, 0..hy, 0..hz} of the voxel kernel (MeV per decay), index {@code i + (hx+1)*(j +
     * (hy+1)*k)}; the kernel is even in each axis, so the octant is all of it.
     *
     * @param kernel       the radial kernel
     * @param nearRadiusMm shells ending inside this radius are deposited by cloud-in-cell (the electrons' reach);
     *                     the largest shell edge not beyond it is used
     */
    public static double[] integrate(DosePointKernel kernel, double nearRadiusMm, double sx, double sy, double sz,
            int hx, int hy, int hz) {
        if (!(sx > 0 && sy > 0 && sz > 0) || hx < 0 || hy < 0 || hz < 0) {
            throw new IllegalArgumentException("voxel sides must be positive and half-widths >= 0");
        }
        int nearShells = 0;
        while (nearShells < kernel.shells() && kernel.edge(nearShells + 1) <= nearRadiusMm) {
            nearShells++;
        }
        double[] out = new double[(hx + 1) * (hy + 1) * (hz + 1)];
        addNear(kernel, nearShells, sx, sy, sz, hx, hy, hz, out);
        addFar(kernel, nearShells, sx, sy, sz, hx, hy, hz, out);
        return out;
    }

    /** Cloud-in-cell deposition of shells 0..nearShells-1, folded into the octant. */
    private static void addNear(DosePointKernel kernel, int nearShells, double sx, double sy, double sz, int hx, int hy,
            int hz, double[] out) {
        if (nearShells == 0) {
            return;
        }
        double reach = kernel.edge(nearShells);
        int mx = (int) Math.ceil(reach / sx) + 1;
        int my = (int) Math.ceil(reach / sy) + 1;
        int mz = (int) Math.ceil(reach / sz) + 1;
        int wx = 2 * mx + 1;
        int wy = 2 * my + 1;
        int wz = 2 * mz + 1;
        double spacing = LATTICE_SPACING * Math.min(sx, Math.min(sy, sz));
        // Shells are independent: each thread deposits into its own box, summed afterwards.
        double[] box = IntStream.range(0, nearShells).parallel().mapToObj(s -> {
            double[] b = new double[wx * wy * wz];
            double r0 = kernel.edge(s);
            double r1 = kernel.edge(s + 1);
            for (int q = 0; q < RADII_PER_SHELL; q++) {
                double r = Math.cbrt(r0 * r0 * r0 + (q + 0.5) / RADII_PER_SHELL * (r1 * r1 * r1 - r0 * r0 * r0));
                int n = Math.max(MIN_DIRECTIONS, (int) Math.ceil(4 * Math.PI * r * r / (spacing * spacing)));
                double w = kernel.energy(s) / (RADII_PER_SHELL * (double) n);
                // A different azimuthal phase per radius keeps the lattices of neighbouring radii from aligning.
                double phase = 2 * Math.PI * frac((s * RADII_PER_SHELL + q) * 0.7548776662466927);
                for (int d = 0; d < n; d++) {
                    double z = 1 - (2 * d + 1) / (double) n;
                    double rho = Math.sqrt(Math.max(0, 1 - z * z));
                    double phi = d * GOLDEN_ANGLE + phase;
                    deposit(b, r * rho * Math.cos(phi) / sx + mx, r * rho * Math.sin(phi) / sy + my,
                            r * z / sz + mz, wx, wy, w);
                }
            }
            return b;
        }).reduce(new double[wx * wy * wz], (a, b) -> {
            double[] c = a.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] += b[i];
            }
            return c;
        });
        // Fold the full box into the octant, averaging the 2^d mirror images (the kernel is even in each axis).
        for (int k = 0; k <= Math.min(hz, mz); k++) {
            for (int j = 0; j <= Math.min(hy, my); j++) {
                for (int i = 0; i <= Math.min(hx, mx); i++) {
                    double sum = 0;
                    int images = 0;
                    for (int sk = -1; sk <= 1; sk += 2) {
                        for (int sj = -1; sj <= 1; sj += 2) {
                            for (int si = -1; si <= 1; si += 2) {
                                sum += box[(mx + si * i) + wx * ((my + sj * j) + wy * (mz + sk * k))];
                                images++;
                            }
                        }
                    }
                    // Offsets on a mirror plane appear in several images: the average over 8 is still their value.
                    out[i + (hx + 1) * (j + (hy + 1) * k)] += sum / images;
                }
            }
        }
    }

    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

    private static double frac(double x) {
        return x - Math.floor(x);
    }

    /** Trilinear weights of the point (u, v, w), in box index units, to its 8 neighbouring offsets. */
    private static void deposit(double[] b, double u, double v, double w, int wx, int wy, double weight) {
        int i = (int) Math.floor(u);
        int j = (int) Math.floor(v);
        int k = (int) Math.floor(w);
        double fu = u - i;
        double fv = v - j;
        double fw = w - k;
        int base = i + wx * (j + wy * k);
        int sy = wx;
        int sz = wx * wy;
        b[base] += weight * (1 - fu) * (1 - fv) * (1 - fw);
        b[base + 1] += weight * fu * (1 - fv) * (1 - fw);
        b[base + sy] += weight * (1 - fu) * fv * (1 - fw);
        b[base + 1 + sy] += weight * fu * fv * (1 - fw);
        b[base + sz] += weight * (1 - fu) * (1 - fv) * fw;
        b[base + 1 + sz] += weight * fu * (1 - fv) * fw;
        b[base + sy + sz] += weight * (1 - fu) * fv * fw;
        b[base + 1 + sy + sz] += weight * fu * fv * fw;
    }

    /** The far shells' tent expectation at every offset of the octant. */
    private static void addFar(DosePointKernel kernel, int nearShells, double sx, double sy, double sz, int hx, int hy,
            int hz, double[] out) {
        if (nearShells == kernel.shells()) {
            return;
        }
        FarDensity f = new FarDensity(kernel, nearShells, Math.min(sx, Math.min(sy, sz)) / 10);
        double volume = sx * sy * sz;
        double diag = Math.sqrt(sx * sx + sy * sy + sz * sz);
        double exactZone = kernel.edge(nearShells) + 2 * diag;
        double centreZone = Math.max(exactZone, CENTRE_ONLY_DIAGONALS * diag);
        double ax = sx / Math.sqrt(6);
        double ay = sy / Math.sqrt(6);
        double az = sz / Math.sqrt(6);
        double[][] gx = TentQuadrature.points(sx);
        double[][] gy = TentQuadrature.points(sy);
        double[][] gz = TentQuadrature.points(sz);
        IntStream.rangeClosed(0, hz).parallel().forEach(k -> {
            double z = k * sz;
            for (int j = 0; j <= hy; j++) {
                double y = j * sy;
                int row = (hx + 1) * (j + (hy + 1) * k);
                for (int i = 0; i <= hx; i++) {
                    double x = i * sx;
                    double d = Math.sqrt(x * x + y * y + z * z);
                    double e;
                    if (d > centreZone) {
                        e = f.smooth(d);
                    } else if (d > exactZone) {
                        e = 0;
                        for (int c = 0; c < 8; c++) {
                            double px = x + ((c & 1) == 0 ? -ax : ax);
                            double py = y + ((c & 2) == 0 ? -ay : ay);
                            double pz = z + ((c & 4) == 0 ? -az : az);
                            e += f.smooth(Math.sqrt(px * px + py * py + pz * pz));
                        }
                        e /= 8;
                    } else {
                        e = 0;
                        for (double[] qz : gz) {
                            double pz = z + qz[0];
                            for (double[] qy : gy) {
                                double py = y + qy[0];
                                double wyz = qy[1] * qz[1];
                                for (double[] qx : gx) {
                                    double px = x + qx[0];
                                    e += wyz * qx[1] * f.shell(Math.sqrt(px * px + py * py + pz * pz));
                                }
                            }
                        }
                    }
                    out[row + i] += volume * e;
                }
            }
        });
    }
}
