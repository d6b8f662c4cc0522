package doseengine.dosimetry.gamma;

import doseengine.geometry.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The points around a reference voxel at which the gamma search interpolates the evaluated dose: a rectangular
 * lattice that divides each voxel spacing {@code s} into {@code m = max(2, ceil(f s / DTA))} equal steps, so that a
 * step is at most {@code DTA / f} and at most half a voxel, limited to the sphere of radius {@code cap x DTA}, and
 * sorted by distance so that the search can stop at the first point farther than the best gamma found.
 *
 * <p>Because the steps divide the spacing, each point is a whole-voxel offset plus the same fractions for every
 * reference voxel: the trilinear weights are computed here once, not per voxel.
 */
final class SearchLattice {
    /** The most points searched around a voxel: 1e6 points take about 100 MB and some ms per failing voxel. */
    static final int MAX_POINTS = 1_000_000;

    /** Squared distance in units of DTA, ascending. */
    final double[] distance2;
    /** Whole-voxel offset of the lower interpolation corner, per axis. */
    final int[] di, dj, dk;
    /** Fraction of a voxel beyond the lower corner, per axis, in [0, 1). */
    final double[] fx, fy, fz;
    /**
     * 1 where the fraction is non-zero, else 0: the upper corner's offset in voxels. A point on the last voxel centre
     * needs no voxel beyond it, so it is inside the grid.
     */
    final int[] ux, uy, uz;
    final int size;
    /** Lattice steps per voxel along x, y, z. */
    final int mx, my, mz;

    SearchLattice(double sx, double sy, double sz, double dtaMm, double cap, int stepsPerDta) {
        mx = stepsPerVoxel(sx, dtaMm, stepsPerDta);
        my = stepsPerVoxel(sy, dtaMm, stepsPerDta);
        mz = stepsPerVoxel(sz, dtaMm, stepsPerDta);
        double hx = sx / mx, hy = sy / my, hz = sz / mz; // step in mm
        double radius = cap * dtaMm;
        int px = (int) Math.floor(radius / hx), py = (int) Math.floor(radius / hy), pz = (int) Math.floor(radius / hz);
        double box = (2.0 * px + 1) * (2.0 * py + 1) * (2.0 * pz + 1);
        if (box * Math.PI / 6 > MAX_POINTS) { // the sphere fills pi/6 of its box
            throw new BadInputException(String.format(Locale.ROOT, "gamma search to %s mm (cap %s x DTA) in steps of "
                    + "%.3g x %.3g x %.3g mm needs about %.3g points per voxel, more than %d; use a smaller DTA or cap",
                    radius, cap, hx, hy, hz, box * Math.PI / 6, MAX_POINTS));
        }
        int[] lp = new int[(int) box], lq = new int[(int) box], lr = new int[(int) box];
        double[] d2 = new double[(int) box];
        int n = 0;
        double limit = cap * cap;
        for (int r = -pz; r <= pz; r++) {
            for (int q = -py; q <= py; q++) {
                for (int p = -px; p <= px; p++) {
                    double x = p * hx / dtaMm, y = q * hy / dtaMm, z = r * hz / dtaMm;
                    double dd = x * x + y * y + z * z;
                    if (dd < limit) { // a point at cap x DTA or beyond cannot give a gamma below the cap
                        d2[n] = dd;
                        lp[n] = p;
                        lq[n] = q;
                        lr[n] = r;
                        n++;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Double.compare(d2[a], d2[b]));
        size = n;
        distance2 = new double[n];
        di = new int[n];
        dj = new int[n];
        dk = new int[n];
        fx = new double[n];
        fy = new double[n];
        fz = new double[n];
        ux = new int[n];
        uy = new int[n];
        uz = new int[n];
        for (int t = 0; t < n; t++) {
            int o = order[t];
            distance2[t] = d2[o];
            int p = lp[o], q = lq[o], r = lr[o];
            di[t] = Math.floorDiv(p, mx);
            dj[t] = Math.floorDiv(q, my);
            dk[t] = Math.floorDiv(r, mz);
            fx[t] = (double) Math.floorMod(p, mx) / mx;
            fy[t] = (double) Math.floorMod(q, my) / my;
            fz[t] = (double) Math.floorMod(r, mz) / mz;
            ux[t] = fx[t] > 0 ? 1 : 0;
            uy[t] = fy[t] > 0 ? 1 : 0;
            uz[t] = fz[t] > 0 ? 1 : 0;
        }
    }

    static int stepsPerVoxel(double spacingMm, double dtaMm, int stepsPerDta) {
        return (int) Math.max(2, Math.ceil(stepsPerDta * spacingMm / dtaMm - 1e-9));
    }
}
