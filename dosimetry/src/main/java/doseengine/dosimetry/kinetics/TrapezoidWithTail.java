package doseengine.dosimetry.kinetics;

import java.util.List;

/**
 * The area under the measured points without a model: a straight line from zero activity at injection to the
 * first point, trapezoids between points, and after the last point physical decay only,
 * {@code A_last / lambda_phys} (conservative: no biological clearance is assumed after the last image). Zero
 * activity at injection suits organs and tumours that take the radiopharmaceutical up from the blood; it is the
 * trapezoid convention described with the other integration choices in MIRD Pamphlet No. 16 (Siegel et al. 1999,
 * J Nucl Med 40:37S).
 *
 * <p>The TIA is linear in the activities, {@code TIA = sum w_i A_i} with {@code w_1 = t_2/2} (the first segment
 * from t = 0 and half the next), {@code w_i = (t_{i+1} - t_{i-1})/2}, {@code w_n = (t_n - t_{n-1})/2 + 1/lambda_phys};
 * so its standard uncertainty is exactly {@code sqrt(sum w_i^2 s_i^2)} for independent points.
 */
public final class TrapezoidWithTail {
    public static final String NAME = "trapezoid";

    private TrapezoidWithTail() {
    }

    /** The weights {@code w_i} (h) of each activity in the TIA. */
    static double[] weights(double[] t, double lambdaPhys) {
        int n = t.length;
        double[] w = new double[n];
        double previous = 0; // the first segment starts at t = 0 with zero activity
        for (int i = 0; i < n; i++) {
            double next = i + 1 < n ? t[i + 1] : t[i];
            w[i] = (next - previous) / 2;
            previous = t[i];
        }
        w[n - 1] += 1 / lambdaPhys;
        return w;
    }

    public static KineticFit integrate(TimeActivityCurve curve, PhysicalDecay decay) {
        double[] t = curve.hours();
        double[] a = curve.activitiesMBq();
        double[] s = curve.sigmasMBq();
        double[] w = weights(t, decay.lambdaPerHour());
        double tia = 0;
        double var = 0;
        for (int i = 0; i < t.length; i++) {
            tia += w[i] * a[i];
            var += w[i] * w[i] * s[i] * s[i];
        }
        return new KineticFit(NAME, true, List.of(), new double[0], tia, Math.sqrt(var), Double.NaN, t.length, 0,
            false, "linear from 0 at injection, trapezoids, physical decay after the last point");
    }
}
