package doseengine.kernels.tally;

/**
 * The fixed-point energy unit of every tally: one unit is 2^-30 MeV (9.31e-10 MeV, about 1 meV).
 *
 * <p>A deposit of {@code e} MeV (a float) becomes the integer {@code q = rte(e * 2^30)}: the product is
 * taken in float, which is exact because multiplying by a power of two only changes the exponent (no float
 * energy the transport produces is near the overflow at 2^98 MeV), then rounded to the nearest integer with
 * ties to even. Java: {@code (long) Math.rint(e * 0x1p30f)} (float to double widening is exact, and
 * {@code rint} rounds half to even). OpenCL: {@code convert_long_rte(e * 0x1p30f)}. Both give the same
 * integer for every float in the range below, so the two backends agree deposit by deposit.
 *
 * <p>Because the sums are integer additions they are exact and associative: the total of a bin does not
 * depend on the order of the deposits, hence not on threads, work-items or devices.
 *
 * <p>Precision and range:
 * <ul>
 *   <li>Conversion error: {@code |q * 2^-30 - e| <= 2^-31 MeV} (half a unit). A float {@code e >= 2^-7 MeV}
 *       (7.8 keV) is already a multiple of 2^-30, so its conversion is exact; only smaller deposits are
 *       rounded.</li>
 *   <li>Range: a bin holds up to 2^63 - 1 units, that is 2^33 MeV = 8.59e9 MeV per bin per batch (the host
 *       folds and resets the tally after every batch). A batch must therefore emit less than 8.59e9 MeV in
 *       total (the emitted counter is the largest slot): about 9e9 decays of Y-90. {@link #MAX_MEV}.</li>
 *   <li>Preconditions on a single deposit (not checked in the hot loop): {@code 0 <= e < 2^33} MeV and
 *       finite. Negative or NaN energies are transport bugs that the energy-balance check reveals.</li>
 * </ul>
 *
 * <p>Device twin: {@code include/tally.clh}: {@code fixed_point_energy_to_units}.
 */
public final class FixedPointEnergy {
    /** Units per MeV as a float, the factor both backends multiply by: 2^30. */
    public static final float UNITS_PER_MEV = 0x1p30f;

    /** MeV per unit: 2^-30. */
    public static final double MEV_PER_UNIT = 0x1p-30;

    /** The largest energy one bin can hold in one batch, 2^33 MeV (2^63 units). */
    public static final double MAX_MEV = 0x1p33;

    private FixedPointEnergy() {}

    /** Fixed-point units of a float energy in MeV: {@code rte(e * 2^30)}, exactly as OpenCL's convert_long_rte. */
    public static long toUnits(float energyMeV) {
        return (long) Math.rint(energyMeV * UNITS_PER_MEV);
    }

    /** MeV of a unit count; exact while {@code |units| < 2^53}, otherwise rounded to the nearest double. */
    public static double toMeV(long units) {
        return units * MEV_PER_UNIT;
    }
}
