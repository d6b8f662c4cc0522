package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.io.DoseProblems;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.opencl.OpenClTestSupport;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.PhantomCatalog;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.tally.RegionDose;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end, OpenCL against Java on the torso phantom (the demo's activity distribution, default CT calibration,
 * every label) for 177Lu, 90Y and 131I: two whole {@link DoseCalculation}s, one per backend, with independent seeds
 * (Java 1001, OpenCL 2002), so that the two dose maps are independent Monte Carlo estimates of the same quantity and
 * their difference is noise alone when the physics is the same.
 *
 * <p>Statistics. Each run has B = 10 batches ({@link BatchPlan}); a batch-means standard error carries B - 1 = 9
 * degrees of freedom. When the physics agrees, the two backends have the same per-decay variance, and for normal
 * batch means z = (a - b) / sqrt(sa^2 + sb^2) follows Student's t with about nu = 2 (B - 1) = 18 degrees of freedom
 * (Welch-Satterthwaite with equal variances), for which P(|z| > 3) = 0.77 %, four times the normal 0.27 %.
 *
 * <p>Labels: those whose mean dose has a relative standard error below 20 % on both backends (where ten batch means
 * of a label's total energy are close to normal). The issue asks for agreement within three combined standard
 * errors; applied to every label, a 3-SE rule fails agreeing backends by chance in 1 - (1 - 0.0077)^42 = 28 % of
 * runs over the 14 labels of three nuclides (multiple testing). The rule therefore judges the count, per nuclide: at
 * most the 99.9 % quantile of Binomial(K, 0.0077) labels beyond 3 SE (2 of 14; 0.11 expected), and none beyond
 * 5 SE (P(|t_18| > 5) = 9e-5 per label). Agreeing backends then fail by chance with probability about 1.4e-3 per
 * nuclide (0.4 % for the three); a bias of 3 SE in three labels, or of 5 SE in one, fails.
 *
 * <p>Voxels: over the K voxels whose dose (mean of the two maps) is at least 1 % of the largest, X = sum z^2 must be
 * consistent with statistics alone: 0.5 K <= X <= E + 4 sd, with E = K nu / (nu - 2) and
 * sd^2 = K 2 nu^2 (nu - 1) / ((nu - 2)^2 (nu - 4)) the t_18 moments (1.125 and 3.07 per voxel). The upper bound has
 * an upper tail of about 3e-5 for independent normal voxels; neighbouring voxels share particles and widen the
 * spread of X somewhat, which the four standard deviations absorb. Most of these voxels see only a few decays per
 * batch, so their batch totals are skewed, not normal; their z^2 then averages below t_18's 1.125 (measured
 * 1.035-1.056 per voxel on PoCL, at 8 and 4 mm), which makes the upper bound conservative, not a false alarm. The
 * lower bound catches overestimated uncertainties, which would hide a bias.
 *
 * <p>The default build runs the 8 mm torso (about 20 s for the three nuclides and both backends on PoCL with two
 * shared cores); the validation profile ({@code -Pvalidation}) runs the phantom's own 4 mm voxels with four times
 * the decays. DOSEENGINE_REQUIRE_OPENCL=1 turns a missing OpenCL device into a failure, as for every OpenCL test.
 */
class TorsoOpenClJavaAgreementTest {
    /** Seeds of the two backends: different, so that the estimates are independent. */
    static final long JAVA_SEED = 1001, OPENCL_SEED = 2002;
    static final double MAX_LABEL_REL_SE = 0.2;

    /** Phantoms by voxel size, rendered once. */
    private static final Map<Double, Phantom> TORSOS = new HashMap<>();

    @ParameterizedTest
    @CsvSource({"Lu-177, 100000", "Y-90, 40000", "I-131, 60000"})
    void torsoAgreesAtEightMillimetres(String nuclide, long decays) {
        compare(nuclide, 8, decays);
    }

    @Tag("validation")
    @ParameterizedTest
    @CsvSource({"Lu-177, 400000", "Y-90, 160000", "I-131, 240000"})
    void torsoAgreesAtFourMillimetres(String nuclide, long decays) {
        compare(nuclide, 4, decays);
    }

    private static synchronized Phantom torso(double voxelMm) {
        return TORSOS.computeIfAbsent(voxelMm, mm -> PhantomCatalog.create("torso", mm));
    }

