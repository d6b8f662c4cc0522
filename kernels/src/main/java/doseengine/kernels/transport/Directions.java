package doseengine.kernels.transport;

/**
 * Turning a direction by a polar angle theta and an azimuth phi about itself, the one rotation every interaction
 * uses (PENELOPE-2008 manual, Salvat, Fernandez-Varea and Sempau, OECD/NEA 2009, chapter 1, its subroutine
 * DIRECT; EGS4's UPHI):
 * <pre>
 *   u' = u cos(theta) + sin(theta) (u w cos(phi) - v sin(phi)) / sqrt(1 - w^2)
 *   v' = v cos(theta) + sin(theta) (v w cos(phi) + u sin(phi)) / sqrt(1 - w^2)
 *   w' = w cos(theta) - sqrt(1 - w^2) sin(theta) cos(phi)
 * </pre>
 * with 1 - w^2 computed as u^2 + v^2 (exact to rounding near the poles, where 1 - w^2 in float would lose most
 * digits), and, along the w axis, u' = sin(theta) cos(phi), v' = sin(theta) sin(phi), w' = w cos(theta). The
 * result is renormalised, so float rounding does not accumulate over the thousands of deflections of a track. Float arithmetic, no allocation.
 *
 * <p>Device twin: {@code include/directions.clh}: {@code directions_rotate}, {@code directions_sin_from_cos},
 * {@code directions_sin_from_one_minus_cos} (and {@code directions_turn}, {@code directions_turn_by_deflection},
 * the turns of {@code PhotonTransport} and {@code ElectronTransport}).
 */
final class Directions {
    static final float TWO_PI = (float) (2 * Math.PI);

    private Directions() {}

    /**
     * Writes into {@code out[0..2]} the unit vector at polar angle theta (given by its cosine and sine) and azimuth
     * phi (its cosine and sine) from (u, v, w). The inputs are values, so a caller may pass the components of the
     * direction it holds and read the new one from {@code out}.
     */
    static void rotate(float u, float v, float w, float cosTheta, float sinTheta, float cosPhi, float sinPhi,
                       float[] out) {
        // u^2 + v^2 rather than 1 - w^2: near the poles it keeps full relative precision in float.
        float rho2 = u * u + v * v;
        float nu;
        float nv;
        float nw;
        if (rho2 > 1e-12f) {
            float rho = (float) Math.sqrt(rho2);
            float a = sinTheta / rho;
            nu = u * cosTheta + a * (u * w * cosPhi - v * sinPhi);
            nv = v * cosTheta + a * (v * w * cosPhi + u * sinPhi);
            nw = w * cosTheta - rho * sinTheta * cosPhi;
        } else {
            nu = sinTheta * cosPhi;
            nv = sinTheta * sinPhi;
            nw = w * cosTheta;
        }
        float inverseNorm = 1f / (float) Math.sqrt(nu * nu + nv * nv + nw * nw);
        out[0] = nu * inverseNorm;
        out[1] = nv * inverseNorm;
        out[2] = nw * inverseNorm;
    }

    /** sin(theta) from 1 - cos(theta), exact for small angles: sqrt(x (2 - x)). */
    static float sinFromOneMinusCos(float x) {
        float s = x * (2f - x);
        return s > 0f ? (float) Math.sqrt(s) : 0f;
    }

    /** sin(theta) from cos(theta). */
    static float sinFromCos(float c) {
        float s = 1f - c * c;
        return s > 0f ? (float) Math.sqrt(s) : 0f;
    }
}
