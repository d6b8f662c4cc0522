package doseengine.dosimetry.convolution;

import java.util.Arrays;

/**
 * A dose point kernel as a Monte Carlo scores it: the mean energy (MeV) deposited per decay in each spherical shell
 * around a point source in a homogeneous medium, with the shells' relative standard errors.
 *
 * @param edgesMm      shell radii (mm), strictly increasing from 0
 * @param meVPerDecay  energy per decay in shell s, between {@code edgesMm[s]} and {@code edgesMm[s+1]}
 * @param relativeUncertainty relative standard error of each shell's energy (0 where unknown)
 */
public record DosePointKernel(double[] edgesMm, double[] meVPerDecay, double[] relativeUncertainty) {
    public DosePointKernel {
        edgesMm = edgesMm.clone();
        meVPerDecay = meVPerDecay.clone();
        relativeUncertainty = relativeUncertainty.clone();
        if (edgesMm.length < 2 || edgesMm[0] != 0) {
            throw new IllegalArgumentException("a radial kernel needs shell edges starting at 0");
        }
        for (int i = 1; i < edgesMm.length; i++) {
            if (!(edgesMm[i] > edgesMm[i - 1])) {
                throw new IllegalArgumentException("shell edges must increase strictly");
            }
        }
        if (meVPerDecay.length != edgesMm.length - 1 || relativeUncertainty.length != meVPerDecay.length) {
            throw new IllegalArgumentException("one energy and one uncertainty per shell");
        }
        for (double e : meVPerDecay) {
            if (!(e >= 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("shell energies must be finite and >= 0, got " + e);
            }
        }
    }

    @Override
    public double[] edgesMm() {
        return edgesMm.clone();
    }

    @Override
    public double[] meVPerDecay() {
        return meVPerDecay.clone();
    }

    @Override
    public double[] relativeUncertainty() {
        return relativeUncertainty.clone();
    }

    public int shells() {
        return meVPerDecay.length;
    }

    public double outerRadiusMm() {
        return edgesMm[edgesMm.length - 1];
    }

    /** Energy per decay (MeV) deposited in all shells. */
    public double totalMeV() {
        return Arrays.stream(meVPerDecay).sum();
    }

    /** Energy per decay (MeV) deposited inside radius {@code edgesMm[s]} (shells 0..s-1). */
    double cumulativeMeV(int s) {
        double sum = 0;
        for (int i = 0; i < s; i++) {
            sum += meVPerDecay[i];
        }
        return sum;
    }

    /** Shell radii packed for a loop: edge s, no copy (package use). */
    double edge(int s) {
        return edgesMm[s];
    }

    double energy(int s) {
        return meVPerDecay[s];
    }
}
