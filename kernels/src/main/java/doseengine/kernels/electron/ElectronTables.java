package doseengine.kernels.electron;

import java.util.Arrays;

/**
 * The electron tables the transport kernels read: flat float arrays built once by the engine
 * ({@code doseengine.physics.electron.ElectronTablesBuilder}) and never changed. The layout is the contract
 * between the host and both kernel back ends; {@code tables-electron.md} beside the OpenCL sources says the same.
 *
 * <h2>Energy grid</h2>
 * {@link #nodeCount()} kinetic energies T_i = exp(lnEnergyMin + i * lnEnergyStep), i = 0..N-1, uniform in ln T
 * (default: 512 nodes from 1 keV to 3 MeV). Every per-energy quantity is interpolated linearly in ln T between
 * two nodes; outside the grid the end node's value is used (the engine keeps particle energies inside it).
 *
 * <h2>Per-material arrays, index {@code m * N + i} (material m, energy node i)</h2>
 * <table>
 * <caption>arrays</caption>
 * <tr><th>array</th><th>unit</th><th>meaning</th></tr>
 * <tr><td>restrictedStoppingPower</td><td>MeV cm2/g</td><td>soft energy loss per unit mass path: restricted
 *     collision stopping power below W_cc plus radiative stopping power below W_cr</td></tr>
 * <tr><td>totalStoppingPower</td><td>MeV cm2/g</td><td>unrestricted collision + radiative stopping power</td></tr>
 * <tr><td>lnCsdaRange</td><td>ln(g/cm2)</td><td>ln of the CSDA range (integral of 1/total stopping power)</td></tr>
 * <tr><td>lnRestrictedRange</td><td>ln(g/cm2)</td><td>ln of the integral of 1/restrictedStoppingPower: the
 *     energy left after a soft path s is the energy whose restricted range is R(T) - s</td></tr>
 * <tr><td>mollerCrossSection</td><td>cm2/g</td><td>hard Moller collisions, delta-ray energy in [W_cc, T/2];
 *     zero for T &lt;= 2 W_cc</td></tr>
 * <tr><td>bremsCrossSection</td><td>cm2/g</td><td>hard bremsstrahlung, photon energy in [W_cr, T];
 *     zero for T &lt;= W_cr</td></tr>
 * <tr><td>elasticScreening</td><td>1</td><td>Moliere screening parameter eta of the material's screened Rutherford
 *     (Wentzel) cross section dsigma/dmu proportional to 1/(1 - mu + 2 eta)^2</td></tr>
 * <tr><td>elasticHardCutoff</td><td>1</td><td>x_c = 1 - cos(theta_c): elastic events with 1 - cos(theta) above
 *     x_c are hard (sampled one by one); zero when every elastic event is hard</td></tr>
 * <tr><td>elasticHardCrossSection</td><td>cm2/g</td><td>elastic cross section for 1 - cos(theta) in [x_c, 2]</td></tr>
 * <tr><td>elasticSoftTransport1</td><td>cm2/g</td><td>first transport cross section of the soft part
 *     (1 - cos(theta) &lt; x_c): per unit mass path, &lt;cos theta&gt; of the soft deflection is exp(-s * value)</td></tr>
 * <tr><td>elasticSoftTransport2</td><td>cm2/g</td><td>second transport cross section of the soft part:
 *     &lt;P2(cos theta)&gt; = exp(-s * value)</td></tr>
 * <tr><td>elasticTransport1</td><td>cm2/g</td><td>first transport cross section of all elastic scattering (for step
 *     control)</td></tr>
 * <tr><td>elasticCrossSection</td><td>cm2/g</td><td>total elastic cross section (soft and hard)</td></tr>
 * <tr><td>softStraggling</td><td>MeV2 cm2/g</td><td>Omega_s^2, the second moment of the soft energy losses per
 *     unit mass path (collisions below min(W_cc, T/2), photons below W_cr): a soft path s loses energy with
 *     variance s * value (PENELOPE-2008 manual, section 4.2)</td></tr>
 * </table>
 *
 * <h2>Bremsstrahlung photon-energy sampling</h2>
 * {@code bremsKappa[j]}, j = 0..K-1: the reduced photon energies kappa = k/T of the Seltzer-Berger table (K = 30,
 * from 0 to 1). {@code bremsShape[(m * N + i) * K + j]}: the material's scaled cross section
 * chi_m(T_i, kappa_j) = sum_Z (w_Z / A_Z) Z^2 chi(Z, T_i, kappa_j), proportional to beta^2 k dsigma/dk per gram,
 * divided by its maximum over j (so every row peaks at 1).
 * Between kappa nodes chi is linear in kappa. The photon spectrum at T_i is proportional to chi(kappa)/kappa.
 *
 * <p>Scalars: the hard-event thresholds W_cc and W_cr, the absorption cutoff E_abs (MeV), and the mixed-scheme
 * parameters C1, C2 the elastic cutoff was built with.
 *
 * <p>The arrays are private copies; the lookups and samplers of this package read them without copying, public
 * accessors return copies (for uploading to a device once per run).
 *
 * <p>Device twin: {@code include/electron_tables.clh}: {@code electron_tables} (the device view, uploaded by
 * {@code DeviceElectronTables}) and the {@code ELECTRON_*} quantity indices of {@link Quantity}.
 */
