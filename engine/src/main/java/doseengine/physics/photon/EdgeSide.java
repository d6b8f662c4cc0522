package doseengine.physics.photon;

/**
 * Which value a cross section takes exactly at an absorption edge. The engine's convention is {@link #ABOVE}:
 * a photon with exactly the binding energy can ionise the shell. {@link #BELOW} is the limit from lower
 * energies, used for the lower node of an edge in the tables.
 */
public enum EdgeSide {
    BELOW,
    ABOVE
}
