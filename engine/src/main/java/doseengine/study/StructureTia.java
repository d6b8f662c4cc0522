package doseengine.study;

import doseengine.dosimetry.kinetics.EffectiveHalfLives;
import doseengine.dosimetry.kinetics.KineticFit;
import doseengine.dosimetry.kinetics.TimeActivityCurve;

/**
 * One structure's time-integrated activity in a cycle, from its time-activity curve.
 *
 * @param name         the structure, or {@link #REST} for the voxels in no structure
 * @param curve        its activity (MBq) at each time point of the cycle, with the uncertainties the fit used
 * @param model        the model that gave the TIA: a {@code ModelSelection} model ("mono-exponential",
 *                     "bi-exponential", "trapezoid"), {@link #HANSCHEID} or {@link #POPULATION} for a single time
 *                     point
 * @param tiaMBqH      the time-integrated activity from injection to infinity, MBq h
 * @param tiaSigmaMBqH its standard uncertainty, MBq h (from the activities' uncertainties, and for
 *                     {@link #POPULATION} the population's spread of the half-life where the table gives it)
 * @param reason       why this model, in words
 * @param fit          the chosen fit (its parameters give the dose-rate curve); null for a single time point
 * @param halfLife     the table's entry for {@link #POPULATION}, else null
 */
public record StructureTia(String name, TimeActivityCurve curve, String model, double tiaMBqH, double tiaSigmaMBqH,
        String reason, KineticFit fit, EffectiveHalfLives.Entry halfLife) {
    /** The name of the rest of the body: every voxel in no named structure. */
    public static final String REST = "rest of body";

    /** The model name of Hänscheid's single-time-point approximation. */
    public static final String HANSCHEID = "Hänscheid single time point";

    /** The model name of the single-time-point population effective half-life method. */
    public static final String POPULATION = "population effective half-life";

    /** A fitted (or Hänscheid) TIA, without a population half-life. */
    public StructureTia(String name, TimeActivityCurve curve, String model, double tiaMBqH, double tiaSigmaMBqH,
            String reason, KineticFit fit) {
        this(name, curve, model, tiaMBqH, tiaSigmaMBqH, reason, fit, null);
    }

    /** How the TIA was obtained, for study.json: "fit", "haenscheid" or "population". */
    public String tiaMethod() {
        return HANSCHEID.equals(model) ? "haenscheid" : POPULATION.equals(model) ? "population" : "fit";
    }

    /**
     * The effective half-life a single-time-point TIA assumes (h): the table's for {@link #POPULATION}, the time of
     * the measurement for {@link #HANSCHEID} (where its approximation is exact); NaN for a fit.
     */
    public double singleTimePointHalfLifeHours() {
        if (halfLife != null) {
            return halfLife.halfLifeHours();
        }
        return HANSCHEID.equals(model) ? curve.hours()[0] : Double.NaN;
    }
}
