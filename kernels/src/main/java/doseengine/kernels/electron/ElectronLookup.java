package doseengine.kernels.electron;

import doseengine.kernels.electron.ElectronTables.Quantity;

/**
 * Reads the electron tables at a kinetic energy: linear interpolation in ln T (see {@link ElectronTables}).
 * A lookup first turns the energy into a grid position (one logarithm), which the caller reuses for every
 * quantity it needs at that energy. Float arithmetic, no allocation: this is the Java twin of the device code.
 *
 * <p>Device twin: {@code include/electron_lookup.clh}: {@code electron_grid_position}, {@code electron_row},
 * {@code electron_interpolate_row}, {@code electron_interpolate}, the cross-section and range functions,
 * {@code electron_energy_from_ln_range}.
 */
public final class ElectronLookup {
    private ElectronLookup() {}

    /**
     * Fractional grid index (ln T - ln T_0) / step, clamped to [0, N - 1]: energies outside the grid read the end
     * node (the engine keeps transported energies inside the grid).
     */
    public static float gridPosition(ElectronTables t, float energyMeV) {
        float x = ((float) Math.log(energyMeV) - t.lnEnergyMin) * t.inverseLnStep;
        float last = t.nodeCount() - 1;
        if (!(x > 0f)) {
            return 0f;
        }
        return x < last ? x : last;
    }

    /** One per-material quantity of material m at grid position x. */
    public static float interpolate(ElectronTables t, Quantity q, int material, float x) {
        return interpolate(t.array(q), t.nodeCount(), material, x);
    }

    static float interpolate(float[] a, int n, int material, float x) {
        int i = (int) x;
        if (i > n - 2) {
            i = n - 2;
        }
        float f = x - i;
        int k = material * n + i;
        return a[k] + f * (a[k + 1] - a[k]);
    }

    /** Soft (restricted) stopping power, MeV cm2/g. */
    public static float restrictedStoppingPower(ElectronTables t, int material, float x) {
        return interpolate(t, Quantity.RESTRICTED_STOPPING_POWER, material, x);
    }

    /** CSDA range, g/cm2. */
    public static float csdaRange(ElectronTables t, int material, float x) {
        return (float) Math.exp(interpolate(t, Quantity.LN_CSDA_RANGE, material, x));
    }

    /** Range under the soft stopping power alone, g/cm2. */
    public static float restrictedRange(ElectronTables t, int material, float x) {
        return (float) Math.exp(interpolate(t, Quantity.LN_RESTRICTED_RANGE, material, x));
    }

    /** Hard Moller cross section (cm2/g) at kinetic energy T; exactly zero where T <= 2 W_cc. */
    public static float mollerCrossSection(ElectronTables t, int material, float energyMeV, float x) {
        if (!(energyMeV > 2f * t.mollerThreshold)) {
            return 0f;
        }
        return interpolate(t, Quantity.MOLLER_CROSS_SECTION, material, x);
    }

    /** Hard bremsstrahlung cross section (cm2/g) at kinetic energy T; exactly zero where T <= W_cr. */
    public static float bremsCrossSection(ElectronTables t, int material, float energyMeV, float x) {
        if (!(energyMeV > t.bremsThreshold)) {
            return 0f;
        }
        return interpolate(t, Quantity.BREMS_CROSS_SECTION, material, x);
    }

    /** Hard elastic cross section (cm2/g). */
    public static float elasticHardCrossSection(ElectronTables t, int material, float x) {
        return interpolate(t, Quantity.ELASTIC_HARD_CROSS_SECTION, material, x);
    }

    /**
     * Kinetic energy (MeV) whose restricted range is {@code rangeGPerCm2}: the energy an electron keeps after a
     * soft path s is {@code energyFromRestrictedRange(R(T) - s)}. Inverse of {@link #restrictedRange} on the same
     * piecewise-linear ln R(ln T); clamped to the grid's ends.
     */
    public static float energyFromRestrictedRange(ElectronTables t, int material, float rangeGPerCm2) {
        return energyFromLnRange(t, t.array(Quantity.LN_RESTRICTED_RANGE), material, rangeGPerCm2);
    }

    /** Kinetic energy (MeV) whose CSDA range is {@code rangeGPerCm2}; clamped to the grid's ends. */
    public static float energyFromCsdaRange(ElectronTables t, int material, float rangeGPerCm2) {
        return energyFromLnRange(t, t.array(Quantity.LN_CSDA_RANGE), material, rangeGPerCm2);
    }

    private static float energyFromLnRange(ElectronTables t, float[] lnRange, int material, float range) {
        int n = t.nodeCount();
        int base = material * n;
        if (!(range > 0f)) {
            return (float) Math.exp(t.lnEnergyMin);
        }
        float y = (float) Math.log(range);
        if (y <= lnRange[base]) {
            return (float) Math.exp(t.lnEnergyMin);
        }
        if (y >= lnRange[base + n - 1]) {
            return (float) Math.exp(t.lnEnergyMin + (n - 1) * t.lnEnergyStep);
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (lnRange[base + mid] <= y) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        float f = (y - lnRange[base + lo]) / (lnRange[base + hi] - lnRange[base + lo]);
        return (float) Math.exp(t.lnEnergyMin + (lo + f) * t.lnEnergyStep);
    }
}
