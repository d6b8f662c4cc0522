package doseengine.validation.run;

import doseengine.tally.EnergyBalance;

/**
 * What a point-source run returns: the energy deposited in each shell per decay (MeV) with its relative standard
 * error (from the batch statistics), the energy balance, and how the run went.
 */
public record PointSourceResult(double[] shellMeVPerDecay, double[] shellRelativeUncertainty, EnergyBalance balance,
        RunRecord run) {
    public PointSourceResult {
        if (shellMeVPerDecay.length != shellRelativeUncertainty.length) {
            throw new IllegalArgumentException("one uncertainty per shell");
        }
        shellMeVPerDecay = shellMeVPerDecay.clone();
        shellRelativeUncertainty = shellRelativeUncertainty.clone();
    }

    @Override
    public double[] shellMeVPerDecay() {
        return shellMeVPerDecay.clone();
    }

    @Override
    public double[] shellRelativeUncertainty() {
        return shellRelativeUncertainty.clone();
    }
}
