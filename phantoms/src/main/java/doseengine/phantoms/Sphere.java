package doseengine.phantoms;

/** A sphere given by its centre and radius (mm). */
public record Sphere(double cx, double cy, double cz, double radius) implements Shape {
    public Sphere {
        Shapes.requirePositive("sphere radius", radius);
    }

    /** Volume in mm3. */
    public double volumeMm3() {
        return 4.0 / 3.0 * Math.PI * radius * radius * radius;
    }

    @Override
    public boolean contains(double x, double y, double z) {
        double dx = x - cx, dy = y - cy, dz = z - cz;
        return dx * dx + dy * dy + dz * dz <= radius * radius;
    }

    @Override
    public Overlap classify(double x0, double y0, double z0, double x1, double y1, double z1) {
        double r = radius;
        return Shapes.unitBall(
                (x0 - cx) / r, (y0 - cy) / r, (z0 - cz) / r, (x1 - cx) / r, (y1 - cy) / r, (z1 - cz) / r);
    }

    @Override
    public double[] bounds() {
        return new double[] {cx - radius, cy - radius, cz - radius, cx + radius, cy + radius, cz + radius};
    }
}
