package doseengine.kernels.tally;

/**
 * Energy deposited in spherical shells around a point (dose point kernels), in fixed point, with the escaped
 * and emitted counters of {@link EnergyTally}.
 *
 * <p>Shell {@code b} ({@code 0 <= b < shells()}) holds the deposits whose squared distance from the centre,
 * computed in float as
 * <pre>  dx = x - cx; dy = y - cy; dz = z - cz;  r2 = dx * dx + dy * dy + dz * dz   (left to right, no FMA)</pre>
 * satisfies {@code edgeSq[b] <= r2 < edgeSq[b + 1]}, where {@code edgeSq[b]} is the float nearest to
 * {@code edges[b]^2} (computed in double by the constructor). Deposits with {@code r2 < edgeSq[0]},
 * {@code r2 >= edgeSq[shells()]} or a NaN {@code r2} go to the escaped counter. Comparing squared distances
 * against the table keeps the bin a pure function of the float inputs: no square root (whose rounding OpenCL
 * does not pin down) decides a bin.
 *
 * <p>Bin search: for uniform shells (every edge within 1e-3 widths of {@code edges[0] + b * width}) the shell
 * is guessed as {@code (int) ((sqrt(r2) - edges[0]) / width)} and corrected by comparisons against
 * {@code edgeSq}: O(1), normally zero or one correction. For non-uniform shells it is a binary search over
 * {@code edgeSq}: O(log2 shells), 10 comparisons for 1000 shells. Both give the bin defined above exactly.
 *
 * <p>Device twin: {@code include/tally.clh}: {@code radial_shells}, {@code radial_shell_squared_radius},
 * {@code radial_shell_of_squared_radius}, {@code radial_shell_deposit}.
 */
public final class RadialShellTally extends EnergyTally {
    private final float[] edges;
    private final float[] edgeSq;
    private final float cx, cy, cz;
    private final boolean uniform;
    private final float r0, inverseWidth;

    /**
     * @param edgesCm shell radii in cm, strictly increasing, {@code edgesCm[0] >= 0}, at least two
     * @param cx centre, in the transport's frame (cm)
     */
    public RadialShellTally(float[] edgesCm, float cx, float cy, float cz) {
        super(checkedShells(edgesCm));
        this.edges = edgesCm.clone();
        int n = edges.length - 1;
        this.edgeSq = new float[n + 1];
        for (int b = 0; b <= n; b++) {
            edgeSq[b] = (float) ((double) edges[b] * edges[b]);
            if (b > 0 && !(edgeSq[b] > edgeSq[b - 1])) {
                throw new IllegalArgumentException("shell edges " + edges[b - 1] + " and " + edges[b]
                        + " cm are too close: their squares round to the same float");
            }
        }
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        double width = ((double) edges[n] - edges[0]) / n;
        boolean u = true;
        for (int b = 0; b <= n; b++) {
            if (Math.abs(edges[b] - (edges[0] + b * width)) > 1e-3 * width) {
                u = false;
                break;
            }
        }
        this.uniform = u;
        this.r0 = edges[0];
        this.inverseWidth = (float) (1.0 / width);
    }

    public int shells() { return bins(); }

    /** The shell radii in cm (a copy). */
    public float[] edgesCm() { return edges.clone(); }

    /** The float squared radii the bins are decided by (a copy). */
    public float[] edgesSquaredCm2() { return edgeSq.clone(); }

    public boolean isUniform() { return uniform; }

    /** 1 / shell width (1/cm) that the uniform search guesses the shell with; meaningful for uniform shells. */
    public float inverseWidthPerCm() { return inverseWidth; }

    public float centreX() { return cx; }
    public float centreY() { return cy; }
    public float centreZ() { return cz; }

    /** Adds {@code energyMeV} deposited at (x, y, z) cm to its shell, or to escaped outside the shells. */
    public void deposit(float x, float y, float z, float energyMeV) {
        float dx = x - cx;
        float dy = y - cy;
        float dz = z - cz;
        depositAtSquaredRadius(dx * dx + dy * dy + dz * dz, energyMeV);
    }

    /** Bins by the position; the voxel is not needed. */
    @Override
    public void deposit(int voxel, float x, float y, float z, float energyMeV) {
        deposit(x, y, z, energyMeV);
    }

    /**
     * Adds {@code energyMeV} deposited at squared distance {@code r2} (cm2) from the centre, for a transport
     * that tracks the radius itself (a point source at its origin): the bin rule is the same.
     */
    public void depositAtSquaredRadius(float r2, float energyMeV) {
        int b = shellOfSquaredRadius(r2);
        add(b < 0 ? escapedSlot() : b, energyMeV);
    }

    /** The shell holding squared radius {@code r2} (cm2), or -1 when it lies outside every shell or is NaN. */
    public int shellOfSquaredRadius(float r2) {
        int n = edgeSq.length - 1;
        if (!(r2 >= edgeSq[0]) || r2 >= edgeSq[n]) {
            return -1;
        }
        int b;
        if (uniform) {
            b = (int) (((float) Math.sqrt(r2) - r0) * inverseWidth);
            if (b < 0) {
                b = 0;
            } else if (b > n - 1) {
                b = n - 1;
            }
            // The guess is off by at most one bin for sane widths; the loops make the result exact regardless.
            while (r2 < edgeSq[b]) {
                b--;
            }
            while (r2 >= edgeSq[b + 1]) {
                b++;
            }
        } else {
            int lo = 0, hi = n; // invariant: edgeSq[lo] <= r2 < edgeSq[hi]
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (r2 >= edgeSq[mid]) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            b = lo;
        }
        return b;
    }

    private static int checkedShells(float[] edges) {
        if (edges == null || edges.length < 2) {
            throw new IllegalArgumentException("radial shells need at least two edges");
        }
        for (int b = 0; b < edges.length; b++) {
            if (!Float.isFinite(edges[b]) || edges[b] < 0 || (b > 0 && !(edges[b] > edges[b - 1]))) {
                throw new IllegalArgumentException("shell edges must be finite, >= 0 and strictly increasing; edge "
                        + b + " is " + edges[b] + " cm");
            }
        }
        return edges.length - 1;
    }
}
