package doseengine.phantoms;

/** Box tests against the unit ball and unit disc, shared by the quadric shapes, and argument checks. */
final class Shapes {
    private Shapes() {
    }

    /** Exact overlap of the box [x0,x1]x[y0,y1]x[z0,z1] with the unit ball centred on the origin. */
    static Overlap unitBall(double x0, double y0, double z0, double x1, double y1, double z1) {
        double near = sq(gap(x0, x1)) + sq(gap(y0, y1)) + sq(gap(z0, z1));
        if (near > 1.0) {
            return Overlap.OUTSIDE;
        }
        double far = sq(reach(x0, x1)) + sq(reach(y0, y1)) + sq(reach(z0, z1));
        return far <= 1.0 ? Overlap.INSIDE : Overlap.PARTIAL;
    }

    /** Exact overlap of the rectangle [x0,x1]x[y0,y1] with the unit disc centred on the origin. */
    static Overlap unitDisc(double x0, double y0, double x1, double y1) {
        double near = sq(gap(x0, x1)) + sq(gap(y0, y1));
        if (near > 1.0) {
            return Overlap.OUTSIDE;
        }
        double far = sq(reach(x0, x1)) + sq(reach(y0, y1));
        return far <= 1.0 ? Overlap.INSIDE : Overlap.PARTIAL;
    }

    static void requirePositive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + value + " mm");
        }
    }

    /** Distance from 0 to the interval [lo, hi] (0 when it holds 0). */
    private static double gap(double lo, double hi) {
        return lo > 0 ? lo : (hi < 0 ? -hi : 0.0);
    }

    /** Largest |t| over the interval [lo, hi]. */
    private static double reach(double lo, double hi) {
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    private static double sq(double v) {
        return v * v;
    }
}
