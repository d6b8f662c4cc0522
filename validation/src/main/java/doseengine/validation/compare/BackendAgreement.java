package doseengine.validation.compare;

import java.util.Locale;

/**
 * Java versus OpenCL on one problem, run with different seeds so the two results are statistically independent.
 * Per bin z = (a - b) / sqrt(sa^2 + sb^2), over the bins where both values are positive with relative errors of at
 * most {@value #MAX_REL_UNC} (where the batch errors describe a near-normal mean).
 *
 * <p>Rule: the number of bins with |z| &gt; 3 at most {@link #allowedBeyond3()}, and no |z| above {@value #MAX_Z}.
 * With errors estimated from B_a and B_b batches, z follows roughly a Student t with (B_a - 1) + (B_b - 1) degrees
 * of freedom: for two 10-batch runs 18, for which |z| &gt; 3 has probability 0.0077 ({@link #pBeyond3(int)}) and
 * |z| &gt; 6 about 1e-5 per bin; more batches make the tail thinner and the rule stricter. The allowed count is the
 * 99.9 % point of the binomial distribution of that count for agreeing backends (1 false failure in 1000): with 18
 * degrees of freedom 4 of 64 bins, 10 of 340, 20 of 1218, so small bin sets are not judged by a fraction that one
 * unlucky bin exceeds (a flat 2 % failed agreeing backends 7 % of the time on 56 bins). A shift of three standard
 * errors in a fifth of the bins, or one bin off by six, fails. Fewer than {@value #MIN_BINS} usable bins: shown, not
 * judged.
 *
 * <p>The batch errors must describe a near-normal mean: bins whose value comes from a few large, rare deposits per
 * batch (photon-only voxels far from a source) have skewed batch means and errors that are too small as often as
 * not; two Java runs with different seeds failed the rule on the voxels of the I-131 3 mm VSV block at 2.5e5 decays
 * (mean z^2 1.44). Callers therefore compare quantities with many events per bin (shells, symmetry-averaged
 * voxels), and bins above {@value #MAX_REL_UNC} relative error are left out.
 *
 * @param benchmark    the problem
 * @param bins         bins compared
 * @param chi2PerBin   mean of z^2 (about 1.1 for agreeing backends with 10-batch errors)
 * @param maxAbsZ      the largest |z|
 * @param worstBin     where it is
 * @param beyond3      bins with |z| &gt; 3
 * @param degreesOfFreedom (B_a - 1) + (B_b - 1), from the two runs' batches
 */
public record BackendAgreement(String benchmark, int bins, double chi2PerBin, double maxAbsZ, String worstBin,
        int beyond3, int degreesOfFreedom) {
    public static final double MAX_REL_UNC = 0.2;
    public static final double MAX_Z = 6.0;
    public static final int MIN_BINS = 20;
    public static final String RULE = "bins with |z| > 3 at most the 99.9 % binomial limit for agreeing backends "
            + "(P(|z| > 3) from Student's t with (B_a - 1) + (B_b - 1) degrees of freedom, B the runs' batches: "
            + "0.0077 for two 10-batch runs) and every |z| <= 6 (bins with both values > 0 and relative errors "
            + "<= 20 %; independent seeds)";

    /** P(|t| &gt; 3) for Student's t with {@code dof} degrees of freedom. */
    public static double pBeyond3(int dof) {
        return 2 * (1 - new org.apache.commons.math3.distribution.TDistribution(dof).cumulativeProbability(3));
    }

    /**
     * The most bins of {@code n} with |z| &gt; 3 that agreeing backends exceed with probability at most 0.001, for
     * errors with {@code dof} degrees of freedom.
     */
    public static int allowedBeyond3(int n, int dof) {
        if (n <= 0) {
            return 0;
        }
        return new org.apache.commons.math3.distribution.BinomialDistribution(null, n, pBeyond3(dof))
                .inverseCumulativeProbability(0.999);
    }

    /** {@link #allowedBeyond3(int, int)} for this comparison's bins and degrees of freedom. */
    public int allowedBeyond3() {
        return allowedBeyond3(bins, degreesOfFreedom);
    }

    /**
     * Compares two results bin by bin; {@code binName} names bin i in the report.
     *
     * @param batchesA, batchesB the batches behind each result's errors (at least 2 each)
     */
    public static BackendAgreement of(String benchmark, double[] a, double[] aRelUnc, int batchesA, double[] b,
            double[] bRelUnc, int batchesB, java.util.function.IntFunction<String> binName) {
        if (batchesA < 2 || batchesB < 2) {
            throw new IllegalArgumentException("batch errors need at least 2 batches, got " + batchesA + " and "
                    + batchesB);
        }
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
                worst >= 0 ? binName.apply(worst) : "", beyond3, batchesA - 1 + batchesB - 1);
    }

    /** Fraction of the bins with |z| &gt; 3 (NaN without bins). */
    public double fractionBeyond3() {
        return bins > 0 ? (double) beyond3 / bins : Double.NaN;
    }

    public Verdict verdict() {
        if (bins < MIN_BINS) {
            return Verdict.INFORMATIONAL;
        }
        return beyond3 <= allowedBeyond3() && maxAbsZ <= MAX_Z ? Verdict.PASS : Verdict.FAIL;
    }

    /** One line for reports. */
    public String summary() {
        return String.format(Locale.ROOT, "%d bins, mean z^2 %.3f, max |z| %.2f at %s, %d beyond 3 (%d allowed, %d "
                + "degrees of freedom): %s", bins, chi2PerBin, maxAbsZ, worstBin, beyond3, allowedBeyond3(),
                degreesOfFreedom, verdict());
    }
}
