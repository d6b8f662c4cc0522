package doseengine.dosimetry.kinetics;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Chooses one model per time-activity curve, by this rule:
 * <ol>
 *   <li>Fit the mono-exponential and the bi-exponential; integrate the trapezoid. A fit is a candidate when it is
 *       usable (converged, physical, identifiable).</li>
 *   <li>When both fits are candidates and the points allow AICc for both ({@code n > k+1}, i.e. n >= 5): the one
 *       with the smaller AICc (Burnham and Anderson 2002; Glatting et al. 2007, Med Phys 34:4285).</li>
 *   <li>When both are candidates and the bi-exponential has exactly one degree of freedom (n = 4, the clinical
 *       4, 24, 96, 168 h protocol), where AICc is not defined for it: the smaller AIC with the stated
 *       uncertainties, {@code chi^2 + 2k} ({@link KineticFit#aic()}: with known uncertainties the 2k penalty needs
 *       no small-sample term). This departs from "else the simpler model": at 10 % per point, the simpler model
 *       always would leave a 2 h uptake unseen and the liver's TIA 1.1 % off in the noiseless test.</li>
 *   <li>Otherwise (3 points, where the bi-exponential passes through them with 0 degrees of freedom): the
 *       simpler model, the mono-exponential, unless the data reject it, that is, its chi square exceeds the 95th
 *       percentile of the chi-square distribution with {@code n - 2} degrees of freedom (a goodness-of-fit test
 *       with the stated uncertainties; at n = 2 it has no test and is taken); then the bi-exponential.</li>
 *   <li>The trapezoid with a physical-decay tail when no fit is a candidate, when the mono-exponential is
 *       rejected and the bi-exponential is not a candidate, or when the chosen fit itself is rejected by its
 *       chi-square test at the 0.1 % level (a misfit far beyond the stated noise: the curve has a shape neither
 *       model has, and the measured points are safer than a wrong model).</li>
 * </ol>
 */
public final class ModelSelection {
    /** The significance level of the mono-exponential's goodness-of-fit test. */
    public static final double REJECTION_LEVEL = 0.05;

    /** The significance level at which the chosen fit itself is rejected and the trapezoid taken instead. */
    public static final double INADEQUATE_LEVEL = 0.001;

    /** The chosen fit, every candidate's result (mono, bi, trapezoid, in that order) and the reason in words. */
    public record Selection(KineticFit chosen, List<KineticFit> candidates, String reason) {
    }

    private ModelSelection() {
    }

    public static Selection select(TimeActivityCurve curve, PhysicalDecay decay) {
        Selection s = choose(curve, decay);
        KineticFit f = s.chosen();
        int dof = f.points() - f.parameterCount();
        if (f.parameterCount() > 0 && dof > 0) {
            double critical = new ChiSquaredDistribution(dof).inverseCumulativeProbability(1 - INADEQUATE_LEVEL);
            if (f.chiSquare() > critical) {
                return new Selection(s.candidates().get(2), s.candidates(), String.format(
                    "the %s was chosen (%s) but the data reject it (chi2 %.3g > %.3g, %d dof, 0.1 %%): "
                        + "trapezoid with a physical-decay tail", f.model(), s.reason(), f.chiSquare(), critical, dof));
            }
        }
        return s;
    }

    private static Selection choose(TimeActivityCurve curve, PhysicalDecay decay) {
        KineticFit trapezoid = TrapezoidWithTail.integrate(curve, decay);
        if (curve.allZero()) {
            return new Selection(trapezoid, List.of(trapezoid), "every activity is zero: TIA 0");
        }
        KineticFit mono = MonoExponential.fit(curve, decay);
        KineticFit bi = BiExponential.fit(curve, decay);
        List<KineticFit> all = List.of(mono, bi, trapezoid);
        int n = curve.size();
        if (mono.usable() && bi.usable() && !Double.isNaN(mono.aicc()) && !Double.isNaN(bi.aicc())) {
            KineticFit best = bi.aicc() < mono.aicc() ? bi : mono;
            return new Selection(best, all, String.format("smallest AICc (mono %.3g, bi %.3g) with n = %d",
                mono.aicc(), bi.aicc(), n));
        }
        if (mono.usable() && bi.usable() && !Double.isNaN(bi.aic())) {
            KineticFit best = bi.aic() < mono.aic() ? bi : mono;
            return new Selection(best, all, String.format(
                "no AICc for the bi-exponential at n = %d; smallest AIC with the stated uncertainties "
                    + "(mono %.3g, bi %.3g)", n, mono.aic(), bi.aic()));
        }
        if (mono.usable()) {
            int dof = n - MonoExponential.K;
            if (dof == 0) {
                return new Selection(mono, all, "2 points: the mono-exponential through them, no test possible");
            }
            double critical = new ChiSquaredDistribution(dof).inverseCumulativeProbability(1 - REJECTION_LEVEL);
            if (mono.chiSquare() <= critical) {
                return new Selection(mono, all, String.format(
                    "no AICc for the bi-exponential at n = %d; the simpler mono-exponential is adequate "
                        + "(chi2 %.3g <= %.3g, %d dof, 5 %%)", n, mono.chiSquare(), critical, dof));
            }
            if (bi.usable()) {
                return new Selection(bi, all, String.format(
                    "no AICc for the bi-exponential at n = %d; the mono-exponential is rejected "
                        + "(chi2 %.3g > %.3g, %d dof, 5 %%)", n, mono.chiSquare(), critical, dof));
            }
            return new Selection(trapezoid, all, String.format(
                "the mono-exponential is rejected (chi2 %.3g > %.3g) and the bi-exponential is not usable (%s)",
                mono.chiSquare(), critical, bi.note()));
        }
        if (bi.usable()) {
            return new Selection(bi, all, "the mono-exponential is not usable (" + mono.note()
                + "); the bi-exponential is");
        }
        return new Selection(trapezoid, all, "no fit usable (mono: " + mono.note() + "; bi: " + bi.note()
            + "): trapezoid with a physical-decay tail");
    }
}
