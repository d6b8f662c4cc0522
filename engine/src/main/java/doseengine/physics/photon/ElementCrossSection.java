package doseengine.physics.photon;

import java.util.ArrayList;
import java.util.List;

/**
 * One element's cross section for one process on its native XCOM grid: pairs (ln E, ln sigma), E in MeV,
 * sigma in barn per atom, interpolated linearly in log-log. An absorption edge is two consecutive nodes at
 * the same energy (below-edge value first). Below the first node the cross section is zero (the pair
 * thresholds; the other processes start at 1 keV, below which the engine does not transport photons).
 */
public final class ElementCrossSection {
    private final int z;
    private final XcomProcess process;
    private final double[] lnEnergy;
    private final double[] lnSigma;

    ElementCrossSection(int z, XcomProcess process, double[] lnEnergy, double[] lnSigma) {
        if (lnEnergy.length < 2 || lnEnergy.length != lnSigma.length) {
            throw new IllegalStateException(process + " Z=" + z + ": needs at least two (ln E, ln sigma) pairs");
        }
        for (int i = 1; i < lnEnergy.length; i++) {
            if (lnEnergy[i] < lnEnergy[i - 1] || (i > 1 && lnEnergy[i] == lnEnergy[i - 1]
                    && lnEnergy[i - 1] == lnEnergy[i - 2])) {
                throw new IllegalStateException(process + " Z=" + z + ": energies must increase (edges twice) at "
                        + i);
            }
        }
        this.z = z;
        this.process = process;
        this.lnEnergy = lnEnergy;
        this.lnSigma = lnSigma;
    }

    public int atomicNumber() {
        return z;
    }

    public XcomProcess process() {
        return process;
    }

    /** ln(E/MeV) of the lowest tabulated energy: the threshold for pair production. */
    public double firstLnEnergy() {
        return lnEnergy[0];
    }

    /** ln(E/MeV) of the tabulated energies (an edge twice). */
    public double[] lnEnergies() {
        return lnEnergy.clone();
    }

    /** ln(E/MeV) of the absorption edges: energies that appear twice. */
    public double[] edgeLnEnergies() {
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < lnEnergy.length; i++) {
            if (lnEnergy[i] == lnEnergy[i - 1]) {
                edges.add(lnEnergy[i]);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Cross section (barn per atom) at energyMeV; at an edge, side picks the value. */
    public double sigmaBarn(double energyMeV, EdgeSide side) {
        return sigmaBarnAtLn(Math.log(energyMeV), side);
    }

    /** Cross section (barn per atom) at ln(E/MeV). */
    public double sigmaBarnAtLn(double x, EdgeSide side) {
        int n = lnEnergy.length;
        if (!(x <= lnEnergy[n - 1])) {
            throw new IllegalArgumentException(process + " Z=" + z + ": energy exp(" + x + ") MeV is above the data");
        }
        // i: last node strictly below x (BELOW) or at/below x (ABOVE); then the segment (i, i+1) has width > 0.
        int i = side == EdgeSide.ABOVE ? upperBound(x) - 1 : lowerBound(x) - 1;
        if (i < 0) {
            return 0;
        }
        if (i == n - 1) {
            return Math.exp(lnSigma[i]);
        }
        double f = (x - lnEnergy[i]) / (lnEnergy[i + 1] - lnEnergy[i]);
        return Math.exp(lnSigma[i] + f * (lnSigma[i + 1] - lnSigma[i]));
    }

    /** First index with lnEnergy > x. */
    private int upperBound(double x) {
        int lo = 0;
        int hi = lnEnergy.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lnEnergy[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index with lnEnergy >= x. */
    private int lowerBound(double x) {
        int lo = 0;
        int hi = lnEnergy.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lnEnergy[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
