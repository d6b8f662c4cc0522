package doseengine.dosimetry.treatment;

import doseengine.dosimetry.kinetics.BiExponential;
import doseengine.dosimetry.kinetics.KineticFit;
import doseengine.dosimetry.kinetics.MonoExponential;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.kinetics.TimeActivityCurve;
import doseengine.dosimetry.kinetics.TrapezoidWithTail;
import doseengine.dosimetry.radiobiology.DoseRate;
import doseengine.dosimetry.radiobiology.DoseRateCurve;
import doseengine.dosimetry.radiobiology.PiecewiseDoseRate;
import doseengine.geometry.BadInputException;

/**
 * A structure's dose-rate curve from its kinetic fit and Monte Carlo mean dose D, by the organ method: the dose rate
 * is proportional to the structure's activity, {@code R(t) = D A(t) / TIA} (MIRD Pamphlet No. 21, Bolch et al. 2009,
 * J Nucl Med 50:477: the absorbed dose rate is the activity times a time-independent S value when the
 * distribution within the structure does not change shape), so R integrates to D and has A's shape.
 */
public final class DoseRateCurves {
    private DoseRateCurves() {
    }

    /**
     * Mono-exponential {@code A0 e^-lambda t}: {@link DoseRateCurve#monoExponential}(D, lambda); bi-exponential
     * {@code A0 (e^-lw t - e^-lu t)}: {@link DoseRateCurve#uptakeWashout}(D, lu, lw). The trapezoid has no
     * parameters: it needs its points ({@link #fromFit(KineticFit, TimeActivityCurve, PhysicalDecay, double)}).
     */
    public static DoseRate fromFit(KineticFit fit, double meanDoseGy) {
        checkDose(meanDoseGy);
        if (!fit.usable()) {
            throw new BadInputException("dose-rate curve: the " + fit.model() + " fit is not usable (" + fit.note() + ")");
        }
        return switch (fit.model()) {
            case MonoExponential.NAME -> DoseRateCurve.monoExponential(meanDoseGy, parameter(fit, "lambda_per_h"));
            case BiExponential.NAME -> DoseRateCurve.uptakeWashout(meanDoseGy,
                    parameter(fit, "lambda_uptake_per_h"), parameter(fit, "lambda_washout_per_h"));
            case TrapezoidWithTail.NAME -> throw new BadInputException("dose-rate curve: a trapezoid needs its time"
                    + " points; give the time-activity curve");
            default -> throw new BadInputException("dose-rate curve: unknown fit model \"" + fit.model() + "\"");
        };
    }

    /** As {@link #fromFit(KineticFit, double)}, with the points a trapezoid needs. */
    public static DoseRate fromFit(KineticFit fit, TimeActivityCurve curve, PhysicalDecay decay, double meanDoseGy) {
        if (TrapezoidWithTail.NAME.equals(fit.model())) {
            return fromTrapezoid(curve, decay, meanDoseGy);
        }
        return fromFit(fit, meanDoseGy);
    }

    /**
     * The trapezoid with a physical-decay tail ({@link TrapezoidWithTail}) scaled to D: the points' activities times
     * {@code D / TIA}, TIA that of the same piecewise curve (so equal to the trapezoid's TIA), the tail at
     * {@code lambda_phys}. Its BED is integrated exactly enough by {@link PiecewiseDoseRate}.
     */
    public static PiecewiseDoseRate fromTrapezoid(TimeActivityCurve curve, PhysicalDecay decay, double meanDoseGy) {
        checkDose(meanDoseGy);
        double lambda = decay.lambdaPerHour();
        PiecewiseDoseRate activity = new PiecewiseDoseRate(curve.hours(), curve.activitiesMBq(), lambda);
        double tia = activity.doseGy(); // MBq h: the same integral with activities in place of dose rates
        if (!(tia > 0)) {
            throw new BadInputException("dose-rate curve: the trapezoid's TIA must be > 0, got " + tia + " MBq h");
        }
        double[] rates = curve.activitiesMBq();
        for (int i = 0; i < rates.length; i++) {
            rates[i] *= meanDoseGy / tia;
        }
        return new PiecewiseDoseRate(curve.hours(), rates, lambda);
    }

    /**
     * A single-time-point cycle: instant uptake and mono-exponential clearance with the effective half-life that
     * gave its TIA, {@code lambda = ln 2 / T_eff}. For Hänscheid's approximation
     * ({@link doseengine.dosimetry.kinetics.SingleTimePoint#hanscheidMBqH}) that half-life is the time of the
     * measurement, where the approximation is exact.
     */
    public static DoseRateCurve singleTimePoint(double meanDoseGy, double effectiveHalfLifeHours) {
        checkDose(meanDoseGy);
        if (!(effectiveHalfLifeHours > 0) || !Double.isFinite(effectiveHalfLifeHours)) {
            throw new BadInputException("effective half-life must be finite and > 0 h, got " + effectiveHalfLifeHours);
        }
        return DoseRateCurve.monoExponential(meanDoseGy, Math.log(2) / effectiveHalfLifeHours);
    }

    private static double parameter(KineticFit fit, String name) {
        int i = fit.parameterNames().indexOf(name);
        if (i < 0) {
            throw new BadInputException("dose-rate curve: the " + fit.model() + " fit has no parameter " + name);
        }
        return fit.parameters()[i];
    }

    private static void checkDose(double d) {
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new BadInputException("mean dose must be finite and > 0 Gy, got " + d);
        }
    }
}
