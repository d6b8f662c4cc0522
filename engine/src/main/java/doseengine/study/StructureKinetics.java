package doseengine.study;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.KineticFit;
import doseengine.dosimetry.kinetics.ModelSelection;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.kinetics.SingleTimePoint;
import doseengine.dosimetry.kinetics.TimeActivityCurve;
import java.util.Locale;

/**
 * Turns a structure's activities at a cycle's time points into its time-integrated activity:
 * <ul>
 *   <li>two or more time points: the model {@link ModelSelection#select} chooses (physical decay as the floor on
 *       the clearance), its TIA and the TIA's uncertainty from the fit;</li>
 *   <li>one time point: Hänscheid's approximation {@code TIA = A(t) 2t / ln 2} ({@link SingleTimePoint}), for every
 *       structure and the rest of the body alike (no population half-lives: the engine has no cited table yet), its
 *       uncertainty that of the activity alone, {@code sigma_A 2t / ln 2}; the error of the assumed kinetics is not
 *       in it.</li>
 * </ul>
 * Activities without a measured uncertainty get {@code uncertainty}'s (by default 10 % per point,
 * {@link ActivityUncertainty#standard()}).
 */
public final class StructureKinetics {
    private final PhysicalDecay decay;
    private final ActivityUncertainty uncertainty;

    public StructureKinetics(PhysicalDecay decay, ActivityUncertainty uncertainty) {
        this.decay = decay;
        this.uncertainty = uncertainty;
    }

    /** The floor on clearance. */
    public PhysicalDecay decay() {
        return decay;
    }

    /** The per-point uncertainty of activities without a measured one. */
    public ActivityUncertainty uncertainty() {
        return uncertainty;
    }

    /** The TIA of {@code name} from its activities (MBq) at {@code hours} after injection. */
    public StructureTia integrate(String name, double[] hours, double[] activitiesMBq) {
        TimeActivityCurve curve = TimeActivityCurve.of(hours, activitiesMBq, uncertainty);
        if (curve.size() == 1) {
            double t = curve.hours()[0];
            double perMBq = SingleTimePoint.hanscheidMBqH(t, 1);
            return new StructureTia(name, curve, StructureTia.HANSCHEID, curve.activitiesMBq()[0] * perMBq,
                    curve.sigmasMBq()[0] * perMBq, String.format(Locale.ROOT,
                            "one time point (%.4g h): TIA = A(t) 2t/ln 2 (Hänscheid et al. 2018)", t), null);
        }
        ModelSelection.Selection s = ModelSelection.select(curve, decay);
        KineticFit f = s.chosen();
        return new StructureTia(name, curve, f.model(), f.tiaMBqH(), f.tiaSigmaMBqH(), s.reason(), f);
    }
}
