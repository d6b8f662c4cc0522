package doseengine.kernels.photon;

/**
 * Photon mass attenuation coefficients mu/rho (cm2/g) of each material, read from the flat tables the engine
 * builds ({@code doseengine/kernels/tables-photon.md} gives the layout). Lookups are O(1): a uniform bin in
 * ln E points to the first node of that bin, and at most the absorption edges inside the bin are stepped over.
 *
 * <p>Interpolation: log-log between nodes, stored as the node value and the segment's log-log slope, so one
 * lookup costs one exp: {@code mu = mu[i] * exp(slope[i] * (lnE - lnE[i]))} with i the last node whose
 * {@code lnE[i] <= lnE}. An absorption edge is two nodes at one energy (below-edge value first); an energy
 * exactly at an edge therefore gets the above-edge value. Energies are kept inside the table's range by the
 * caller (photons below the cutoff are absorbed, none are emitted above the top); outside it the lookup
 * extrapolates the first segment below and holds the last value above.
 *
 * <p>Instances are immutable and never copy on lookup: the arrays handed in are owned by this object.
 *
 * <p>Device twin: {@code include/photon_cross_sections.clh}: {@code photon_tables}, {@code photon_bin},
 * {@code photon_node}, {@code photon_mu_over_rho}, {@code photon_mu_over_rho_at}, {@code photon_select_process}.
 */
public final class PhotonCrossSections {
    /** Process indices: the first index of {@code muOverRho} and {@code logSlope}. */
    public static final int TOTAL = 0;
    public static final int COHERENT = 1;
    public static final int INCOHERENT = 2;
    public static final int PHOTOELECTRIC = 3;
    /** Pair production in the nuclear and in the electron field (triplet) together. */
    public static final int PAIR = 4;
    public static final int PROCESS_COUNT = 5;

    private final int materialCount;
    private final int nodeCount;
    private final int binCount;
    private final float lnEnergyMin;
    private final float binsPerUnitLnEnergy;
    private final float[] nodeLnEnergy;
    private final int[] binFirstNode;
    private final float[] muOverRho;
    private final float[] logSlope;

    /**
     * @param lnEnergyMin         ln(E/MeV) at the start of bin 0
     * @param binsPerUnitLnEnergy uniform bins per unit of ln E
     * @param nodeLnEnergy        [node] ln(E/MeV), non-decreasing; an edge is two equal entries
     * @param binFirstNode        [bin] last node with nodeLnEnergy <= the bin's lower bound
     * @param muOverRho           [(process * materialCount + material) * nodeCount + node], cm2/g
     * @param logSlope            same index, d ln(mu) / d ln(E) on the segment starting at the node
     */
    public PhotonCrossSections(int materialCount, float lnEnergyMin, float binsPerUnitLnEnergy,
                               float[] nodeLnEnergy, int[] binFirstNode, float[] muOverRho, float[] logSlope) {
        int n = nodeLnEnergy.length;
        if (materialCount < 1 || n < 2 || binFirstNode.length < 1
                || muOverRho.length != PROCESS_COUNT * materialCount * n || logSlope.length != muOverRho.length) {
            throw new IllegalArgumentException("photon cross-section arrays do not match " + materialCount
                    + " materials and " + n + " nodes");
        }
        if (!(binsPerUnitLnEnergy > 0)) {
            throw new IllegalArgumentException("bins per unit ln E must be positive: " + binsPerUnitLnEnergy);
        }
        for (int i = 1; i < n; i++) {
            if (!(nodeLnEnergy[i] >= nodeLnEnergy[i - 1])) {
                throw new IllegalArgumentException("node energies must not decrease at node " + i);
            }
        }
        for (int b : binFirstNode) {
            if (b < 0 || b >= n) {
                throw new IllegalArgumentException("bin points outside the node list: " + b);
            }
        }
        this.materialCount = materialCount;
        this.nodeCount = n;
        this.binCount = binFirstNode.length;
        this.lnEnergyMin = lnEnergyMin;
        this.binsPerUnitLnEnergy = binsPerUnitLnEnergy;
        this.nodeLnEnergy = nodeLnEnergy;
        this.binFirstNode = binFirstNode;
        this.muOverRho = muOverRho;
        this.logSlope = logSlope;
    }

