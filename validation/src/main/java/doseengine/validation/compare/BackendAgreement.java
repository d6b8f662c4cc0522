package doseengine.validation.compare;

import java.util.Locale;

/**
 * Java versus OpenCL on one problem, run with different seeds so the two results are statistically independent.
 * Per bin z = (a - b) / sqrt(sa^2 + sb^2), over the bins where both values are positive with relative errors of at
 * most {@value #MAX_REL_UNC} (where the batch errors describe a near-normal mean).
 *
 * <p>Rule: the fraction of bins with |z| &gt; 3 at most {@value #MAX_FRACTION_BEYOND_3}, and no |z| above
 * {@value #MAX_Z}. With errors estimated from about 10 batches, z follows roughly a Student t with some 18 degrees
 * of freedom, for which |z| &gt; 3 has probability 0.008 and |z| &gt; 6 about 1e-5 per bin: so a pass is expected for
 * agreeing backends on up to a few thousand bins, while a shift of one standard error in a tenth of the bins, or
 * one bin off by six, fails. Fewer than {@value #MIN_BINS} usable bins: shown, not judged.
 *
 * @param benchmark    the problem
 * @param bins         bins compared
 * @param chi2PerBin   mean of z^2 (about 1.1 for agreeing backends with 10-batch errors)
 * @param maxAbsZ      the largest |z|
 * @param worstBin     where it is
 * @param fractionBeyond3 fraction of bins with |z| &gt; 3
 */
public record BackendAgreement(String benchmark, int bins, double chi2PerBin, double maxAbsZ, String worstBin,
        double fractionBeyond3) {
    public static final double MAX_REL_UNC = 0.2;
    public static final double MAX_FRACTION_BEYOND_3 = 0.02;
    public static final double MAX_Z = 6.0;
    public static final int MIN_BINS = 20;
    public static final String RULE = "fraction of bins with |z| > 3 at most 2 % and every |z| <= 6 "
            + "(bins with both values > 0 and relative errors <= 20 %; independent seeds)";

    /** Compares two results bin by bin; {@code binName} names bin i in the report. */
    public static BackendAgreement of(String benchmark, double[] a, double[] aRelUnc, double[] b, double[] bRelUnc,
            java.util.function.IntFunction<String> binName) {
        if (a.length != b.length || a.length != aRelUnc.length || b.length != bRelUnc.length) {
            throw new IllegalArgumentException("both backends must report the same bins");
        }
        int n = 0;
        double chi2 = 0;
        double maxZ = 0;
        int worst = -1;
        int beyond3 = 0;
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] > 0 && b[i] > 0 && aRelUnc[i] <= MAX_REL_UNC && bRelUnc[i] <= MAX_REL_UNC)) {
                continue;
            }
            double sa = a[i] * aRelUnc[i];
            double sb = b[i] * bRelUnc[i];
            double s = Math.sqrt(sa * sa + sb * sb);
            if (!(s > 0)) {
                continue;
            }
            double z = (a[i] - b[i]) / s;
            n++;
            chi2 += z * z;
            if (Math.abs(z) > 3) {
                beyond3++;
            }
            if (Math.abs(z) > maxZ) {
                maxZ = Math.abs(z);
                worst = i;
            }
        }
        return new BackendAgreement(benchmark, n, n > 0 ? chi2 / n : Double.NaN, n > 0 ? maxZ : Double.NaN,
                worst >= 0 ? binName.apply(worst) : "", n > 0 ? (double) beyond3 / n : Double.NaN);
    }

    public Verdict verdict() {
        if (bins < MIN_BINS) {
            return Verdict.INFORMATIONAL;
        }
        return fractionBeyond3 <= MAX_FRACTION_BEYOND_3 && maxAbsZ <= MAX_Z ? Verdict.PASS : Verdict.FAIL;
    }

    /** One line for reports. */
    public String summary() {
        return String.format(Locale.ROOT, "%d bins, mean z^2 %.3f, max |z| %.2f at %s, %.2f %% beyond 3: %s", bins,
                chi2PerBin, maxAbsZ, worstBin, 100 * fractionBeyond3, verdict());
    }
}
