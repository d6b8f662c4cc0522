package doseengine.dosimetry.gamma;

import doseengine.geometry.BadInputException;
import java.util.function.IntPredicate;

/**
 * The gamma index per voxel of the reference grid, as {@link GammaIndex} computed it, and pass rates.
 *
 * <p>{@code gamma[v]} (flat index {@code i + nx*(j + ny*k)}) is NaN where the voxel was not evaluated (below the
 * low-dose threshold, or a zero reference dose under local normalisation), and equal to the cap where no evaluated
 * point within {@code cap x DTA} gave a gamma below the cap: there it means "at least the cap". A voxel passes when
 * its gamma is at most 1.
 */
public final class GammaMap {
    private final float[] gamma;
    private final int nx, ny, nz;
    private final GammaCriteria criteria;
    private final double cap;
    private final double referenceMax;
    private final int evaluated, passed;

    GammaMap(float[] gamma, int nx, int ny, int nz, GammaCriteria criteria, double cap, double referenceMax) {
        this.gamma = gamma;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.criteria = criteria;
        this.cap = cap;
        this.referenceMax = referenceMax;
        int e = 0, p = 0;
        for (float g : gamma) {
            if (!Float.isNaN(g)) {
                e++;
                p += g <= 1 ? 1 : 0;
            }
        }
        this.evaluated = e;
        this.passed = p;
    }

    /** The gamma values (not a copy), NaN where not evaluated, the cap where at least the cap. */
    public float[] gamma() { return gamma; }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }
    public GammaCriteria criteria() { return criteria; }
    public double cap() { return cap; }

    /** The reference's maximum dose: the global normalisation and the base of the threshold. */
    public double referenceMax() { return referenceMax; }

    /** Number of voxels evaluated. */
    public int evaluatedCount() { return evaluated; }

    /** Fraction of the evaluated voxels with gamma at most 1; NaN when none was evaluated. */
    public double passRate() {
        return evaluated == 0 ? Double.NaN : (double) passed / evaluated;
    }

    /**
     * Fraction of the evaluated voxels inside a mask (a region's voxels, by flat index) with gamma at most 1; NaN when
     * the mask holds no evaluated voxel.
     */
    public double passRate(IntPredicate inMask) {
        int e = 0, p = 0;
        for (int v = 0; v < gamma.length; v++) {
            if (!Float.isNaN(gamma[v]) && inMask.test(v)) {
                e++;
                p += gamma[v] <= 1 ? 1 : 0;
            }
        }
        return e == 0 ? Double.NaN : (double) p / e;
    }

    /** As {@link #passRate(IntPredicate)} for a mask given as one flag per voxel. */
    public double passRate(boolean[] mask) {
        if (mask.length != gamma.length) {
            throw new BadInputException("gamma mask has " + mask.length + " voxels; the grid has " + gamma.length);
        }
        return passRate(v -> mask[v]);
    }
}
