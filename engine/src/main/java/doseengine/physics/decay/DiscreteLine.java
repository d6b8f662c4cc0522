package doseengine.physics.decay;

/** One discrete emission line: its kind, kinetic or photon energy (MeV) and number per decay. */
public record DiscreteLine(RadiationType type, double energyMeV, double yieldPerDecay) {
    public DiscreteLine {
        if (type == RadiationType.BETA) {
            throw new IllegalArgumentException("beta particles form a spectrum, not a line");
        }
    }

    /** Energy carried per decay by this line (MeV). */
    public double energyPerDecayMeV() {
        return energyMeV * yieldPerDecay;
    }
}