    public int materialCount() {
        return materialCount;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int binCount() {
        return binCount;
    }

    /** ln(E/MeV) of a node. */
    public float nodeLnEnergy(int node) {
        return nodeLnEnergy[node];
    }

    /** The uniform ln E bin of an energy, clamped to the table; the index of the Woodcock majorant. */
    public int bin(float lnEnergy) {
        int b = (int) ((lnEnergy - lnEnergyMin) * binsPerUnitLnEnergy);
        return b < 0 ? 0 : (b >= binCount ? binCount - 1 : b);
    }

    /** The last node at or below lnEnergy (node 0 below the table). */
    public int node(float lnEnergy) {
        int i = binFirstNode[bin(lnEnergy)];
        // The bin was found in float arithmetic: step back if rounding put lnEnergy just below its first node.
        while (i > 0 && nodeLnEnergy[i] > lnEnergy) {
            i--;
        }
        while (i + 1 < nodeCount && nodeLnEnergy[i + 1] <= lnEnergy) {
            i++;
        }
        return i;
    }

    /** mu/rho (cm2/g) of one process at ln(E/MeV), with node = {@link #node(float)} of the same energy. */
    public float muOverRho(int process, int material, int node, float lnEnergy) {
        int k = (process * materialCount + material) * nodeCount + node;
        return muOverRho[k] * (float) Math.exp(logSlope[k] * (lnEnergy - nodeLnEnergy[node]));
    }

    /** mu/rho (cm2/g) of one process at ln(E/MeV). */
    public float muOverRho(int process, int material, float lnEnergy) {
        return muOverRho(process, material, node(lnEnergy), lnEnergy);
    }

    /**
     * mu/rho (cm2/g) of one process at energy E (MeV). The transport computes ln E once per flight and uses
     * the ln E forms; this one is for callers outside the loop.
     */
    public float muOverRhoAtEnergy(int process, int material, float energy) {
        return muOverRho(process, material, (float) Math.log(energy));
    }

    /**
     * Chooses the interaction at a real collision: process p with probability mu_p / (sum of the four).
     * The sum of the interpolated partial coefficients, not the interpolated total, normalises the choice,
     * so the probabilities add to one exactly; the two differ by the interpolation error (tables-photon.md).
     *
     * @param u uniform in [0, 1)
     * @return {@link #COHERENT}, {@link #INCOHERENT}, {@link #PHOTOELECTRIC} or {@link #PAIR}
     */
    public int selectProcess(int material, int node, float lnEnergy, float u) {
        float coherent = muOverRho(COHERENT, material, node, lnEnergy);
        float incoherent = muOverRho(INCOHERENT, material, node, lnEnergy);
        float photo = muOverRho(PHOTOELECTRIC, material, node, lnEnergy);
        float pair = muOverRho(PAIR, material, node, lnEnergy);
        float r = u * (coherent + incoherent + photo + pair);
        if (r < coherent) {
            return COHERENT;
        }
        r -= coherent;
        if (r < incoherent) {
            return INCOHERENT;
        }
        r -= incoherent;
        // Rounding may leave r just above photo when pair is zero (below 1.03 MeV): that is photoabsorption.
        if (r < photo || pair == 0f) {
            return PHOTOELECTRIC;
        }
        return PAIR;
    }

    /** ln(E/MeV) at the start of bin 0. */
    public float lnEnergyMin() {
        return lnEnergyMin;
    }

    public float binsPerUnitLnEnergy() {
        return binsPerUnitLnEnergy;
    }

    /** Copy of {@code nodeLnEnergy} (tables-photon.md), for uploading to a device. */
    public float[] nodeLnEnergyArray() {
        return nodeLnEnergy.clone();
    }

    /** Copy of {@code binFirstNode}, for uploading to a device. */
    public int[] binFirstNodeArray() {
        return binFirstNode.clone();
    }

    /** Copy of {@code muOverRho}, index (process * materialCount + material) * nodeCount + node. */
    public float[] muOverRhoArray() {
        return muOverRho.clone();
    }

    /** Copy of {@code logSlope}, same index as {@link #muOverRhoArray()}. */
    public float[] logSlopeArray() {
        return logSlope.clone();
    }
}
