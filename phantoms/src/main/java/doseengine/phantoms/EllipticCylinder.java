package doseengine.phantoms;

/**
 * A right cylinder along z with an elliptical cross-section (a circle when both semi-axes agree): centre of
 * the cross-section, semi-axes along x and y, and the z extent (mm).
 */
public record EllipticCylinder(double cx, double cy, double ax, double ay, double zMin, double zMax)
        implements Shape {
    public EllipticCylinder {
        Shapes.requirePositive("cylinder semi-axis x", ax);
        Shapes.requirePositive("cylinder semi-axis y", ay);
        if (!(zMax > zMin) || !Double.isFinite(zMin) || !Double.isFinite(zMax)) {
            throw new IllegalArgumentException("cylinder z extent must be finite with zMax > zMin, got "
                    + zMin + " .. " + zMax);
        }
    }

    /** A circular cylinder along z. */
    public static EllipticCylinder circular(double cx, double cy, double radius, double zMin, double zMax) {
        return new EllipticCylinder(cx, cy, radius, radius, zMin, zMax);
    }

    /** Volume in mm3. */
    public double volumeMm3() {
        return Math.PI * ax * ay * (zMax - zMin);
    }

    @Override
    public boolean contains(double x, double y, double z) {
        if (z < zMin || z > zMax) {
            return false;
        }
        double u = (x - cx) / ax, v = (y - cy) / ay;
        return u * u + v * v <= 1.0;
    }

    @Override
    public Overlap classify(double x0, double y0, double z0, double x1, double y1, double z1) {
        if (z1 < zMin || z0 > zMax) {
            return Overlap.OUTSIDE;
        }
        Overlap disc = Shapes.unitDisc((x0 - cx) / ax, (y0 - cy) / ay, (x1 - cx) / ax, (y1 - cy) / ay);
        if (disc == Overlap.INSIDE && (z0 < zMin || z1 > zMax)) {
            return Overlap.PARTIAL;
        }
        return disc;
    }

    @Override
    public double[] bounds() {
        return new double[] {cx - ax, cy - ay, zMin, cx + ax, cy + ay, zMax};
    }
}
