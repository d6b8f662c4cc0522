package doseengine.physics.decay;

import doseengine.geometry.BadInputException;
import doseengine.kernels.EmissionArrays;
import doseengine.kernels.EmissionSampler;
import doseengine.kernels.ParticleType;
import doseengine.physics.electron.ElectronTablesBuilder;
import doseengine.physics.photon.PhotonTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A nuclide's emissions as the flat arrays the transport kernels sample (DESIGN.md 3.1), held in a kernels
 * {@link EmissionArrays}: the beta spectrum as an inverse-CDF table on a fine energy grid, the lines with yield
 * y >= 1 expanded into floor(y) always-emitted copies, and every line's fractional part y - floor(y) as an
 * independent chance, sorted by that probability. The layout, units and sampling rule are specified in the
 * kernels module's {@code doseengine/kernels/TABLES.md} ("Emission table") and in {@link EmissionSampler}.
 * Immutable.
 *
 * <p>The beta grid splits every interval of the ICRP grid into {@link #BETA_SUBDIVISIONS} equal parts and takes
 * the interpolated density ({@link BetaSpectrum}, monotone cubic) at each point; the sampled density is linear
 * between these points, normalised to one beta per decay. It differs from the cubic curve by O(h^2) with h a
 * sixteenth of the ICRP spacing: the mean beta energy moves by less than 2e-5 relative (tested). Why not K
 * equiprobable quantiles with uniform density between them: a quantile table cannot resolve a tail that holds
 * less than 1/K of the betas, and I-131's 0.81 MeV branch (0.03 % of the betas above 0.6 MeV) would then be
 * spread uniformly from 0.59 to 0.81 MeV.
 *
 * <p>The table can be restricted to some radiation kinds (a beta-only source for dose point kernels, for
 * example). Y-90 internal pair production (about 3e-5 per decay) is not in the ICRP-107 data used here and so
 * is not emitted.
 */
public final class EmissionTable {
    /** Parts each interval of the ICRP beta grid is split into for the sampling grid. */
    public static final int BETA_SUBDIVISIONS = 16;
    /**
     * How far the branch intensities may sum from 1 (ICRP-07.RAD rounding: they sum to 1 within 3e-7 for the
     * three nuclides). The table emits exactly one beta per decay, which is right only when the yield is 1.
     */
    private static final double BETA_YIELD_TOLERANCE = 1e-5;
    /**
     * How far the interpolated spectrum's area may be from the beta yield before the tabulation is judged
     * inconsistent (it is within 4e-4 for the three nuclides); the table normalises the area to one beta.
     */
    private static final double SPECTRUM_AREA_TOLERANCE = 0.01;

    private final String nuclide;
    private final Set<RadiationType> included;
    private final EmissionArrays arrays;

    private EmissionTable(String nuclide, Set<RadiationType> included, EmissionArrays arrays) {
        this.nuclide = nuclide;
        this.included = Collections.unmodifiableSet(included.isEmpty() ? EnumSet.noneOf(RadiationType.class)
                : EnumSet.copyOf(included));
        this.arrays = arrays;
    }

    /** Every radiation kind of the nuclide. */
    public static EmissionTable of(Nuclide nuclide) {
        return of(nuclide, EnumSet.allOf(RadiationType.class));
    }

    /**
     * The given radiation kinds only.
     *
     * @throws BadInputException when the nuclide's beta yield is not 1 or its spectrum's area is far from it
     */
    public static EmissionTable of(Nuclide nuclide, Set<RadiationType> included) {
        if (included.isEmpty()) {
            throw new IllegalArgumentException("an emission table needs at least one radiation kind");
        }
        BetaGrid beta = BetaGrid.EMPTY;
        if (included.contains(RadiationType.BETA) && nuclide.betaSpectrum() != null) {
            checkBetaYield(nuclide);
            beta = BetaGrid.of(nuclide.betaSpectrum());
        }
        List<Emission> fixed = new ArrayList<>();
        List<Emission> chance = new ArrayList<>();
        for (RadiationType type : RadiationType.values()) {
            if (type == RadiationType.BETA || !included.contains(type)) {
                continue;
            }
            for (DiscreteLine line : nuclide.lines(type)) {
                double copies = Math.floor(line.yieldPerDecay());
                float energy = (float) line.energyMeV();
                for (int c = 0; c < copies; c++) {
                    fixed.add(new Emission(type.particleType(), energy, 1f));
                }
                float p = (float) (line.yieldPerDecay() - copies);
                if (p >= 1f) {
                    fixed.add(new Emission(type.particleType(), energy, 1f)); // within 3e-8 of a whole copy
                } else if (p > 0) {
                    chance.add(new Emission(type.particleType(), energy, p));
                }
            }
        }
        // Stable sort: equal probabilities keep the kind-then-energy order, so the table is reproducible.
        chance.sort(Comparator.comparingDouble((Emission e) -> e.probability).reversed());

        int[] fixedType = new int[fixed.size()];
        float[] fixedEnergy = new float[fixed.size()];
        for (int i = 0; i < fixed.size(); i++) {
            fixedType[i] = fixed.get(i).particleType;
            fixedEnergy[i] = fixed.get(i).energyMeV;
        }
        int[] chanceType = new int[chance.size()];
        float[] chanceEnergy = new float[chance.size()];
        float[] chanceProbability = new float[chance.size()];
        float[] chanceLog = new float[chance.size()];
        for (int i = 0; i < chance.size(); i++) {
            Emission e = chance.get(i);
            chanceType[i] = e.particleType;
            chanceEnergy[i] = e.energyMeV;
            chanceProbability[i] = e.probability;
            chanceLog[i] = (float) Math.log1p(-(double) e.probability);
        }
        EmissionArrays arrays = new EmissionArrays(beta.energy, beta.cdf, beta.density, beta.guide, fixedType,
                fixedEnergy, chanceType, chanceEnergy, chanceProbability, chanceLog);
        return new EmissionTable(nuclide.name(), included, arrays);
    }

    /**
     * One particle of one kinetic energy per decay, no beta and no other line: the monoenergetic sources of dose
     * point kernels and other benchmarks. The table's {@link #nuclide()} names the particle and energy
     * ({@code "e- 0.5 MeV"}, {@code "photon 0.1 MeV"}) and {@link #included()} is empty: it is no nuclide's.
     *
     * @param particleType {@link ParticleType#ELECTRON} or {@link ParticleType#PHOTON}
     * @param energyMeV    kinetic energy, within the range of the engine's tables (1 keV to 3 MeV)
     * @throws BadInputException for an energy outside that range or an unknown particle code
     */
    public static EmissionTable monoenergetic(int particleType, double energyMeV) {
        if (particleType != ParticleType.ELECTRON && particleType != ParticleType.PHOTON) {
            throw new BadInputException("particle code " + particleType + " is neither an electron nor a photon");
        }
        boolean electron = particleType == ParticleType.ELECTRON;
        double min = electron ? ElectronTablesBuilder.MIN_ENERGY_MEV : PhotonTables.ENERGY_MIN_MEV;
        double max = electron ? ElectronTablesBuilder.MAX_ENERGY_MEV : PhotonTables.ENERGY_MAX_MEV;
        if (!(energyMeV >= min && energyMeV <= max)) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "%s energy %s MeV must be between %s and %s MeV (the range of the engine's tables)",
                    ParticleType.name(particleType), energyMeV, min, max));
        }
        float e = (float) energyMeV;
        EmissionArrays arrays = new EmissionArrays(new float[0], new float[0], new float[0], new int[0],
                new int[] {particleType}, new float[] {e}, new int[0], new float[0], new float[0], new float[0]);
        String particle = electron ? "e-" : "photon";
        String name = particle + " " + java.math.BigDecimal.valueOf(energyMeV).stripTrailingZeros().toPlainString()
                + " MeV";
        return new EmissionTable(name, EnumSet.noneOf(RadiationType.class), arrays);
    }

    private static void checkBetaYield(Nuclide nuclide) {
        double yield = nuclide.betaYield();
        if (Math.abs(yield - 1.0) > BETA_YIELD_TOLERANCE) {
            throw new BadInputException(nuclide.name() + ": beta-minus branches sum to " + yield
                    + " per decay; the emission table emits exactly one beta per decay and needs a yield of 1");
        }
        double area = nuclide.betaSpectrum().integral();
        if (Math.abs(area - yield) > SPECTRUM_AREA_TOLERANCE) {
            throw new BadInputException(nuclide.name() + ": the beta spectrum holds " + area
                    + " betas per decay, the branches " + yield);
        }
    }

    public String nuclide() {
        return nuclide;
    }

    /** The radiation kinds this table emits; empty for a {@link #monoenergetic} table. */
    public Set<RadiationType> included() {
        return included;
    }

    /** A copy of the flat arrays, for a backend to upload or sample. */
    public EmissionArrays arrays() {
        return arrays.copy();
    }

    /** A sampler over this table. */
    public EmissionSampler newSampler() {
        return new EmissionSampler(arrays);
    }

    /** The most particles one decay can emit; the size of the sampler's output buffers. */
    public int maxEmissionsPerDecay() {
        return arrays.maxEmissionsPerDecay();
    }

    /**
     * The exact mean energy (MeV) per decay that the sampler emits as the given particle, computed from the
     * float arrays: the mean beta energy of the table, plus the fixed copies, plus each chance line's energy times
     * its probability.
     */
    public double expectedEnergyPerDecayMeV(int particleType) {
        double sum = 0;
        if (particleType == ParticleType.ELECTRON) {
            sum += expectedBetaEnergyMeV();
        }
        for (int i = 0; i < arrays.fixedType().length; i++) {
            if (arrays.fixedType()[i] == particleType) {
                sum += arrays.fixedEnergyMeV()[i];
            }
        }
        for (int i = 0; i < arrays.chanceType().length; i++) {
            if (arrays.chanceType()[i] == particleType) {
                sum += (double) arrays.chanceEnergyMeV()[i] * arrays.chanceProbability()[i];
            }
        }
        return sum;
    }

    /**
     * The exact mean (MeV) of the table's beta distribution, 0 without betas: over the intervals, the
     * probability {@code cdf[k+1] - cdf[k]} times the mean of a linear density from f0 to f1 on the interval,
     * E_k + h (f0 + 2 f1) / (3 (f0 + f1)). (That u takes only the 2^24 values k 2^-24 changes it by ~1e-8.)
     */
    public double expectedBetaEnergyMeV() {
        float[] e = arrays.betaEnergyMeV();
        float[] cdf = arrays.betaCdf();
        float[] f = arrays.betaDensity();
        double sum = 0;
        for (int k = 0; k + 1 < e.length; k++) {
            double mass = (double) cdf[k + 1] - cdf[k];
            if (mass > 0) {
                double h = (double) e[k + 1] - e[k];
                sum += mass * (e[k] + h * ((double) f[k] + 2.0 * f[k + 1]) / (3.0 * ((double) f[k] + f[k + 1])));
            }
        }
        return sum;
    }

    /** One entry of the fixed or chance list before it is flattened. */
    private record Emission(int particleType, float energyMeV, float probability) {
    }

    /** The four beta arrays of {@link EmissionArrays}. */
    private record BetaGrid(float[] energy, float[] cdf, float[] density, int[] guide) {
        static final BetaGrid EMPTY = new BetaGrid(new float[0], new float[0], new float[0], new int[0]);

        /**
         * The fine grid: ICRP knots plus {@link #BETA_SUBDIVISIONS} - 1 equally spaced points inside each ICRP
         * interval; cumulative areas of the piecewise-linear density on it, in double, normalised, rounded.
         */
        static BetaGrid of(BetaSpectrum spectrum) {
            double[] knots = spectrum.energiesMeV();
            int intervals = (knots.length - 1) * BETA_SUBDIVISIONS;
            double[] e = new double[intervals + 1];
            double[] f = new double[intervals + 1];
            for (int k = 0; k + 1 < knots.length; k++) {
                for (int s = 0; s < BETA_SUBDIVISIONS; s++) {
                    int i = k * BETA_SUBDIVISIONS + s;
                    e[i] = knots[k] + (knots[k + 1] - knots[k]) * s / BETA_SUBDIVISIONS;
                    f[i] = spectrum.density(e[i]);
                }
            }
            e[intervals] = knots[knots.length - 1];
            f[intervals] = spectrum.density(e[intervals]);
            double[] area = new double[intervals + 1];
            for (int i = 0; i < intervals; i++) {
                area[i + 1] = area[i] + 0.5 * (e[i + 1] - e[i]) * (f[i] + f[i + 1]);
            }
            double total = area[intervals];
            float[] energy = new float[intervals + 1];
            float[] cdf = new float[intervals + 1];
            float[] density = new float[intervals + 1];
            for (int i = 0; i <= intervals; i++) {
                energy[i] = (float) e[i];
                cdf[i] = (float) (area[i] / total);
                density[i] = (float) (f[i] / total);
            }
            cdf[0] = 0f;
            cdf[intervals] = 1f;
            return new BetaGrid(energy, cdf, density, guide(cdf));
        }

        /** guide[g] = the last interval k (< M) with cdf[k] <= g / G; G the power of two >= M. */
        private static int[] guide(float[] cdf) {
            int intervals = cdf.length - 1;
            int size = Integer.highestOneBit(intervals);
            size = size < intervals ? size * 2 : size;
            int[] guide = new int[size];
            int k = 0;
            for (int g = 0; g < size; g++) {
                float u = g / (float) size;
                while (k + 1 < intervals && cdf[k + 1] <= u) {
                    k++;
                }
                guide[g] = k;
            }
            return guide;
        }
    }
}
