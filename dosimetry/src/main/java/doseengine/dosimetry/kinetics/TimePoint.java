package doseengine.dosimetry.kinetics;

/**
 * One measurement of a structure's activity: hours after injection, activity (MBq) and its standard uncertainty
 * (MBq). A {@code sigmaMBq} of {@link Double#NaN} means "not measured": the curve's {@link ActivityUncertainty}
 * supplies it. The checks are made where the point joins a {@link TimeActivityCurve}.
 */
public record TimePoint(double hours, double activityMBq, double sigmaMBq) {
    /** A point whose uncertainty the curve's uncertainty model will set. */
    public static TimePoint of(double hours, double activityMBq) {
        return new TimePoint(hours, activityMBq, Double.NaN);
    }
}
