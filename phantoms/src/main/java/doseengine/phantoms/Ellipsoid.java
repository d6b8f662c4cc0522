package doseengine.phantoms;

/** An ellipsoid with axes along x, y and z: centre and the three semi-axes (mm). */
public record Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) implements Shape {
    public Ellipsoid {
        Shapes.requirePositive("ellipsoid semi-axis x", ax);
        Shapes.requirePositive("ellipsoid semi-axis y", ay);
        Shapes.requirePositive("ellipsoid semi-axis z", az);
    }

    /** Volume in mm3. */
    public double volumeMm3() {
        return 4.0 / 3.0 * Math.PI * ax * ay * az;
    }

    @Override
    public boolean contains(double x, double y, double z) {
        double u = (x - cx) / ax, v = (y - cy) / ay, w = (z - cz) / az;
        return u * u + v * v + w * w <= 1.0;
    }

    @Override
    public Overlap classify(double x0, double y0, double z0, double x1, double y1, double z1) {
        // Scaling each axis maps the ellipsoid onto the unit ball and the box onto a box: the test stays exact.
        return Shapes.unitBall(
                (x0 - cx) / ax, (y0 - cy) / ay, (z0 - cz) / az, (x1 - cx) / ax, (y1 - cy) / ay, (z1 - cz) / az);
    }

    @Override
    public double[] bounds() {
        return new double[] {cx - ax, cy - ay, cz - az, cx + ax, cy + ay, cz + az};
    }
}
