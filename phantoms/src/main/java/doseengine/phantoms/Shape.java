package doseengine.phantoms;

/**
 * A solid in world coordinates (mm, LPS). A shape answers two questions: is a point inside, and how does it
 * meet an axis-aligned box. The second lets the {@link Rasterizer} sample only the voxels that the surface
 * crosses.
 *
 * <p>Contract of {@link #classify}: {@link Overlap#INSIDE} only when every point of the box is inside,
 * {@link Overlap#OUTSIDE} only when no point of the box is inside, {@link Overlap#PARTIAL} otherwise or when
 * undecided. A wrong INSIDE or OUTSIDE would bias partial volumes; an unneeded PARTIAL only costs time.
 */
public interface Shape {
    /** True when (x, y, z) mm is inside or on the surface. */
    boolean contains(double x, double y, double z);

    /** Conservative overlap of the box [x0, x1] x [y0, y1] x [z0, z1] mm (see the class contract). */
    Overlap classify(double x0, double y0, double z0, double x1, double y1, double z1);

    /** Axis-aligned bounds {xmin, ymin, zmin, xmax, ymax, zmax} in mm; infinite for unbounded shapes. */
    double[] bounds();
}
