package doseengine.physics.photon;

import doseengine.geometry.BadInputException;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;

/**
 * The Woodcock (delta-tracking) majorant of a voxel grid per energy bin of the photon tables: the largest
 * total mu/rho that the kernels' lookup returns anywhere in the bin, for each material present, times the
 * largest density of that material in the grid, maximised over materials. Because the table interpolates
 * log-log between nodes, mu is monotonic on every segment, so its maximum over a bin is attained at a node
 * inside the bin (both sides of an edge included) or at a bin end: the majorant is exact, not sampled.
 *
 * <p>Two margins keep it a true upper bound of the float lookup: each bin is widened by {@value #BIN_MARGIN}
 * in ln E on both sides (the kernels compute the bin index in float), and the result is multiplied by
 * {@value #ROUNDING_MARGIN} (the float exp and products of the lookup err by a few ulp, below 1e-6).
 */
public final class WoodcockMajorant {
    static final double BIN_MARGIN = 1e-5;
    static final double ROUNDING_MARGIN = 1 + 4e-6;

    private WoodcockMajorant() {}

    /**
     * @param materialIndex per voxel, the material's index in the tables (read as unsigned byte)
     * @param density       per voxel, g/cm3
     * @return [bin] majorant in 1/cm
     */
    public static float[] perBin(PhotonTables tables, byte[] materialIndex, float[] density) {
        double[] maxDensity = maxDensityPerMaterial(tables.materialCount(), materialIndex, density);
        float[] nodeLn = tables.nodeLnEnergy();
        float[] mu = tables.muOverRho();
        float[] slope = tables.logSlope();
        int n = nodeLn.length;
        int bins = tables.binCount();
        double width = (tables.lnEnergyMax() - (double) tables.lnEnergyMin()) / bins;
        float[] out = new float[bins];
        for (int b = 0; b < bins; b++) {
            double lo = tables.lnEnergyMin() + b * width - BIN_MARGIN;
            double hi = tables.lnEnergyMin() + (b + 1) * width + BIN_MARGIN;
            double best = 0;
            for (int m = 0; m < maxDensity.length; m++) {
                if (maxDensity[m] > 0) {
                    int offset = (PhotonProcess.TOTAL.index() * tables.materialCount() + m) * n;
                    best = Math.max(best, maxOverInterval(nodeLn, mu, slope, offset, lo, hi) * maxDensity[m]);
                }
            }
            double v = best * ROUNDING_MARGIN;
            float f = (float) v;
            out[b] = f < v ? Math.nextUp(f) : f;
        }
        return out;
    }

    /** The kernels' majorant object for this grid. */
    public static PhotonMajorant build(PhotonTables tables, PhotonCrossSections crossSections, byte[] materialIndex,
                                       float[] density) {
        return new PhotonMajorant(crossSections, perBin(tables, materialIndex, density));
    }

    /** [material] largest density (g/cm3) of each material in the grid; 0 where it is absent. */
    static double[] maxDensityPerMaterial(int materialCount, byte[] materialIndex, float[] density) {
        if (materialIndex.length != density.length) {
            throw new BadInputException("material grid has " + materialIndex.length + " voxels but density grid has "
                    + density.length);
        }
        double[] max = new double[materialCount];
        for (int v = 0; v < density.length; v++) {
            int m = materialIndex[v] & 0xFF;
            if (m >= materialCount) {
                throw new BadInputException("voxel " + v + " has material index " + m + " but the photon tables hold "
                        + materialCount + " materials");
            }
            float rho = density[v];
            if (!(rho >= 0) || Float.isInfinite(rho)) {
                throw new BadInputException("voxel " + v + " has density " + rho + " g/cm3; it must be finite and >= 0");
            }
            max[m] = Math.max(max[m], rho);
        }
        return max;
    }

    /** Largest interpolated value of one table row on [lo, hi] (ln E), evaluated as the kernels do. */
    private static double maxOverInterval(float[] nodeLn, float[] mu, float[] slope, int offset, double lo,
                                          double hi) {
        int i = lastNodeAtOrBelow(nodeLn, lo);
        double best = interpolate(nodeLn, mu, slope, offset, i, lo);
        while (i + 1 < nodeLn.length && nodeLn[i + 1] <= hi) {
            i++;
            best = Math.max(best, mu[offset + i]);
        }
        return Math.max(best, interpolate(nodeLn, mu, slope, offset, i, hi));
    }

    private static double interpolate(float[] nodeLn, float[] mu, float[] slope, int offset, int i, double x) {
        return mu[offset + i] * Math.exp(slope[offset + i] * (x - nodeLn[i]));
    }

    private static int lastNodeAtOrBelow(float[] nodeLn, double x) {
        int i = 0;
        int lo = 0;
        int hi = nodeLn.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (nodeLn[mid] <= x) {
                i = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return i;
    }
}
