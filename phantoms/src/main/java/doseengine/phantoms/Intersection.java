package doseengine.phantoms;

import java.util.List;

/** The points inside every part: a shape cut by planes or by another shape. */
public final class Intersection implements Shape {
    private final Shape[] parts;
    private final double[] bounds;

    public Intersection(List<? extends Shape> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an intersection needs at least one part");
        }
        this.parts = parts.toArray(new Shape[0]);
        double inf = Double.POSITIVE_INFINITY;
        double[] b = {-inf, -inf, -inf, inf, inf, inf};
        for (Shape p : this.parts) {
            double[] pb = p.bounds();
            for (int a = 0; a < 3; a++) {
                b[a] = Math.max(b[a], pb[a]);
                b[a + 3] = Math.min(b[a + 3], pb[a + 3]);
            }
        }
        this.bounds = b;
    }

    public static Intersection of(Shape... parts) {
        return new Intersection(List.of(parts));
    }

    @Override
    public boolean contains(double x, double y, double z) {
        for (Shape p : parts) {
            if (!p.contains(x, y, z)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Overlap classify(double x0, double y0, double z0, double x1, double y1, double z1) {
        if (x1 < bounds[0] || y1 < bounds[1] || z1 < bounds[2] || x0 > bounds[3] || y0 > bounds[4] || z0 > bounds[5]) {
            return Overlap.OUTSIDE;
        }
        boolean allInside = true;
        for (Shape p : parts) {
            Overlap o = p.classify(x0, y0, z0, x1, y1, z1);
            if (o == Overlap.OUTSIDE) {
                return Overlap.OUTSIDE;
            }
            allInside &= o == Overlap.INSIDE;
        }
        return allInside ? Overlap.INSIDE : Overlap.PARTIAL;
    }

    @Override
    public double[] bounds() {
        return bounds.clone();
    }
}
