package doseengine.dosimetry.kinetics;

/**
 * Starting values for the exponential fits: a weighted straight line through {@code (t, ln A)} of the points from
 * {@code from} on, weights {@code (A/s)^2} (the variance of ln A is about {@code (s/A)^2}).
 */
final class LogLinear {
    private LogLinear() {
    }

    /** {@code {A0, lambda}} with lambda at least {@code minLambda}; A0 the line's value at t = 0. */
    static double[] start(double[] t, double[] y, double[] s, int from, double minLambda) {
        double sw = 0;
        double st = 0;
        double sl = 0;
        double stt = 0;
        double stl = 0;
        int used = 0;
        for (int i = from; i < t.length; i++) {
            if (y[i] <= 0) {
                continue;
            }
            double w = (y[i] / s[i]) * (y[i] / s[i]);
            double l = Math.log(y[i]);
            sw += w;
            st += w * t[i];
            sl += w * l;
            stt += w * t[i] * t[i];
            stl += w * t[i] * l;
            used++;
        }
        if (used == 0) {
            return new double[] {1, minLambda};
        }
        if (used == 1) {
            double l = sl / sw;
            double tt = st / sw;
            return new double[] {Math.exp(l + minLambda * tt), minLambda};
        }
        double slope = (sw * stl - st * sl) / (sw * stt - st * st);
        double lambda = Math.max(-slope, minLambda);
        double intercept = (sl + lambda * st) / sw;
        return new double[] {Math.exp(intercept), lambda};
    }
}
