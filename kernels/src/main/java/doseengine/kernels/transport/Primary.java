package doseengine.kernels.transport;

import doseengine.kernels.ParticleType;

/**
 * One particle to start every history with, instead of a decay: for validation (pencil beams, monoenergetic point
 * sources). See {@link JavaHistoryDriver#runPrimaries}.
 *
 * @param type      {@link ParticleType} code: photon, electron or positron
 * @param energyMeV kinetic energy, (0, 3] MeV (the tables' range)
 * @param x         start position (cm, the transport's frame), inside voxel {@code voxel}
 * @param voxel     flat index of the voxel holding the start position
 * @param u         direction (a unit vector); ignored when {@code isotropic}
 * @param isotropic true: a new isotropic direction per history (two uniforms, the first draws of the history)
 */
public record Primary(int type, float energyMeV, float x, float y, float z, int voxel, float u, float v, float w,
                      boolean isotropic) {
    public Primary {
        if (type != ParticleType.PHOTON && type != ParticleType.ELECTRON && type != ParticleType.POSITRON) {
            throw new IllegalArgumentException("unknown particle type code " + type);
        }
        if (!(energyMeV > 0f && energyMeV <= 3f)) {
            throw new IllegalArgumentException("primary energy must be in (0, 3] MeV, got " + energyMeV);
        }
        if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(z)) {
            throw new IllegalArgumentException("primary position must be finite");
        }
        if (!isotropic) {
            double n = Math.sqrt((double) u * u + (double) v * v + (double) w * w);
            if (!(Math.abs(n - 1) < 1e-5)) {
                throw new IllegalArgumentException("primary direction must be a unit vector, its norm is " + n);
            }
        }
    }

    /** A beam: every history starts with this particle at this point in this direction. */
    public static Primary pencil(int type, float energyMeV, float x, float y, float z, int voxel, float u, float v,
                                 float w) {
        return new Primary(type, energyMeV, x, y, z, voxel, u, v, w, false);
    }

    /** A point source: every history starts here in a new isotropic direction. */
    public static Primary isotropic(int type, float energyMeV, float x, float y, float z, int voxel) {
        return new Primary(type, energyMeV, x, y, z, voxel, 0f, 0f, 1f, true);
    }
}
