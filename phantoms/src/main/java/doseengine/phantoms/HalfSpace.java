package doseengine.phantoms;

/** The points p with n . p <= offset (mm): one side of a plane, used to cut other shapes. */
public record HalfSpace(double nx, double ny, double nz, double offset) implements Shape {
    public HalfSpace {
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (!(len > 0) || !Double.isFinite(len) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("half-space needs a finite non-zero normal and a finite offset");
        }
    }

    /** The points with y <= value. */
    public static HalfSpace yAtMost(double value) {
        return new HalfSpace(0, 1, 0, value);
    }

    /** The points with y >= value. */
    public static HalfSpace yAtLeast(double value) {
        return new HalfSpace(0, -1, 0, -value);
    }

    @Override
    public boolean contains(double x, double y, double z) {
        return nx * x + ny * y + nz * z <= offset;
    }

    @Override
    public Overlap classify(double x0, double y0, double z0, double x1, double y1, double z1) {
        // A linear function takes its extremes on the box corners: pick per axis the corner by the normal's sign.
        double min = nx * (nx > 0 ? x0 : x1) + ny * (ny > 0 ? y0 : y1) + nz * (nz > 0 ? z0 : z1);
        double max = nx * (nx > 0 ? x1 : x0) + ny * (ny > 0 ? y1 : y0) + nz * (nz > 0 ? z1 : z0);
        if (min > offset) {
            return Overlap.OUTSIDE;
        }
        return max <= offset ? Overlap.INSIDE : Overlap.PARTIAL;
    }

    @Override
    public double[] bounds() {
        double inf = Double.POSITIVE_INFINITY;
        return new double[] {-inf, -inf, -inf, inf, inf, inf};
    }
}
