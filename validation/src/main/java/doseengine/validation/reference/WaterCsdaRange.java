package doseengine.validation.reference;

import doseengine.geometry.BadInputException;
import doseengine.physics.electron.ElectronMaterialPhysics;
import doseengine.physics.material.MaterialCatalog;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * r0, the CSDA range of an electron in liquid water, which scales the radius of dose point kernels.
 *
 * <p>At the energies of the reference kernels r0 is ESTAR's tabulated value (Berger, Coursey, Zucker and Chang,
 * NIST ESTAR; ICRU Report 37), the r0 the reference kernels were scaled with. At any other energy it is the
 * engine's own integral of ESTAR's stopping-power formula for {@code water_liquid}
 * ({@link ElectronMaterialPhysics#csdaRange}), which agrees with ESTAR's table to 0.2 % above 10 keV and 1 %
 * at 10 keV (engine test {@code StoppingPowerEstarTest}); between 1 keV and 3 MeV the engine's values are
 * sampled once on a logarithmic grid and interpolated log-log (interpolation error below 1e-4, tested).
 */
public final class WaterCsdaRange {
    /** ESTAR liquid water CSDA ranges (g/cm2 = cm at 1 g/cm3) by kinetic energy (MeV). */
    private static final Map<Double, Double> ESTAR = Map.of(
            0.010, 2.515e-4,
            0.015, 5.147e-4,
            0.100, 1.431e-2,
            0.500, 0.1766,
            1.000, 0.4367);
    /** Interpolation grid of the engine ranges: 1 keV to 3 MeV (MeV), 40 points per decade. */
    public static final double GRID_MIN_MEV = 1e-3;
    public static final double GRID_MAX_MEV = 3.0;
    private static final int POINTS_PER_DECADE = 40;
    private static final double MATCH_MEV = 1e-9;

    private static volatile double[][] table;

    private WaterCsdaRange() {
    }

    /** ESTAR's tabulated r0 (cm in water of 1 g/cm3) at this energy, or NaN when it is not one kept here. */
    public static double estarCm(double energyMeV) {
        for (Map.Entry<Double, Double> e : ESTAR.entrySet()) {
            if (Math.abs(e.getKey() - energyMeV) < MATCH_MEV) {
                return e.getValue();
            }
        }
        return Double.NaN;
    }

    /** The energies (MeV) with an ESTAR value here, ascending. */
    public static double[] estarEnergiesMeV() {
        return new TreeMap<>(ESTAR).keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** r0 in mm: ESTAR's value where kept, else the engine's (see the class comment). */
    public static double mm(double energyMeV) {
        double estar = estarCm(energyMeV);
        return 10.0 * (Double.isNaN(estar) ? engineCm(energyMeV) : estar);
    }

    /** The engine's CSDA range (cm at 1 g/cm3), interpolated log-log on the cached grid. */
    public static double engineCm(double energyMeV) {
        if (!(energyMeV >= GRID_MIN_MEV && energyMeV <= GRID_MAX_MEV)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "electron energy %s MeV is outside 0.001 to 3 MeV, the range of the engine's physics",
                    energyMeV));
        }
        double[][] t = grid();
        double[] lnE = t[0];
        double[] lnR = t[1];
        double le = Math.log(energyMeV);
        int i = (int) ((le - lnE[0]) / (lnE[1] - lnE[0]));
        i = Math.max(0, Math.min(lnE.length - 2, i));
        double w = (le - lnE[i]) / (lnE[i + 1] - lnE[i]);
        return Math.exp(lnR[i] + w * (lnR[i + 1] - lnR[i]));
    }

    /** The engine's CSDA range (cm at 1 g/cm3), computed directly (slow: for tests of the interpolation). */
    static double engineDirectCm(double energyMeV) {
        return physics().csdaRange(energyMeV);
    }

    private static double[][] grid() {
        double[][] t = table;
        if (t == null) {
            synchronized (WaterCsdaRange.class) {
                t = table;
                if (t == null) {
                    ElectronMaterialPhysics water = physics();
                    int n = (int) Math.round(Math.log10(GRID_MAX_MEV / GRID_MIN_MEV) * POINTS_PER_DECADE) + 1;
                    double step = Math.log(GRID_MAX_MEV / GRID_MIN_MEV) / (n - 1);
                    double[] lnE = new double[n];
                    double[] lnR = new double[n];
                    for (int k = 0; k < n; k++) {
                        lnE[k] = Math.log(GRID_MIN_MEV) + k * step;
                        lnR[k] = Math.log(water.csdaRange(Math.min(GRID_MAX_MEV, Math.exp(lnE[k]))));
                    }
                    t = new double[][] {lnE, lnR};
                    table = t;
                }
            }
        }
        return t;
    }

    private static ElectronMaterialPhysics physics() {
        return new ElectronMaterialPhysics(MaterialCatalog.standard().get("water_liquid"));
    }
}