public final class ElectronTables {
    /** Names of the per-material arrays, in the order of {@link #perMaterial(Quantity)}. */
    public enum Quantity {
        RESTRICTED_STOPPING_POWER, TOTAL_STOPPING_POWER, LN_CSDA_RANGE, LN_RESTRICTED_RANGE,
        MOLLER_CROSS_SECTION, BREMS_CROSS_SECTION, ELASTIC_SCREENING, ELASTIC_HARD_CUTOFF,
        ELASTIC_HARD_CROSS_SECTION, ELASTIC_SOFT_TRANSPORT1, ELASTIC_SOFT_TRANSPORT2, ELASTIC_TRANSPORT1,
        ELASTIC_CROSS_SECTION,
        /** Added last, so that the ordinals before it keep their meaning. */
        SOFT_STRAGGLING
    }

    private final String[] materialNames;
    private final int nodeCount;
    final float lnEnergyMin;
    final float lnEnergyStep;
    final float inverseLnStep;
    private final double lnEnergyMinD;
    private final double lnEnergyStepD;
    final float mollerThreshold;
    final float bremsThreshold;
    final float absorptionCutoff;
    private final float elasticC1;
    private final float elasticC2;
    final float[][] perMaterial;
    final float[] bremsKappa;
    final float[] bremsShape;

    /**
     * @param perMaterial one array of length materialCount * nodeCount per {@link Quantity}, in enum order
     */
    public ElectronTables(String[] materialNames, int nodeCount, double lnEnergyMin, double lnEnergyStep,
                          double mollerThresholdMeV, double bremsThresholdMeV, double absorptionCutoffMeV,
                          double elasticC1, double elasticC2, float[][] perMaterial, float[] bremsKappa,
                          float[] bremsShape) {
        int nm = materialNames.length;
        if (nm == 0 || nodeCount < 2 || !(lnEnergyStep > 0)) {
            throw new IllegalArgumentException("electron tables need materials, >= 2 nodes and a positive step");
        }
        if (perMaterial.length != Quantity.values().length) {
            throw new IllegalArgumentException("expected " + Quantity.values().length + " per-material arrays");
        }
        for (int q = 0; q < perMaterial.length; q++) {
            if (perMaterial[q].length != nm * nodeCount) {
                throw new IllegalArgumentException(Quantity.values()[q] + ": length " + perMaterial[q].length
                        + ", expected " + nm * nodeCount);
            }
        }
        if (bremsKappa.length < 2 || bremsShape.length != nm * nodeCount * bremsKappa.length) {
            throw new IllegalArgumentException("bremsstrahlung shape table does not match kappa grid");
        }
        this.materialNames = materialNames.clone();
        this.nodeCount = nodeCount;
        this.lnEnergyMinD = lnEnergyMin;
        this.lnEnergyStepD = lnEnergyStep;
        this.lnEnergyMin = (float) lnEnergyMin;
        this.lnEnergyStep = (float) lnEnergyStep;
        this.inverseLnStep = (float) (1 / lnEnergyStep);
        this.mollerThreshold = (float) mollerThresholdMeV;
        this.bremsThreshold = (float) bremsThresholdMeV;
        this.absorptionCutoff = (float) absorptionCutoffMeV;
        this.elasticC1 = (float) elasticC1;
        this.elasticC2 = (float) elasticC2;
        this.perMaterial = new float[perMaterial.length][];
        for (int q = 0; q < perMaterial.length; q++) {
            this.perMaterial[q] = perMaterial[q].clone();
        }
        this.bremsKappa = bremsKappa.clone();
        this.bremsShape = bremsShape.clone();
    }

    public int materialCount() { return materialNames.length; }

    public String materialName(int m) { return materialNames[m]; }

    public int nodeCount() { return nodeCount; }

    /** ln of the lowest grid energy (MeV). */
    public double lnEnergyMin() { return lnEnergyMinD; }

    /** Spacing of the grid in ln T. */
    public double lnEnergyStep() { return lnEnergyStepD; }

    /** Kinetic energy (MeV) of grid node i. */
    public double energyAt(int i) { return Math.exp(lnEnergyMinD + i * lnEnergyStepD); }

    /** Lowest and highest tabulated kinetic energy (MeV). */
    public double minEnergyMeV() { return energyAt(0); }

    public double maxEnergyMeV() { return energyAt(nodeCount - 1); }

    /** W_cc: smallest delta-ray energy (MeV) produced in a hard collision. */
    public float mollerThresholdMeV() { return mollerThreshold; }

    /** W_cr: smallest bremsstrahlung photon energy (MeV) produced in a hard radiative event. */
    public float bremsThresholdMeV() { return bremsThreshold; }

    /** E_abs: electrons below this kinetic energy (MeV) deposit it locally. */
    public float absorptionCutoffMeV() { return absorptionCutoff; }

    public float elasticC1() { return elasticC1; }

    public float elasticC2() { return elasticC2; }

    /** Number of reduced photon energies in the bremsstrahlung shape table. */
    public int bremsKappaCount() { return bremsKappa.length; }

    /** Copy of one per-material array ([material][energy], flat). */
    public float[] perMaterial(Quantity q) { return perMaterial[q.ordinal()].clone(); }

    public float[] bremsKappa() { return bremsKappa.clone(); }

    public float[] bremsShape() { return bremsShape.clone(); }

    /** Value of one array at grid node i of material m. */
    public float valueAt(Quantity q, int m, int i) { return perMaterial[q.ordinal()][m * nodeCount + i]; }

    /** Index of a material by name, or -1. */
    public int indexOf(String name) { return Arrays.asList(materialNames).indexOf(name); }

    float[] array(Quantity q) { return perMaterial[q.ordinal()]; }
}
