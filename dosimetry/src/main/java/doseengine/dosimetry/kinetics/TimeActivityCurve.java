package doseengine.dosimetry.kinetics;

import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A structure's activity at time points after injection, sorted by time, each with its standard uncertainty.
 * Refused, one line each: no points, a time that is not finite and > 0, two equal times, an activity that is not
 * finite and >= 0, a given uncertainty that is not finite and >= 0.
 */
public final class TimeActivityCurve {
    private final double[] hours;
    private final double[] activities;
    private final double[] sigmas;

    private TimeActivityCurve(double[] hours, double[] activities, double[] sigmas) {
        this.hours = hours;
        this.activities = activities;
        this.sigmas = sigmas;
    }

    /** The curve of {@code points} (any order); points without an uncertainty get {@code model}'s. */
    public static TimeActivityCurve of(List<TimePoint> points, ActivityUncertainty model) {
        if (points == null || points.isEmpty()) {
            throw new BadInputException("time_points: a time-activity curve needs at least 1 point, got 0");
        }
        for (TimePoint p : points) {
            if (!Double.isFinite(p.hours()) || p.hours() <= 0) {
                throw new BadInputException("hours: a time point must be finite and > 0 h after injection, got " + p.hours());
            }
            if (!Double.isFinite(p.activityMBq()) || p.activityMBq() < 0) {
                throw new BadInputException("activity at " + p.hours() + " h must be finite and >= 0 MBq, got "
                    + p.activityMBq());
            }
            if (!Double.isNaN(p.sigmaMBq()) && (!Double.isFinite(p.sigmaMBq()) || p.sigmaMBq() < 0)) {
                throw new BadInputException("sigma at " + p.hours() + " h must be finite and >= 0 MBq, got " + p.sigmaMBq());
            }
        }
        List<TimePoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(TimePoint::hours));
        int n = sorted.size();
        double[] t = new double[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = sorted.get(i).hours();
            a[i] = sorted.get(i).activityMBq();
            if (i > 0 && t[i] == t[i - 1]) {
                throw new BadInputException("hours: two time points at the same time " + t[i] + " h");
            }
        }
        double[] modelSigma = model.sigmasMBq(t.clone(), a.clone());
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double given = sorted.get(i).sigmaMBq();
            s[i] = Double.isNaN(given) ? modelSigma[i] : given;
        }
        return new TimeActivityCurve(t, a, s);
    }

    /** The curve of parallel arrays of hours and activities, uncertainties from {@code model}. */
    public static TimeActivityCurve of(double[] hours, double[] activitiesMBq, ActivityUncertainty model) {
        if (hours.length != activitiesMBq.length) {
            throw new BadInputException("time_points: " + hours.length + " times but " + activitiesMBq.length
                + " activities");
        }
        List<TimePoint> pts = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            pts.add(TimePoint.of(hours[i], activitiesMBq[i]));
        }
        return of(pts, model);
    }

    public int size() {
        return hours.length;
    }

    public double[] hours() {
        return hours.clone();
    }

    public double[] activitiesMBq() {
        return activities.clone();
    }

    public double[] sigmasMBq() {
        return sigmas.clone();
    }

    /** True when every activity is zero: nothing to fit. */
    boolean allZero() {
        for (double v : activities) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }
}
