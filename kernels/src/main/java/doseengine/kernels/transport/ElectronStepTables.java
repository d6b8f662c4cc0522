package doseengine.kernels.transport;

import doseengine.kernels.electron.ElectronLookup;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.ElectronTables.Quantity;

/**
 * What the electron step reads besides the electron tables themselves, derived once per run from a
 * {@link TransportProblem} (transport.md, "Electrons and positrons"): the range table the soft loss follows, the
 * per-node sum of the hard cross sections (the majorant is the largest of them over the nodes a step can reach),
 * the range and grid position at the absorption cutoff, and the step-control constants. Both back ends take these
 * numbers from here, so the Java step ({@code ElectronTransport}) and the OpenCL one ({@code include/electron_step.clh},
 * which reads them through {@code include/electron_step_tables.clh}, uploaded by {@code DeviceTransportSettings})
 * start from the same float bits.
 *
 * <p>The arrays are the object's own; the getters return them without copying, and nobody may change them.
 *
 * <p>Device twin: {@code include/electron_step_tables.clh}: {@code transport_settings} (uploaded by
 * {@code DeviceTransportSettings}).
 */
public final class ElectronStepTables {
    private final boolean hardInelastic;
    private final boolean softStraggling;
    private final Quantity rangeQuantity;
    private final float[] lnRange;
    private final float[] hardAtNode;
    private final float[] elasticHard;
    private final float[] moller;
    private final float[] brems;
    private final float[] straggling;
    private final float[] rangeAtCutoff;
    private final float gridAtCutoff;
    private final float cutoff;
    private final float keepFraction;
    private final float gridShiftOfStep;

    private ElectronStepTables(TransportProblem p) {
        ElectronTables t = p.electrons();
        int nodes = t.nodeCount();
        this.hardInelastic = p.energyLoss() == EnergyLossModel.CLASS_II;
        this.softStraggling = hardInelastic && p.parameters().softStraggling();
        this.rangeQuantity = hardInelastic ? Quantity.LN_RESTRICTED_RANGE : Quantity.LN_CSDA_RANGE;
        this.lnRange = t.perMaterial(rangeQuantity);
        this.elasticHard = t.perMaterial(Quantity.ELASTIC_HARD_CROSS_SECTION);
        this.moller = t.perMaterial(Quantity.MOLLER_CROSS_SECTION);
        this.brems = t.perMaterial(Quantity.BREMS_CROSS_SECTION);
        this.straggling = t.perMaterial(Quantity.SOFT_STRAGGLING);
        this.hardAtNode = new float[elasticHard.length];
        for (int k = 0; k < hardAtNode.length; k++) {
            hardAtNode[k] = hardInelastic ? elasticHard[k] + moller[k] + brems[k] : elasticHard[k];
        }
        this.cutoff = p.parameters().electronCutoffMeV();
        this.gridAtCutoff = ElectronLookup.gridPosition(t, cutoff);
        this.rangeAtCutoff = new float[t.materialCount()];
        for (int m = 0; m < rangeAtCutoff.length; m++) {
            rangeAtCutoff[m] = (float) Math.exp(interpolate(lnRange, nodes, m * nodes, gridAtCutoff));
        }
        float f = p.parameters().maxStepEnergyLossFraction();
        this.keepFraction = 1f - f;
        this.gridShiftOfStep = (float) Math.log(keepFraction) * (float) (1 / t.lnEnergyStep());
    }

    /** The step tables of a problem. */
    public static ElectronStepTables of(TransportProblem p) {
        return new ElectronStepTables(p);
    }

    /**
     * Class II (Moller and bremsstrahlung events sampled, soft losses straggled) rather than continuous loss with
     * the CSDA range and no straggling.
     */
    public boolean hardInelastic() {
        return hardInelastic;
    }

    /**
     * Whether the soft loss of a step is straggled: class II with {@code TransportParameters.softStraggling()}
     * (off for EGSnrc's energy-loss model, and always off in {@link EnergyLossModel#CONTINUOUS}).
     */
    public boolean softStraggling() {
        return softStraggling;
    }

    /** The range the soft loss follows: {@code LN_RESTRICTED_RANGE} (class II) or {@code LN_CSDA_RANGE}. */
    public Quantity rangeQuantity() {
        return rangeQuantity;
    }

    /** [m * N + i] ln of that range (g/cm2). */
    public float[] lnRange() {
        return lnRange;
    }

    /** [m * N + i] sum of the hard cross sections (cm2/g) at node i: elastic, plus Moller and brems in class II. */
    public float[] hardAtNode() {
        return hardAtNode;
    }

    float[] elasticHard() {
        return elasticHard;
    }

    float[] moller() {
        return moller;
    }

    float[] brems() {
        return brems;
    }

    /** [m * N + i] Omega_s^2 (MeV2 cm2/g), the soft straggling parameter. */
    float[] straggling() {
        return straggling;
    }

    /** [m] range (g/cm2) at the absorption cutoff. */
    public float[] rangeAtCutoff() {
        return rangeAtCutoff;
    }

    /** Grid position of the absorption cutoff. */
    public float gridAtCutoff() {
        return gridAtCutoff;
    }

    /** E_abs, MeV. */
    public float cutoff() {
        return cutoff;
    }

    /** 1 - f, f the largest fraction of its energy an electron may lose continuously in one step. */
    public float keepFraction() {
        return keepFraction;
    }

    /** ln(1 - f) in grid units: the grid position of E (1 - f) is the position of E plus this (negative). */
    public float gridShiftOfStep() {
        return gridShiftOfStep;
    }

    /** Linear interpolation of a per-material array (offset {@code base} = m * N) at grid position gx. */
    static float interpolate(float[] a, int nodes, int base, float gx) {
        int i = (int) gx;
        if (i > nodes - 2) {
            i = nodes - 2;
        }
        float f = gx - i;
        int k = base + i;
        return a[k] + f * (a[k + 1] - a[k]);
    }
}
