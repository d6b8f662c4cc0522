package doseengine.phantoms;

/** An axis-aligned box given by its corners (mm). */
public record Box(double x0, double y0, double z0, double x1, double y1, double z1) implements Shape {
    public Box {
        if (!(x1 > x0) || !(y1 > y0) || !(z1 > z0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "box corners must be ordered, got (%s, %s, %s) .. (%s, %s, %s)", x0, y0, z0, x1, y1, z1));
        }
    }

    /** A box centred on (cx, cy, cz) with the given half-widths (mm). */
    public static Box centred(double cx, double cy, double cz, double hx, double hy, double hz) {
        return new Box(cx - hx, cy - hy, cz - hz, cx + hx, cy + hy, cz + hz);
    }

    /** Volume in mm3. */
    public double volumeMm3() {
        return (x1 - x0) * (y1 - y0) * (z1 - z0);
    }

    @Override
    public boolean contains(double x, double y, double z) {
        return x >= x0 && x <= x1 && y >= y0 && y <= y1 && z >= z0 && z <= z1;
    }

    @Override
    public Overlap classify(double bx0, double by0, double bz0, double bx1, double by1, double bz1) {
        if (bx1 < x0 || bx0 > x1 || by1 < y0 || by0 > y1 || bz1 < z0 || bz0 > z1) {
            return Overlap.OUTSIDE;
        }
        if (bx0 >= x0 && bx1 <= x1 && by0 >= y0 && by1 <= y1 && bz0 >= z0 && bz1 <= z1) {
            return Overlap.INSIDE;
        }
        return Overlap.PARTIAL;
    }

    @Override
    public double[] bounds() {
        return new double[] {x0, y0, z0, x1, y1, z1};
    }
}
