package doseengine.kernels.electron;

import doseengine.kernels.UniformSource;

/**
 * The soft energy loss of one condensed-history step with straggling: a random loss with the step's mean w (from
 * the restricted range table) and variance Omega^2 = s Omega_s^2 (s the mass path, Omega_s^2 the table's
 * {@code SOFT_STRAGGLING}). The distribution is PENELOPE's (Salvat, Fernandez-Varea, Sempau, PENELOPE-2008 manual,
 * OECD/NEA 2009, section 4.2, energy-loss straggling of soft events); only its first two moments are physical, its
 * shape is chosen to be cheap and to keep the loss non-negative:
 * <ul>
 *   <li>w^2 &gt; 9 Omega^2: Gaussian of mean w and standard deviation Omega, truncated to (0, 2w) by redrawing
 *       (symmetric, so the mean stays w; at least 3 standard deviations wide, so the variance is 0.97 Omega^2 or
 *       more). Box-Muller from two uniforms per try.</li>
 *   <li>3 Omega^2 &lt; w^2 &lt;= 9 Omega^2: uniform in (w - sqrt(3) Omega, w + sqrt(3) Omega), one uniform.</li>
 *   <li>w^2 &lt;= 3 Omega^2: 0 with probability 1 - a, else uniform in (0, W0), W0 = 3 (Omega^2 + w^2) / (2 w),
 *       a = 2 w / W0: mean w and second moment Omega^2 + w^2 exactly. One uniform u: the loss is W0 u / a when
 *       u &lt; a (then u / a is uniform in [0, 1)), else 0.</li>
 * </ul>
 * Float arithmetic, no allocation; {@code include/straggling.clh} has the twin {@code straggling_sample_loss} with the
 * same operations and draws in the same order (log and cos may differ by their few ulp).
 *
 * <p>Device twin: {@code include/straggling.clh}: {@code straggling_sample_loss}, {@code straggling_max_loss},
 * {@code straggling_standard_normal}.
 */
public final class EnergyLossStraggling {
    /** (float) sqrt(3). */
    static final float SQRT3 = 1.7320508f;
    /** (float) (2 pi), as Directions.TWO_PI. */
    static final float TWO_PI = (float) (2 * Math.PI);

    private EnergyLossStraggling() {}

    /**
     * @param meanLoss w (MeV), the mean soft loss of the step
     * @param variance Omega^2 (MeV^2), its variance
     * @return a loss (MeV), never negative; the mean loss itself, without a draw, when w or Omega^2 is not positive
     */
    public static float sampleLoss(float meanLoss, float variance, UniformSource rng) {
        float w = meanLoss;
        if (!(w > 0f) || !(variance > 0f)) {
            return w > 0f ? w : 0f;
        }
        float w2 = w * w;
        if (w2 > 9f * variance) {
            float sd = (float) Math.sqrt(variance);
            float upper = 2f * w;
            while (true) {
                float loss = w + sd * standardNormal(rng.nextFloat(), rng.nextFloat());
                if (loss > 0f && loss < upper) {
                    return loss;
                }
            }
        }
        if (w2 > 3f * variance) {
            float halfWidth = SQRT3 * (float) Math.sqrt(variance);
            return w + halfWidth * (2f * rng.nextFloat() - 1f);
        }
        float w0 = 3f * (variance + w2) / (2f * w);
        float a = 2f * w / w0;
        float u = rng.nextFloat();
        return u < a ? w0 * (u / a) : 0f;
    }

    /**
     * The largest loss {@link #sampleLoss} can return for mean w and variance Omega^2, or for any shorter step
     * of the same electron (w and Omega^2 both scaled down by the same factor): max(2 w, W0) with
     * W0 = 3 (Omega^2 + w^2) / (2 w). The transport takes its hard-event majorant down to E - maxLoss, as
     * PENELOPE's JUMP does for the lower end of its step's energy interval.
     */
    public static float maxLoss(float meanLoss, float variance) {
        float w = meanLoss;
        if (!(w > 0f)) {
            return 0f;
        }
        float w0 = 3f * (variance + w * w) / (2f * w);
        float twice = 2f * w;
        return w0 > twice ? w0 : twice;
    }

    /**
     * A standard normal deviate from two uniforms in [0, 1) (Box and Muller, Ann. Math. Statist. 29 (1958) 610):
     * sqrt(-2 ln(1 - u1)) cos(2 pi u2); 1 - u1 lies in (0, 1], so the logarithm is finite.
     */
    public static float standardNormal(float u1, float u2) {
        return (float) Math.sqrt(-2f * (float) Math.log(1f - u1)) * (float) Math.cos(TWO_PI * u2);
    }
}
