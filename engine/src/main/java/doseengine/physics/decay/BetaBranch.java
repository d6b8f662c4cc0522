package doseengine.physics.decay;

/**
 * One beta-minus branch as ICRP-07.RAD lists it: the branch's mean kinetic energy (MeV) and its intensity per
 * decay. The spectrum itself is {@link BetaSpectrum}; the branches give ICRP's mean beta energy per decay.
 */
public record BetaBranch(double meanEnergyMeV, double yieldPerDecay) {
}
