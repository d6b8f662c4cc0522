package doseengine.validation.benchmark;

import doseengine.validation.reference.ScaledDosePointKernel;

/**
 * A scaled kernel from a run: the kernel (shell means) and the absolute standard error of each value.
 */
public record SimulatedDosePointKernel(ScaledDosePointKernel kernel, double[] sigma) {
    public SimulatedDosePointKernel {
        if (sigma.length != kernel.size()) {
            throw new IllegalArgumentException("one uncertainty per kernel value");
        }
        sigma = sigma.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    /**
     * The kernel and its standard error at {@code x}, interpolated linearly between the two neighbouring shell
     * midpoints; the error is w1^2 s1^2 + w2^2 s2^2 under the square root (shells treated as independent: the
     * covariance of neighbouring shells is not kept by the tally). NaN outside the midpoints.
     */
    public double[] at(double x) {
        double[] xs = kernel.x();
        double[] js = kernel.j();
        if (!(x >= xs[0] && x <= xs[xs.length - 1])) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int hi = 1;
        while (hi < xs.length - 1 && xs[hi] < x) {
            hi++;
        }
        int lo = hi - 1;
        double w = (x - xs[lo]) / (xs[hi] - xs[lo]);
        double value = (1 - w) * js[lo] + w * js[hi];
        double s = Math.hypot((1 - w) * sigma[lo], w * sigma[hi]);
        return new double[] {value, s};
    }
}