    private static void compare(String nuclide, double voxelMm, long decays) {
        int device = OpenClTestSupport.deviceIndex();
        DoseProblem p = DoseProblems.fromPhantom(torso(voxelMm), NuclideCatalog.get(nuclide), 100, List.of());
        StopRule stop = new StopRule.DecayCount(decays);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        RunSettings onJava = new RunSettings(TransportMethod.MONTE_CARLO, BackendChoice.Resolved.java(threads, null),
                stop, JAVA_SEED, threads, TransportParameters.defaults());
        RunSettings onOpenCl = new RunSettings(TransportMethod.MONTE_CARLO, new BackendChoice.Resolved(
                BackendChoice.Resolved.OPENCL, "OpenCL device " + device, null, device, true), stop, OPENCL_SEED,
                threads, TransportParameters.defaults());
        DoseResult a = DoseCalculation.run(p, onJava, ProgressListener.NONE);
        DoseResult b = DoseCalculation.run(p, onOpenCl, ProgressListener.NONE);
        assertEquals(BackendChoice.Resolved.OPENCL, b.settings().backend().name());
        assertEquals(a.outcome().batches(), b.outcome().batches());
        int batches = a.outcome().batches();

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%s torso %.0f mm, %d decays per backend, %d batches; label: Java, OpenCL (Gy/decay), z%n", nuclide,
                voxelMm, decays, batches));
        checkLabels(a.regions(), b.regions(), batches, report);
        checkVoxels(a, b, batches, report);
        System.out.println(report);
    }

    /** Degrees of freedom of z for two B-batch estimates with equal variances (Welch-Satterthwaite). */
    static double nu(int batches) {
        return 2.0 * (batches - 1);
    }

    private static void checkLabels(List<RegionDose> java, List<RegionDose> openCl, int batches,
                                    StringBuilder report) {
        assertEquals(java.size(), openCl.size());
        int compared = 0;
        int beyond3 = 0;
        double worst = 0;
        for (int i = 0; i < java.size(); i++) {
            RegionDose a = java.get(i);
            RegionDose b = openCl.get(i);
            assertEquals(a.name(), b.name());
            if (!(a.relativeUncertainty() < MAX_LABEL_REL_SE && b.relativeUncertainty() < MAX_LABEL_REL_SE)) {
                continue;
            }
            double sa = a.meanGyPerDecay() * a.relativeUncertainty();
            double sb = b.meanGyPerDecay() * b.relativeUncertainty();
            double z = (a.meanGyPerDecay() - b.meanGyPerDecay()) / Math.hypot(sa, sb);
            compared++;
            if (Math.abs(z) > 3) {
                beyond3++;
            }
            worst = Math.max(worst, Math.abs(z));
            report.append(String.format(Locale.ROOT, "  %-22s %.4e +- %4.1f %%  %.4e +- %4.1f %%  %+.2f%n", a.name(),
                    a.meanGyPerDecay(), 100 * a.relativeUncertainty(), b.meanGyPerDecay(),
                    100 * b.relativeUncertainty(), z));
        }
        double p3 = 2 * new TDistribution(nu(batches)).cumulativeProbability(-3);
        int allowed = compared == 0 ? 0 : new BinomialDistribution(compared, p3).inverseCumulativeProbability(0.999);
        report.append(String.format(Locale.ROOT, "  %d labels compared, %d beyond 3 SE (allowed %d), worst |z| %.2f%n",
                compared, beyond3, allowed, worst));
        assertTrue(compared >= 8, report.toString());
        assertTrue(beyond3 <= allowed, report.toString());
        assertTrue(worst <= 5, report.toString());
    }

    private static void checkVoxels(DoseResult a, DoseResult b, int batches, StringBuilder report) {
        float[] da = a.dose().gray().data();
        float[] ua = a.dose().relativeUncertainty().data();
        float[] db = b.dose().gray().data();
        float[] ub = b.dose().relativeUncertainty().data();
        double max = 0;
        for (int v = 0; v < da.length; v++) {
            max = Math.max(max, (da[v] + (double) db[v]) / 2);
        }
        int selected = 0;
        double chiSquare = 0;
        for (int v = 0; v < da.length; v++) {
            if ((da[v] + (double) db[v]) / 2 < 0.01 * max) {
                continue;
            }
            double s = Math.hypot(da[v] * (double) ua[v], db[v] * (double) ub[v]);
            double z = s > 0 ? (da[v] - (double) db[v]) / s : 0;
            chiSquare += z * z;
            selected++;
        }
        double nu = nu(batches);
        double expected = selected * nu / (nu - 2);
        double sd = Math.sqrt(selected * 2 * nu * nu * (nu - 1) / ((nu - 2) * (nu - 2) * (nu - 4)));
        report.append(String.format(Locale.ROOT, "  chi-square %.1f over %d voxels above 1 %% of the maximum "
                + "(%.3f per voxel; expected %.1f +- %.1f)", chiSquare, selected, chiSquare / selected, expected, sd));
        assertTrue(selected >= 30, report.toString());
        assertTrue(chiSquare <= expected + 4 * sd, report.toString());
        assertTrue(chiSquare >= 0.5 * selected, report.toString());
    }
}
