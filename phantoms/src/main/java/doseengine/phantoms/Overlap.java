package doseengine.phantoms;

/** How a shape meets an axis-aligned box (a voxel): wholly outside, wholly inside, or cut by the surface. */
public enum Overlap {
    OUTSIDE,
    INSIDE,
    /** The surface may cross the box; also the safe answer whenever a shape cannot decide cheaply. */
    PARTIAL
}
