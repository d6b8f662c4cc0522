package doseengine.physics.photon;

import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.RayleighSampler;
import doseengine.physics.material.Material;
import java.util.List;

/**
 * The photon data of a run's materials as flat float32/int arrays for the kernels (structure of arrays;
 * the same layout is written down in {@code doseengine/kernels/tables-photon.md}). Immutable: every getter
 * returns a copy. Material index m is the position in {@link #materialNames()}, the value of the voxel
 * material grid. Units: E in MeV, mu/rho in cm2/g, x = sin(theta/2)/lambda in 1/Angstrom.
 *
 * <p><b>Energy grid.</b> Uniform bins in ln E: bin b covers [lnEnergyMin + b/binsPerUnitLnEnergy, next),
 * b = 0..binCount-1, from 1 keV to 3 MeV. Nodes: every bin boundary, plus each photoelectric absorption edge
 * of the materials' elements as two nodes at one energy (below-edge value first), plus every native XCOM
 * energy of those elements (where the element data have their kinks; the pair thresholds at 1.03 and 2.05 MeV
 * among them). {@code nodeLnEnergy[node]} is non-decreasing; {@code binFirstNode[bin]} is the last node at or
 * below the bin's lower boundary.
 *
 * <p><b>Lookup.</b> b = (int)((lnE - lnEnergyMin) * binsPerUnitLnEnergy) clamped to [0, binCount-1];
 * i = binFirstNode[b], then i++ while nodeLnEnergy[i+1] <= lnE (at most the edges in the bin; an energy
 * exactly at an edge gets the above-edge value). With k = (p * materialCount + m) * nodeCount + i:
 * mu/rho = muOverRho[k] * exp(logSlope[k] * (lnE - nodeLnEnergy[i])): log-log interpolation.
 * Processes p: 0 total, 1 coherent, 2 incoherent, 3 photoelectric, 4 pair (nuclear + electron field); the
 * total's node values are the sums of the four, interpolated log-log on their own.
 *
 * <p><b>Rayleigh.</b> {@code rayleighInverseCdfX2[m * (R + 1) + j]}: x^2 (1/Angstrom^2) at which the cumulative
 * distribution P of F^2(x) in x^2 is 1 - (1 - y^2)^4 with y = j/R, R = rayleighBinCount, linear in y between
 * nodes (the nodes crowd into both ends of the distribution; RayleighSampler).
 * {@code rayleighCdfAtKmax[m * nodeCount + i]}: that cumulative at x^2 = (E_i/hc)^2, the largest momentum
 * transfer at node energy E_i; linear in ln E between nodes.
 *
 * <p><b>Compton.</b> {@code incoherentScatteringFunction[m * K + j]}: S(x)/Z of material m at
 * ln x = comptonLnXMin + j / comptonNodesPerUnitLnX, K = comptonNodeCount; linear in ln x between nodes,
 * S ~ x^2 below node 0, the last value above node K-1.
 */
public final class PhotonTables {
    /** Lowest photon energy of the tables (MeV): the photon transport cutoff, DESIGN.md 3.2. */
    public static final double ENERGY_MIN_MEV = 0.001;
    /** Highest photon energy of the tables (MeV). */
    public static final double ENERGY_MAX_MEV = 3.0;
    /**
     * Default ln E bins: 512 bins, 1.6 % per bin in energy. With the native XCOM energies as nodes the table
     * is within 7.4e-5 of direct log-log interpolation of the element data for the total and 1.4e-5 for single
     * processes (PhotonTablesTest); the bin width sets how far the Woodcock majorant exceeds mu within a bin
     * (at most 5 %, where mu falls as E^-3).
     */
    public static final int DEFAULT_BIN_COUNT = 512;
    /** Bins of the Rayleigh inverse CDF, equal in y where P = 1 - (1 - y^2)^4. */
    public static final int RAYLEIGH_BIN_COUNT = 2048;
    /** S(x)/Z grid: 32 nodes per unit ln x from x = 1e-3 to 256 1/Angstrom (k at 3 MeV is 242). */
    public static final double COMPTON_X_MIN = 1e-3;
    public static final int COMPTON_NODES_PER_UNIT_LN_X = 32;
    public static final int COMPTON_NODE_COUNT = 400;

    private final List<String> materialNames;
    private final float lnEnergyMin;
    private final float lnEnergyMax;
    private final float binsPerUnitLnEnergy;
    private final float[] nodeLnEnergy;
    private final int[] binFirstNode;
    private final float[] muOverRho;
    private final float[] logSlope;
    private final float[] rayleighInverseCdfX2;
    private final float[] rayleighCdfAtKmax;
    private final float comptonLnXMin;
    private final float[] incoherentScatteringFunction;

