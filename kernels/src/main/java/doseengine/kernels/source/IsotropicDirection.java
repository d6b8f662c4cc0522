package doseengine.kernels.source;

import doseengine.kernels.UniformSource;

/**
 * Isotropic unit directions from two uniforms: {@code w = cos(theta)} uniform on (-1, 1) and
 * {@code phi = 2 pi u2} (the standard inversion, e.g. PENELOPE 2018 manual, Sect. 1.2.1).
 *
 * <p>In float: {@code w = (1 - 2 u1) - 2^-24}. Both steps are exact for {@code u1 = k * 2^-24}, and the 2^24
 * values of {@code w} are the midpoints {@code -1 + (2m + 1) * 2^-24}, symmetric about 0: their mean is
 * exactly 0 and neither pole is ever drawn. Then {@code s = sqrt(max(0, 1 - w*w))}, {@code u = s cos(phi)},
 * {@code v = s sin(phi)}; the norm is 1 within a few float ulps.
 *
 * <p>Device twin: {@code include/source.clh}: {@code isotropic_direction_sample}.
 */
public final class IsotropicDirection {
    private static final float TWO_PI = (float) (2 * Math.PI);

    private IsotropicDirection() {}

    /** Writes (u, v, w) into {@code direction[0..2]}, drawing u1 (for w) then u2 (for phi). */
    public static void sample(UniformSource rng, float[] direction) {
        float w = (1f - 2f * rng.nextFloat()) - 0x1p-24f;
        float phi = TWO_PI * rng.nextFloat();
        float s = (float) Math.sqrt(Math.max(0f, 1f - w * w));
        direction[0] = s * (float) Math.cos(phi);
        direction[1] = s * (float) Math.sin(phi);
        direction[2] = w;
    }
}
