package doseengine.kernels;

/**
 * Samples the particles emitted in one nuclear decay from a nuclide's {@link EmissionArrays} (DESIGN.md 3.1):
 * one beta from the spectrum by inverse CDF, and every line of yield y emitted floor(y) times plus once more
 * with probability y - floor(y), each line independently of the others. Directions and positions are not its
 * business. The OpenCL twin follows the same steps on the same arrays; {@code doseengine/kernels/TABLES.md},
 * section "Emission table", is the reference for both.
 *
 * <p><b>Beta.</b> One uniform u. The guide table gives the interval to start from, {@code k = betaGuide[(int)
 * (u G)]}, and a short forward search finds the interval with {@code cdf[k] <= u < cdf[k+1]} (about one step on
 * average when G is close to M). Inside it the density is linear from f0 to f1, and the fraction
 * {@code w = (u - cdf[k]) / (cdf[k+1] - cdf[k])} is inverted exactly:
 * {@code t = w (f0 + f1) / (f0 + sqrt((1 - w) f0^2 + w f1^2))}, {@code E = E_k + t (E_k+1 - E_k)}. The form
 * has no cancellation (the root's argument is a sum of non-negative terms) and covers f0 = 0 (t = sqrt(w)) and
 * f1 = 0 (t = 1 - sqrt(1 - w)).
 *
 * <p><b>Lines.</b> The chance lines are independent Bernoulli trials, but trying each would cost one uniform
 * per line per decay (189 lines for I-131, most with yields below 1e-3). Instead the sampler skips: standing at
 * line i with q = p_i (the largest p left, as the list is sorted), the number of lines before the next success
 * of Bernoulli(q) trials is geometric, G = floor(ln(1 - u) / ln(1 - q)); the line j = i + G found that way is
 * kept with probability p_j / q (thinning), and the walk restarts at j + 1 with q = p_j+1. Each line is then
 * emitted with probability exactly p_j, independently of the others, and a decay costs about two uniforms per
 * candidate instead of one per line (thinning: Lewis and Shedler, Naval Res. Logist. Q. 26 (1979) 403; the
 * geometric gap by inversion: Devroye, Non-Uniform Random Variate Generation, 1986).
 *
 * <p>The logarithm and the square root are where the two backends may differ in the last bit of a float.
 * Pure and allocation-free: {@link #sampleDecay} writes into buffers the caller provides, at least
 * {@link #maxEmissionsPerDecay()} long. Immutable and safe to share between threads.
 *
 * <p>Device twin: {@code include/emission.clh}: {@code emission_sample_beta}, {@code emission_cursor_init},
 * {@code emission_next} (one particle per call), {@code emission_max_per_decay}.
 */
public final class EmissionSampler {
    private final float[] betaEnergyMeV;
    private final float[] betaCdf;
    private final float[] betaDensity;
    private final int[] betaGuide;
    private final int[] fixedType;
    private final float[] fixedEnergyMeV;
    private final int[] chanceType;
    private final float[] chanceEnergyMeV;
    private final float[] chanceProbability;
    private final float[] chanceLogComplement;
    private final int maxEmissions;

    /** Works on a private copy of the arrays. */
    public EmissionSampler(EmissionArrays arrays) {
        EmissionArrays a = arrays.copy();
        this.betaEnergyMeV = a.betaEnergyMeV();
        this.betaCdf = a.betaCdf();
        this.betaDensity = a.betaDensity();
        this.betaGuide = a.betaGuide();
        this.fixedType = a.fixedType();
        this.fixedEnergyMeV = a.fixedEnergyMeV();
        this.chanceType = a.chanceType();
        this.chanceEnergyMeV = a.chanceEnergyMeV();
        this.chanceProbability = a.chanceProbability();
        this.chanceLogComplement = a.chanceLogComplement();
        this.maxEmissions = a.maxEmissionsPerDecay();
    }

    /** The most particles one decay can emit: the size the output buffers must have. */
    public int maxEmissionsPerDecay() {
        return maxEmissions;
    }

    /**
     * Samples one decay. Writes the particle code and kinetic energy (MeV) of each emitted particle into
     * {@code type[n]} and {@code energyMeV[n]} for n = 0, 1, ... in the order beta, fixed lines, chance lines,
     * and returns how many were written.
     *
     * @throws IllegalArgumentException when a buffer is shorter than {@link #maxEmissionsPerDecay()}
     */
    public int sampleDecay(UniformSource rng, int[] type, float[] energyMeV) {
        if (type.length < maxEmissions || energyMeV.length < maxEmissions) {
            throw new IllegalArgumentException("emission buffers hold " + Math.min(type.length, energyMeV.length)
                    + " entries, a decay of this table may emit " + maxEmissions);
        }
        int n = 0;
        if (betaEnergyMeV.length > 0) {
            type[n] = ParticleType.ELECTRON;
            energyMeV[n] = sampleBeta(rng.nextFloat());
            n++;
        }
        for (int f = 0; f < fixedType.length; f++) {
            type[n] = fixedType[f];
            energyMeV[n] = fixedEnergyMeV[f];
            n++;
        }
        int lines = chanceType.length;
        int i = 0;
        while (i < lines) {
            float skip = (float) Math.log(1.0f - rng.nextFloat()) / chanceLogComplement[i];
            if (!(skip < lines - i)) {
                break; // the next Bernoulli(p_i) success falls beyond the last line
            }
            int j = i + (int) skip;
            if (j == i || rng.nextFloat() * chanceProbability[i] < chanceProbability[j]) {
                type[n] = chanceType[j];
                energyMeV[n] = chanceEnergyMeV[j];
                n++;
            }
            i = j + 1;
        }
        return n;
    }

    /**
     * The beta kinetic energy (MeV) at cumulative probability u in [0, 1): the table's inverse CDF.
     *
     * @throws ArrayIndexOutOfBoundsException when the table has no beta
     */
    public float sampleBeta(float u) {
        int k = betaGuide[(int) (u * betaGuide.length)];
        while (u >= betaCdf[k + 1]) {
            k++;
        }
        float w = (u - betaCdf[k]) / (betaCdf[k + 1] - betaCdf[k]);
        float f0 = betaDensity[k];
        float f1 = betaDensity[k + 1];
        float numerator = w * (f0 + f1);
        float t = numerator > 0 ? numerator / (f0 + (float) Math.sqrt((1 - w) * f0 * f0 + w * f1 * f1)) : 0f;
        return betaEnergyMeV[k] + Math.min(t, 1f) * (betaEnergyMeV[k + 1] - betaEnergyMeV[k]);
    }
}
