package doseengine.dosimetry;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;

/**
 * A number of decays, the factor that turns Gy per decay into Gy. The time-integrated activity
 * {@code A~ = integral of A(t) dt}: 1 MBq s = 1e6 decays, 1 MBq h = 3.6e9 decays.
 */
public record TimeIntegratedActivity(double decays) {
    public static final double DECAYS_PER_MBQ_S = 1e6;
    public static final double DECAYS_PER_MBQ_H = 3.6e9;

    public TimeIntegratedActivity {
        if (!Double.isFinite(decays) || decays < 0) {
            throw new BadInputException("time-integrated activity must be finite and >= 0 decays, got " + decays);
        }
    }

    public static TimeIntegratedActivity ofDecays(double decays) {
        return new TimeIntegratedActivity(decays);
    }

    public static TimeIntegratedActivity ofMBqSeconds(double mbqS) {
        check(mbqS, "MBq s");
        return new TimeIntegratedActivity(mbqS * DECAYS_PER_MBQ_S);
    }

    public static TimeIntegratedActivity ofMBqHours(double mbqH) {
        check(mbqH, "MBq h");
        return new TimeIntegratedActivity(mbqH * DECAYS_PER_MBQ_H);
    }

    private static void check(double v, String unit) {
        if (!Double.isFinite(v) || v < 0) {
            throw new BadInputException("time-integrated activity must be finite and >= 0 " + unit + ", got " + v);
        }
    }

    /** The decays in each voxel of a time-integrated activity map in MBq h, flat index as the map's. */
    public static double[] decaysPerVoxel(FloatVolume tiaMBqH) {
        float[] a = tiaMBqH.data();
        double[] n = new double[a.length];
        for (int v = 0; v < a.length; v++) {
            n[v] = a[v] * DECAYS_PER_MBQ_H;
        }
        return n;
    }
}
