package doseengine.phantoms;

import java.util.List;

/** The points inside at least one part: a structure made of pieces, such as a column of vertebrae. */
public final class Union implements Shape {
    private final Shape[] parts;
    private final double[] bounds;

    public Union(List<? extends Shape> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a union needs at least one part");
        }
        this.parts = parts.toArray(new Shape[0]);
        double inf = Double.POSITIVE_INFINITY;
        double[] b = {inf, inf, inf, -inf, -inf, -inf};
        for (Shape p : this.parts) {
            double[] pb = p.bounds();
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], pb[a]);
                b[a + 3] = Math.max(b[a + 3], pb[a + 3]);
            }
        }
        this.bounds = b;
    }

    public static Union of(Shape... parts) {
        return new Union(List.of(parts));
    }

    public List<Shape> parts() {
        return List.of(parts);
    }

    @Override
    public boolean contains(double x, double y, double z) {
        if (x < bounds[0] || y < bounds[1] || z < bounds[2] || x > bounds[3] || y > bounds[4] || z > bounds[5]) {
            return false;
        }
        for (Shape p : parts) {
            if (p.contains(x, y, z)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Overlap classify(double x0, double y0, double z0, double x1, double y1, double z1) {
        if (x1 < bounds[0] || y1 < bounds[1] || z1 < bounds[2] || x0 > bounds[3] || y0 > bounds[4] || z0 > bounds[5]) {
            return Overlap.OUTSIDE;
        }
        boolean touched = false;
        for (Shape p : parts) {
            Overlap o = p.classify(x0, y0, z0, x1, y1, z1);
            if (o == Overlap.INSIDE) {
                return Overlap.INSIDE;
            }
            touched |= o == Overlap.PARTIAL;
        }
        // Parts that each cover a piece of the box may together cover all of it: PARTIAL stays the safe answer.
        return touched ? Overlap.PARTIAL : Overlap.OUTSIDE;
    }

    @Override
    public double[] bounds() {
        return bounds.clone();
    }
}
