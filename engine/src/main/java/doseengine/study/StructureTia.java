package doseengine.study;

import doseengine.dosimetry.kinetics.KineticFit;
import doseengine.dosimetry.kinetics.TimeActivityCurve;

/**
 * One structure's time-integrated activity in a cycle, from its time-activity curve.
 *
 * @param name         the structure, or {@link #REST} for the voxels in no structure
 * @param curve        its activity (MBq) at each time point of the cycle, with the uncertainties the fit used
 * @param model        the model that gave the TIA: a {@code ModelSelection} model ("mono-exponential",
 *                     "bi-exponential", "trapezoid") or {@link #HANSCHEID} for a single time point
 * @param tiaMBqH      the time-integrated activity from injection to infinity, MBq h
 * @param tiaSigmaMBqH its standard uncertainty, MBq h (from the activities' uncertainties only)
 * @param reason       why this model, in words
 * @param fit          the chosen fit (its parameters give the dose-rate curve); null for {@link #HANSCHEID}
 */
public record StructureTia(String name, TimeActivityCurve curve, String model, double tiaMBqH, double tiaSigmaMBqH,
        String reason, KineticFit fit) {
    /** The name of the rest of the body: every voxel in no named structure. */
    public static final String REST = "rest of body";

    /** The model name of Hänscheid's single-time-point approximation. */
    public static final String HANSCHEID = "Hänscheid single time point";
}
