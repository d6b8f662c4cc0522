package doseengine.physics.electron;

import doseengine.geometry.BadInputException;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.ElectronTables.Quantity;
import doseengine.physics.material.Material;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link ElectronTables} the kernels read, for a list of materials (table index = list index), from
 * {@link ElectronMaterialPhysics}. The tables depend on the class II thresholds W_cc (Moller) and W_cr
 * (bremsstrahlung) and on the elastic mixed-scheme parameters C1, C2; the absorption cutoff E_abs is recorded in
 * them for the kernels. All are parameters here. The elastic quantities carry the spin (Mott) correction through a
 * factor on the Wentzel amplitude ({@link MottCorrection}; the screening stays Moliere's) unless
 * {@link #spinCorrection(boolean)} turns it off, which only tests do (to compare). The energy grid is uniform in ln T from 1 keV to 3 MeV
 * ({@link #DEFAULT_NODES} nodes unless set).
 */
public final class ElectronTablesBuilder {
    /** Lowest grid energy (MeV). */
    public static final double MIN_ENERGY_MEV = RangeIntegrator.START_MEV;
    /** Highest grid energy (MeV). */
    public static final double MAX_ENERGY_MEV = 3.0;
    public static final int DEFAULT_NODES = 512;
    public static final double DEFAULT_THRESHOLD_MEV = 0.010;
    public static final double DEFAULT_CUTOFF_MEV = 0.010;
    /** PENELOPE's recommended order of magnitude for C1 and C2 (at most 0.2; 0.05 is the usual choice). */
    public static final double DEFAULT_C = 0.05;

    private double mollerThreshold = DEFAULT_THRESHOLD_MEV;
    private double bremsThreshold = DEFAULT_THRESHOLD_MEV;
    private double absorptionCutoff = DEFAULT_CUTOFF_MEV;
    private double c1 = DEFAULT_C;
    private double c2 = DEFAULT_C;
    private int nodes = DEFAULT_NODES;
    private boolean spinCorrection = true;
    private SeltzerBergerTable seltzerBerger = SeltzerBergerTable.standard();

    /** W_cc (MeV), 1 keV to 1.5 MeV (a delta ray takes at most half of 3 MeV). */
    public ElectronTablesBuilder mollerThresholdMeV(double w) {
        mollerThreshold = checkRange("Moller threshold W_cc", w, MIN_ENERGY_MEV, MAX_ENERGY_MEV / 2);
        return this;
    }

    /** W_cr (MeV), 1 keV to 3 MeV. */
    public ElectronTablesBuilder bremsThresholdMeV(double w) {
        bremsThreshold = checkRange("bremsstrahlung threshold W_cr", w, MIN_ENERGY_MEV, MAX_ENERGY_MEV);
        return this;
    }

    /** E_abs (MeV), 1 keV to 3 MeV. */
    public ElectronTablesBuilder absorptionCutoffMeV(double e) {
        absorptionCutoff = checkRange("electron cutoff", e, MIN_ENERGY_MEV, MAX_ENERGY_MEV);
        return this;
    }

    /** C1 and C2 of the mixed elastic scheme, each in (0, 0.2]. */
    public ElectronTablesBuilder elasticParameters(double c1, double c2) {
        if (!(c1 > 0 && c1 <= 0.2) || !(c2 > 0 && c2 <= 0.2)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "elastic parameters C1=%s, C2=%s: each must be in (0, 0.2]", c1, c2));
        }
        this.c1 = c1;
        this.c2 = c2;
        return this;
    }

    /** Number of energy nodes, 64 to 8192. */
    public ElectronTablesBuilder nodes(int n) {
        if (n < 64 || n > 8192) {
            throw new BadInputException("electron table node count " + n + " is outside 64..8192");
        }
        nodes = n;
        return this;
    }

    /** Spin (Mott) correction of the elastic tables, on by default; off gives Moliere-screened Wentzel. */
    public ElectronTablesBuilder spinCorrection(boolean on) {
        spinCorrection = on;
        return this;
    }

    ElectronTablesBuilder seltzerBerger(SeltzerBergerTable table) {
        seltzerBerger = table;
        return this;
    }

    public ElectronTables build(List<Material> materials) {
        if (materials.isEmpty()) {
            throw new BadInputException("electron tables need at least one material");
        }
        int nm = materials.size();
        int nq = Quantity.values().length;
        int nk = seltzerBerger.kappaCount();
        double lnMin = Math.log(MIN_ENERGY_MEV);
        double step = (Math.log(MAX_ENERGY_MEV) - lnMin) / (nodes - 1);
        double[] energies = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            energies[i] = i == nodes - 1 ? MAX_ENERGY_MEV : Math.exp(lnMin + i * step);
        }
        energies[0] = MIN_ENERGY_MEV;
        float[][] out = new float[nq][nm * nodes];
        float[] shape = new float[nm * nodes * nk];
        String[] names = new String[nm];
        for (int m = 0; m < nm; m++) {
            Material material = materials.get(m);
            names[m] = material.name();
            ElectronMaterialPhysics p = new ElectronMaterialPhysics(material, seltzerBerger, spinCorrection);
            fillMaterial(p, energies, m, out, shape, nk);
        }
        float[] kappa = new float[nk];
        for (int k = 0; k < nk; k++) {
            kappa[k] = (float) seltzerBerger.kappa(k);
        }
        return new ElectronTables(names, nodes, lnMin, step, mollerThreshold, bremsThreshold, absorptionCutoff,
                c1, c2, out, kappa, shape);
    }

    private void fillMaterial(ElectronMaterialPhysics p, double[] e, int m, float[][] out, float[] shape, int nk) {
        int base = m * nodes;
        double csda = RangeIntegrator.belowStart(p::totalStoppingPower);
        double restrictedRange = RangeIntegrator.belowStart(t -> p.restrictedStoppingPower(t, mollerThreshold,
                bremsThreshold));
        WentzelElasticModel el = p.elastic();
        for (int i = 0; i < nodes; i++) {
            double t = e[i];
            if (i > 0) {
                csda += RangeIntegrator.integral(p::totalStoppingPower, e[i - 1], t);
                restrictedRange += RangeIntegrator.integral(
                        x -> p.restrictedStoppingPower(x, mollerThreshold, bremsThreshold), e[i - 1], t,
                        2 * mollerThreshold, bremsThreshold);
            }
            double xc = p.elasticCutoff(t, c1, c2);
            set(out, Quantity.RESTRICTED_STOPPING_POWER, base + i,
                    p.restrictedStoppingPower(t, mollerThreshold, bremsThreshold));
            set(out, Quantity.TOTAL_STOPPING_POWER, base + i, p.totalStoppingPower(t));
            set(out, Quantity.LN_CSDA_RANGE, base + i, Math.log(csda));
            set(out, Quantity.LN_RESTRICTED_RANGE, base + i, Math.log(restrictedRange));
            set(out, Quantity.MOLLER_CROSS_SECTION, base + i, p.mollerCrossSection(t, mollerThreshold));
            set(out, Quantity.BREMS_CROSS_SECTION, base + i, p.bremsCrossSection(t, bremsThreshold));
            set(out, Quantity.ELASTIC_SCREENING, base + i, el.screeningParameter(t));
            set(out, Quantity.ELASTIC_HARD_CUTOFF, base + i, xc);
            set(out, Quantity.ELASTIC_HARD_CROSS_SECTION, base + i, el.hard(t, xc));
            set(out, Quantity.ELASTIC_SOFT_TRANSPORT1, base + i, el.softTransport1(t, xc));
            set(out, Quantity.ELASTIC_SOFT_TRANSPORT2, base + i, el.softTransport2(t, xc));
            set(out, Quantity.ELASTIC_TRANSPORT1, base + i, el.transport1(t));
            set(out, Quantity.ELASTIC_CROSS_SECTION, base + i, el.total(t));
            set(out, Quantity.SOFT_STRAGGLING, base + i, p.softStraggling(t, mollerThreshold, bremsThreshold));
            double[] chi = p.bremsstrahlung().chiAt(t);
            double max = 0;
            for (double c : chi) {
                max = Math.max(max, c);
            }
            for (int k = 0; k < nk; k++) {
                shape[(base + i) * nk + k] = (float) (chi[k] / max);
            }
        }
    }

    private static void set(float[][] out, Quantity q, int index, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(q + " is not finite at table index " + index + ": " + value);
        }
        out[q.ordinal()][index] = (float) value;
    }

    private static double checkRange(String what, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new BadInputException(String.format(Locale.ROOT, "%s %s keV is outside %s..%s keV", what,
                    value * 1e3, lo * 1e3, hi * 1e3));
        }
        return value;
    }
}
