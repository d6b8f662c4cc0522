package doseengine.kernels;

/**
 * The flat arrays of one nuclide's emission table, as the engine builds them ({@code EmissionTable}) and both
 * backends read them ({@link EmissionSampler}, the OpenCL decay kernel). The reference for the layout is
 * {@code doseengine/kernels/TABLES.md}, section "Emission table". Units: MeV; particle codes {@link ParticleType}.
 *
 * <p>Beta spectrum (all four empty when the table emits no beta), M intervals on a fine energy grid:
 * <ul>
 *   <li>{@code betaEnergyMeV[M + 1]}: strictly increasing grid energies, first 0 or more, last the endpoint;</li>
 *   <li>{@code betaCdf[M + 1]}: fraction of the betas below each grid energy; {@code betaCdf[0] = 0},
 *   {@code betaCdf[M] = 1} exactly, non-decreasing;</li>
 *   <li>{@code betaDensity[M + 1]}: the density at each grid energy (per MeV, any common scale: only ratios
 *   within an interval are used); the density is linear in E inside each interval;</li>
 *   <li>{@code betaGuide[G]}, G a power of two: {@code betaGuide[g]} is the last interval k with
 *   {@code betaCdf[k] <= g / G}; it starts the search for the interval that holds u (guide table: Chen and
 *   Asau, AIIE Trans. 6 (1974) 163).</li>
 * </ul>
 * Lines: {@code fixedType[F]}, {@code fixedEnergyMeV[F]} are emitted in every decay (the floor(y) copies of
 * lines with yield y >= 1, one entry per copy); {@code chanceType[C]}, {@code chanceEnergyMeV[C]},
 * {@code chanceProbability[C]} (p = y - floor(y) in (0, 1), non-increasing) and {@code chanceLogComplement[C]}
 * (ln(1 - p), computed in double and rounded) are the lines emitted with probability p each.
 *
 * <p>The compact constructor checks the layout; the accessors return the arrays themselves, so treat them as
 * read-only (use {@link #copy()} to hand them on).
 */
public record EmissionArrays(
        float[] betaEnergyMeV,
        float[] betaCdf,
        float[] betaDensity,
        int[] betaGuide,
        int[] fixedType,
        float[] fixedEnergyMeV,
        int[] chanceType,
        float[] chanceEnergyMeV,
        float[] chanceProbability,
        float[] chanceLogComplement) {

    public EmissionArrays {
        checkBeta(betaEnergyMeV, betaCdf, betaDensity, betaGuide);
        checkLines("fixed", fixedType, fixedEnergyMeV);
        checkLines("chance", chanceType, chanceEnergyMeV);
        checkChance(chanceType, chanceProbability, chanceLogComplement);
    }

    /** Whether each decay emits one beta. */
    public boolean hasBeta() {
        return betaEnergyMeV.length > 0;
    }

    /** The most particles one decay can emit: the size of the sampler's output buffers. */
    public int maxEmissionsPerDecay() {
        return (hasBeta() ? 1 : 0) + fixedType.length + chanceType.length;
    }

    /** A deep copy. */
    public EmissionArrays copy() {
        return new EmissionArrays(betaEnergyMeV.clone(), betaCdf.clone(), betaDensity.clone(), betaGuide.clone(),
                fixedType.clone(), fixedEnergyMeV.clone(), chanceType.clone(), chanceEnergyMeV.clone(),
                chanceProbability.clone(), chanceLogComplement.clone());
    }

    private static void checkBeta(float[] energy, float[] cdf, float[] density, int[] guide) {
        int points = energy.length;
        if (points == 0) {
            if (cdf.length != 0 || density.length != 0 || guide.length != 0) {
                throw new IllegalArgumentException("beta arrays must be all empty or all filled");
            }
            return;
        }
        if (points < 2 || cdf.length != points || density.length != points) {
            throw new IllegalArgumentException("beta arrays need M + 1 >= 2 points each; got " + points
                    + " energies, " + cdf.length + " CDF values, " + density.length + " densities");
        }
        for (int k = 0; k < points; k++) {
            if (!(energy[k] >= 0 && Float.isFinite(energy[k])) || (k > 0 && !(energy[k] > energy[k - 1]))) {
                throw new IllegalArgumentException("betaEnergyMeV[" + k + "] = " + energy[k]
                        + " is not finite, non-negative and above the previous energy");
            }
            if (!(density[k] >= 0 && Float.isFinite(density[k]))) {
                throw new IllegalArgumentException("betaDensity[" + k + "] = " + density[k]
                        + " is not finite and non-negative");
            }
            if (k > 0 && !(cdf[k] >= cdf[k - 1])) {
                throw new IllegalArgumentException("betaCdf decreases at index " + k);
            }
            if (k > 0 && cdf[k] > cdf[k - 1] && density[k] == 0 && density[k - 1] == 0) {
                throw new IllegalArgumentException("beta interval " + (k - 1) + " holds probability but no density");
            }
        }
        if (cdf[0] != 0f || cdf[points - 1] != 1f) {
            throw new IllegalArgumentException("betaCdf must run from exactly 0 to exactly 1, not " + cdf[0] + " to "
                    + cdf[points - 1]);
        }
        int g = guide.length;
        if (g < 1 || Integer.bitCount(g) != 1) {
            throw new IllegalArgumentException("betaGuide length must be a power of two, not " + g);
        }
        for (int i = 0; i < g; i++) {
            int k = guide[i];
            float u = i / (float) g;
            if (k < 0 || k >= points - 1 || cdf[k] > u || (k + 1 < points - 1 && cdf[k + 1] <= u)) {
                throw new IllegalArgumentException("betaGuide[" + i + "] = " + k
                        + " is not the last interval whose CDF start is <= " + u);
            }
        }
    }

    private static void checkLines(String name, int[] type, float[] energyMeV) {
        if (type.length != energyMeV.length) {
            throw new IllegalArgumentException(name + "Type has " + type.length + " entries, " + name
                    + "EnergyMeV " + energyMeV.length);
        }
        for (int i = 0; i < type.length; i++) {
            if (type[i] != ParticleType.PHOTON && type[i] != ParticleType.ELECTRON) {
                throw new IllegalArgumentException(name + "Type[" + i + "] = " + type[i] + " is no particle code");
            }
            if (!(energyMeV[i] > 0 && Float.isFinite(energyMeV[i]))) {
                throw new IllegalArgumentException(name + "EnergyMeV[" + i + "] = " + energyMeV[i]
                        + " is not a positive energy");
            }
        }
    }

    private static void checkChance(int[] type, float[] probability, float[] logComplement) {
        int count = type.length;
        if (probability.length != count || logComplement.length != count) {
            throw new IllegalArgumentException("chance arrays differ in length: " + count + " types, "
                    + probability.length + " probabilities, " + logComplement.length + " logarithms");
        }
        for (int i = 0; i < count; i++) {
            float p = probability[i];
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("chanceProbability[" + i + "] = " + p + " is not in (0, 1)");
            }
            if (i > 0 && p > probability[i - 1]) {
                throw new IllegalArgumentException("chanceProbability must be non-increasing; index " + i + " holds "
                        + p + " after " + probability[i - 1]);
            }
            double expected = Math.log1p(-(double) p);
            float l = logComplement[i];
            if (!(l < 0) || Math.abs(l - expected) > 1e-5 * Math.abs(expected)) {
                throw new IllegalArgumentException("chanceLogComplement[" + i + "] = " + l + " is not ln(1 - "
                        + p + ") = " + expected);
            }
        }
    }
}
