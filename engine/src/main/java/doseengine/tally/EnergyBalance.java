package doseengine.tally;

/**
 * Where the emitted energy went, per decay (MeV): deposited in the scoring bins, escaped (left the grid or
 * the shells), and emitted by the source. Energy is conserved when {@code deposited + escaped = emitted}; the
 * fixed-point rounding allows at most 2^-31 MeV per deposit below 7.8 keV, so a relative imbalance above
 * about 1e-6 means the transport lost or created energy.
 */
public record EnergyBalance(double depositedMeVPerDecay, double escapedMeVPerDecay, double emittedMeVPerDecay) {
    /** {@code (deposited + escaped - emitted) / emitted}; 0 when nothing was emitted. */
    public double relativeImbalance() {
        if (emittedMeVPerDecay == 0) {
            return 0;
        }
        return (depositedMeVPerDecay + escapedMeVPerDecay - emittedMeVPerDecay) / emittedMeVPerDecay;
    }

    static EnergyBalance of(BatchMoments m) {
        return new EnergyBalance(m.meanPerDecay(0), m.meanPerDecay(1), m.meanPerDecay(2));
    }
}
