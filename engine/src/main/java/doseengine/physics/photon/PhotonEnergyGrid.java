package doseengine.physics.photon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The energy nodes of the photon tables: a uniform grid in ln E (the bins, for O(1) lookup) merged with the
 * absorption edges, each as two nodes at one energy (below-edge value first), and further single nodes (the
 * native XCOM energies of the materials' elements, where the directly interpolated coefficients have their
 * kinks and the pair cross sections start). Every bin boundary is a node, so each bin holds one uniform node
 * plus the others inside it; {@link #binFirstNode()} points from a bin to its first node.
 */
public final class PhotonEnergyGrid {
    /** A node this close (in ln E) to another is the same energy. */
    private static final double SAME_ENERGY = 1e-9;

    private final double lnEnergyMin;
    private final double lnEnergyMax;
    private final int binCount;
    private final double[] nodeLnEnergy;
    private final boolean[] belowEdge;
    private final int[] binFirstNode;

    private PhotonEnergyGrid(double lnEnergyMin, double lnEnergyMax, int binCount, double[] nodeLnEnergy,
                             boolean[] belowEdge, int[] binFirstNode) {
        this.lnEnergyMin = lnEnergyMin;
        this.lnEnergyMax = lnEnergyMax;
        this.binCount = binCount;
        this.nodeLnEnergy = nodeLnEnergy;
        this.belowEdge = belowEdge;
        this.binFirstNode = binFirstNode;
    }

    /**
     * @param edges      ln(E/MeV) of absorption edges; those outside (min, max) are ignored
     * @param singles    ln(E/MeV) of further nodes; those outside (min, max) or at an edge are ignored
     */
    public static PhotonEnergyGrid build(double energyMinMeV, double energyMaxMeV, int binCount, double[] edges,
                                         double[] singles) {
        if (!(energyMinMeV > 0) || !(energyMaxMeV > energyMinMeV) || binCount < 1) {
            throw new IllegalArgumentException("photon grid needs 0 < Emin < Emax and at least one bin, not "
                    + energyMinMeV + ", " + energyMaxMeV + ", " + binCount);
        }
        double lo = Math.log(energyMinMeV);
        double hi = Math.log(energyMaxMeV);
        double width = (hi - lo) / binCount;
        List<double[]> nodes = new ArrayList<>(); // {lnE, 1 if below-edge node else 0}
        double[] sortedEdges = inside(edges, lo, hi);
        double[] sortedSingles = inside(singles, lo, hi);
        for (int b = 0; b <= binCount; b++) {
            double u = b == binCount ? hi : lo + b * width;
            if (!near(sortedEdges, u) && !near(sortedSingles, u)) {
                nodes.add(new double[] {u, 0});
            }
        }
        for (double e : sortedEdges) {
            nodes.add(new double[] {e, 1});
            nodes.add(new double[] {e, 0});
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (double t : sortedSingles) {
            if (!near(sortedEdges, t) && t - previous >= SAME_ENERGY) {
                nodes.add(new double[] {t, 0});
                previous = t;
            }
        }
        nodes.sort(Comparator.<double[]>comparingDouble(n -> n[0]).thenComparingDouble(n -> -n[1]));
        double[] ln = new double[nodes.size()];
        boolean[] below = new boolean[nodes.size()];
        for (int i = 0; i < ln.length; i++) {
            ln[i] = nodes.get(i)[0];
            below[i] = nodes.get(i)[1] > 0;
        }
        int[] first = new int[binCount];
        int i = 0;
        for (int b = 0; b < binCount; b++) {
            double start = lo + b * width;
            while (i + 1 < ln.length && ln[i + 1] <= start + SAME_ENERGY) {
                i++;
            }
            first[b] = i;
        }
        return new PhotonEnergyGrid(lo, hi, binCount, ln, below, first);
    }

    private static double[] inside(double[] values, double lo, double hi) {
        return Arrays.stream(values).filter(v -> v > lo && v < hi).sorted().distinct().toArray();
    }

    private static boolean near(double[] sorted, double u) {
        int i = Arrays.binarySearch(sorted, u);
        int at = i >= 0 ? i : -i - 1;
        return (at < sorted.length && Math.abs(sorted[at] - u) < SAME_ENERGY)
                || (at > 0 && Math.abs(sorted[at - 1] - u) < SAME_ENERGY);
    }

    public double lnEnergyMin() {
        return lnEnergyMin;
    }

    public double lnEnergyMax() {
        return lnEnergyMax;
    }

    public int binCount() {
        return binCount;
    }

    /** Bins per unit of ln E. */
    public double binsPerUnitLnEnergy() {
        return binCount / (lnEnergyMax - lnEnergyMin);
    }

    public int nodeCount() {
        return nodeLnEnergy.length;
    }

    public double nodeLnEnergy(int i) {
        return nodeLnEnergy[i];
    }

    /** True for the lower node of an edge pair: its values are the limits from below the edge. */
    public boolean isBelowEdge(int i) {
        return belowEdge[i];
    }

    /** [bin] the last node at or below the bin's lower boundary. */
    public int[] binFirstNode() {
        return binFirstNode.clone();
    }
}
