package doseengine.kernels.transport;

/**
 * Optional per-particle events of the Java kernel, for validation (uncollided photon fluence, electron path
 * lengths). The kernel calls it only when a particle leaves the grid or an electron track ends, never per step;
 * with no observer the kernel makes no call at all. Implementations must be thread-safe when the kernel runs on
 * several threads. Not part of the OpenCL contract.
 */
public interface TransportObserver {
    /**
     * A particle crossed the outer surface of the grid.
     *
     * @param type         {@link doseengine.kernels.ParticleType} code
     * @param energyMeV    its kinetic energy
     * @param x            position (cm) where it was found outside the grid (photons: the end of the flight that
     *                     left; electrons: on the outer face)
     * @param u            direction
     * @param interactions real interactions of this particle since it was created (photons: Rayleigh, Compton,
     *                     photoelectric, pair; electrons and positrons: hard events)
     */
    default void escaped(int type, float energyMeV, float x, float y, float z, float u, float v, float w,
                         int interactions) {
    }

    /**
     * An electron or positron track ended, absorbed below the cutoff or at the grid's surface.
     *
     * @param pathCm total path length of the track (cm)
     * @param steps  condensed-history steps it took
     * @param x      where it ended (cm)
     */
    default void electronTrackEnded(int type, float pathCm, int steps, float x, float y, float z) {
    }
}