    PhotonTables(List<String> materialNames, float lnEnergyMin, float lnEnergyMax, float binsPerUnitLnEnergy,
                 float[] nodeLnEnergy, int[] binFirstNode, float[] muOverRho, float[] logSlope,
                 float[] rayleighInverseCdfX2, float[] rayleighCdfAtKmax, float comptonLnXMin,
                 float[] incoherentScatteringFunction) {
        this.materialNames = List.copyOf(materialNames);
        this.lnEnergyMin = lnEnergyMin;
        this.lnEnergyMax = lnEnergyMax;
        this.binsPerUnitLnEnergy = binsPerUnitLnEnergy;
        this.nodeLnEnergy = nodeLnEnergy;
        this.binFirstNode = binFirstNode;
        this.muOverRho = muOverRho;
        this.logSlope = logSlope;
        this.rayleighInverseCdfX2 = rayleighInverseCdfX2;
        this.rayleighCdfAtKmax = rayleighCdfAtKmax;
        this.comptonLnXMin = comptonLnXMin;
        this.incoherentScatteringFunction = incoherentScatteringFunction;
    }

    /** Tables for these materials (index = position) with {@link #DEFAULT_BIN_COUNT} bins. */
    public static PhotonTables build(List<Material> materials) {
        return build(materials, DEFAULT_BIN_COUNT);
    }

    public static PhotonTables build(List<Material> materials, int binCount) {
        return new PhotonTableBuilder(XcomLibrary.standard(), ScatteringFactors.standard(), binCount)
                .build(materials);
    }

    public List<String> materialNames() {
        return materialNames;
    }

    public int materialCount() {
        return materialNames.size();
    }

    public int binCount() {
        return binFirstNode.length;
    }

    public int nodeCount() {
        return nodeLnEnergy.length;
    }

    public float lnEnergyMin() {
        return lnEnergyMin;
    }

    public float lnEnergyMax() {
        return lnEnergyMax;
    }

    public float binsPerUnitLnEnergy() {
        return binsPerUnitLnEnergy;
    }

    /** [node] ln(E/MeV). */
    public float[] nodeLnEnergy() {
        return nodeLnEnergy.clone();
    }

    /** [bin] last node at or below the bin's lower boundary. */
    public int[] binFirstNode() {
        return binFirstNode.clone();
    }

    /** [(process * materialCount + material) * nodeCount + node] mu/rho in cm2/g. */
    public float[] muOverRho() {
        return muOverRho.clone();
    }

    /** Same index as {@link #muOverRho()}: log-log slope of the segment starting at the node. */
    public float[] logSlope() {
        return logSlope.clone();
    }

    public int rayleighBinCount() {
        return RAYLEIGH_BIN_COUNT;
    }

    /** [material * (R + 1) + j] x^2 (1/Angstrom^2) where P = 1 - (1 - y^2)^4, y = j/R. */
    public float[] rayleighInverseCdfX2() {
        return rayleighInverseCdfX2.clone();
    }

    /** [material * nodeCount + node] cumulative probability at x^2 = (E/hc)^2. */
    public float[] rayleighCdfAtKmax() {
        return rayleighCdfAtKmax.clone();
    }

    public int comptonNodeCount() {
        return COMPTON_NODE_COUNT;
    }

    public float comptonLnXMin() {
        return comptonLnXMin;
    }

    public float comptonNodesPerUnitLnX() {
        return COMPTON_NODES_PER_UNIT_LN_X;
    }

    /** [material * comptonNodeCount + node] S(x)/Z. */
    public float[] incoherentScatteringFunction() {
        return incoherentScatteringFunction.clone();
    }

    /** The kernels' view of the attenuation tables (its own copies of the arrays). */
    public PhotonCrossSections crossSections() {
        return new PhotonCrossSections(materialCount(), lnEnergyMin, binsPerUnitLnEnergy, nodeLnEnergy(),
                binFirstNode(), muOverRho(), logSlope());
    }

    /** The kernels' Rayleigh sampler on the node grid of grid (made by {@link #crossSections()}). */
    public RayleighSampler rayleighSampler(PhotonCrossSections grid) {
        if (grid.nodeCount() != nodeCount() || grid.materialCount() != materialCount()) {
            throw new IllegalArgumentException("cross sections do not belong to these tables");
        }
        return new RayleighSampler(grid, RAYLEIGH_BIN_COUNT, rayleighInverseCdfX2(), rayleighCdfAtKmax());
    }

    /** The kernels' Compton sampler. */
    public ComptonSampler comptonSampler() {
        return new ComptonSampler(materialCount(), COMPTON_NODE_COUNT, comptonLnXMin, COMPTON_NODES_PER_UNIT_LN_X,
                incoherentScatteringFunction());
    }
}
