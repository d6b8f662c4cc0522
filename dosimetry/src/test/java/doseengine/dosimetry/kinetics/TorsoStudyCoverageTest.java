package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.phantoms.TorsoStudy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Does the reported TIA uncertainty mean what it says on the synthetic patient's own kinetics?
 *
 * <p>Truth: every distinct curve of {@code phantom torso_study} ({@link TorsoStudy#kinetics()}, the analytic
 * bi-exponentials, not images) at its protocol's 4, 24, 96 and 168 h. Structures that share half-times (body, lungs
 * and spine; left and right kidney) are one curve: with relative noise and a relative stated uncertainty the
 * coverage depends on the half-times only, not on the amplitude.
 *
 * <p>Noise model: each measured activity is {@code A_true (1 + 0.10 z)}, z standard normal, independent between
 * time points, and the analysis states the study's default 10 % of the <em>measured</em> activity
 * ({@link ActivityUncertainty#standard()}), as {@code study} does. Multiplicative, because the dominant errors of an
 * organ's activity from quantitative SPECT/CT (calibration factor, recovery and partial-volume correction, the
 * delineation of the volume) scale with the activity, while the counting noise of an organ-sized volume is small
 * (Gear et al. 2018, EJNMMI 45:2456); independent per time point, because each is a separate acquisition,
 * reconstruction and delineation. A calibration error common to all time points scales the whole curve and is not
 * part of this model.
 *
 * <p>Per curve {@value #REPLICAS} replicas (fixed seeds, reproducible). For k = 1 and 2 the fraction of replicas with
 * {@code |TIA - truth| <= k sigma} is compared with the normal rates 68.27 % and 95.45 %, overall and for each model
 * path the selection took (mono-exponential, bi-exponential, either at the physical-decay floor, trapezoid).
 * Tolerance: 3 binomial standard errors {@code sqrt(p(1-p)/n)} of that path's replica count n (at p = 0 or 1,
 * p is taken as 1/(2n) from the boundary). Where the method's coverage is a measured property rather than the nominal
 * rate, {@link #MEASURED} pins the measured rate with its cause (docs/kinetics.md, "Coverage on the synthetic
 * patient"), with the same tolerance: a change of the method that moves it beyond that fails the test.
 */
class TorsoStudyCoverageTest {
    static final int REPLICAS = 2000;
    static final double NOISE = 0.10;
    static final double[] HOURS = {4, 24, 96, 168};
    static final double[] NOMINAL = {0, 0.682689, 0.954500};
    static final String TRAPEZOID = TrapezoidWithTail.NAME;

    /**
     * Cells (curve | path | k) whose coverage is a measured property of the method, not the nominal rate. The
     * trapezoid (taken when the chosen fit is rejected at 0.1 %) is pooled over all curves: its physical-decay tail
     * after 168 h is an upper bound by design, so it misses the truth high.
     */
    static final Map<String, Double> MEASURED = Map.ofEntries(
            // Model-selection bias: AIC takes the mono-exponential when the noise hides the 2 h uptake, and that
            // fit then underestimates (mean -4.5 % medulla, -2.5 % cortex) with a sigma that knows nothing of the
            // choice.
            Map.entry("kidney_left_medulla|mono-exponential|1", 0.5346),
            Map.entry("kidney_left_medulla|mono-exponential|2", 0.8327),
            Map.entry("kidney_left_medulla|all|2", 0.9265),
            Map.entry("kidney_left_cortex|mono-exponential|1", 0.6407),
            Map.entry("kidney_left_cortex|mono-exponential|2", 0.9274),
            // Washout near physical decay: TIA ~ 1/lambda_w is far from linear at the tail's ~30 % uncertainty, so
            // the delta method's sigma is wide enough at k = 1 but the errors have long tails (k = 2 under).
            Map.entry("tumour_1|bi-exponential|1", 0.7426),
            Map.entry("tumour_1|bi-exponential|2", 0.9024),
            Map.entry("tumour_1|all|1", 0.7815),
            Map.entry("tumour_1|all|2", 0.9190),
            Map.entry("tumour_2|bi-exponential|1", 0.7460),
            Map.entry("tumour_2|bi-exponential|2", 0.9364),
            Map.entry("tumour_2|all|1", 0.7400),
            Map.entry("tumour_2|all|2", 0.9400),
            // At the floor the estimate is the largest TIA the constraint allows (mean +14 % to +25 %); the
            // uncertainty with lambda_w free is wider than that bias at k = 2 (conservative), not always at k = 1.
            Map.entry("tumour_1|bi-exponential at floor|1", 0.9707),
            Map.entry("tumour_1|bi-exponential at floor|2", 1.0),
            Map.entry("liver|bi-exponential at floor|1", 0.1818),
            // Sigma from the measured activity: a point that falls low gets a smaller sigma and more weight, so the
            // errors have slightly longer tails than the stated sigma (k = 2 about 94 % where the true activities'
            // sigma gives 95 %).
            Map.entry("body|all|2", 0.9365),
            Map.entry("body|mono-exponential|2", 0.9401),
            Map.entry("spleen|all|2", 0.9365),
            Map.entry("spleen|bi-exponential|2", 0.9365),
            Map.entry("tumour_3|all|2", 0.9400),
            Map.entry("tumour_3|bi-exponential|2", 0.9400),
            // The trapezoid's physical-decay tail after 168 h is an upper bound by design: it misses high.
            Map.entry("all|trapezoid|1", 0.0638),
            Map.entry("all|trapezoid|2", 0.2553));

    /** Replica counts and coverage counts of one cell. */
    static final class Tally {
        int n;
        final int[] covered = new int[3];

        void add(double error, double sigma) {
            n++;
            for (int k = 1; k <= 2; k++) {
                covered[k] += Math.abs(error) <= k * sigma ? 1 : 0;
            }
        }
    }

    @Test
    void reportedSigmaCoversTheTruthAtTheNominalRateOrTheMeasuredOne() {
        TorsoStudy study = TorsoStudy.create(8, PhysicalDecay.LU177.halfLifeHours());
        Map<String, TorsoStudy.Kinetics> curves = new LinkedHashMap<>();
        for (TorsoStudy.Kinetics k : study.kinetics()) {
            if (curves.values().stream().noneMatch(c -> c.uptakeHalfTimeH() == k.uptakeHalfTimeH()
                    && c.washoutHalfLifeH() == k.washoutHalfLifeH())) {
                curves.put(k.structure(), k);
            }
        }
        assertTrue(curves.size() >= 8, "the distinct curves of the synthetic patient: " + curves.keySet());
        Map<String, Tally> cells = new TreeMap<>();
        long seed = 20260302;
        for (TorsoStudy.Kinetics k : curves.values()) {
            SplittableRandom rng = new SplittableRandom(seed++);
            double truth = k.tiaMBqH();
            double[] exact = new double[HOURS.length];
            for (int i = 0; i < exact.length; i++) {
                exact[i] = k.activityMBq(HOURS[i]);
            }
            for (int r = 0; r < REPLICAS; r++) {
                double[] a = new double[exact.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = Math.max(0, exact[i] * (1 + NOISE * CoverageTest.gaussian(rng)));
                }
                KineticFit f = ModelSelection.select(TimeActivityCurve.of(HOURS, a, ActivityUncertainty.standard()),
                        PhysicalDecay.LU177).chosen();
                String path = f.model() + (f.atPhysicalFloor() ? " at floor" : "");
                double error = f.tiaMBqH() - truth;
                cells.computeIfAbsent(k.structure() + "|all", x -> new Tally()).add(error, f.tiaSigmaMBqH());
                String cell = path.equals(TRAPEZOID) ? "all|" + TRAPEZOID : k.structure() + "|" + path;
                cells.computeIfAbsent(cell, x -> new Tally()).add(error, f.tiaSigmaMBqH());
            }
        }
        List<String> failures = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-46s %5s %8s %8s   (expected, tolerance 3 binomial sigmas)%n", "curve | path",
                "n", "k=1", "k=2");
        for (Map.Entry<String, Tally> e : cells.entrySet()) {
            Tally t = e.getValue();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-46s %5d", e.getKey(), t.n));
            for (int k = 1; k <= 2; k++) {
                double rate = (double) t.covered[k] / t.n;
                line.append(String.format(Locale.ROOT, " %8.4f", rate));
            }
            for (int k = 1; k <= 2; k++) {
                double rate = (double) t.covered[k] / t.n;
                String key = e.getKey() + "|" + k;
                double expected = MEASURED.getOrDefault(key, NOMINAL[k]);
                double p = Math.min(Math.max(expected, 0.5 / t.n), 1 - 0.5 / t.n);
                double tolerance = 3 * Math.sqrt(p * (1 - p) / t.n);
                line.append(String.format(Locale.ROOT, "   k=%d %.4f +- %.4f%s", k, expected, tolerance,
                        MEASURED.containsKey(key) ? " (measured)" : ""));
                if (Math.abs(rate - expected) > tolerance) {
                    failures.add(String.format(Locale.ROOT, "%s k=%d: coverage %.4f, expected %.4f +- %.4f (n %d)",
                            e.getKey(), k, rate, expected, tolerance, t.n));
                }
            }
            System.out.println(line);
        }
        for (String key : MEASURED.keySet()) {
            String cell = key.substring(0, key.lastIndexOf('|'));
            assertTrue(cells.containsKey(cell), "a measured cell that no longer occurs: " + key);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
