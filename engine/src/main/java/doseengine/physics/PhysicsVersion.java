package doseengine.physics;

/**
 * The version of the engine's physics: what a result computed today shares with one computed by another build.
 * Anything stored from a transport and read back later (the fast methods' kernels, cached on disk) is keyed by it.
 *
 * <p>Raise {@link #ID} with every change that alters transported results beyond their statistics: cross-section
 * or decay data, material compositions, sampling methods, step or boundary handling, default cutoffs. A change
 * that only makes the same answer faster keeps it.
 */
public final class PhysicsVersion {
    /** The physics of this build. */
    public static final String ID = "2026.12-1";

    private PhysicsVersion() {
    }
}
