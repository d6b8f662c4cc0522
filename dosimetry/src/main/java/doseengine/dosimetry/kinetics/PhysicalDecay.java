package doseengine.dosimetry.kinetics;

import doseengine.geometry.BadInputException;

/**
 * A nuclide's physical decay, the floor on every clearance: {@code lambda_phys = ln 2 / T_phys} (per hour).
 * Lu-177 6.647 d = 159.528 h (ICRP Publication 107), the value of the engine's nuclide catalogue.
 */
public record PhysicalDecay(double halfLifeHours) {
    public static final PhysicalDecay LU177 = new PhysicalDecay(6.647 * 24);

    public PhysicalDecay {
        if (!Double.isFinite(halfLifeHours) || halfLifeHours <= 0) {
            throw new BadInputException("physical half-life must be finite and > 0 h, got " + halfLifeHours);
        }
    }

    public double lambdaPerHour() {
        return Math.log(2) / halfLifeHours;
    }
}
