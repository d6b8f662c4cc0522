package doseengine.study;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.EffectiveHalfLives;
import doseengine.dosimetry.kinetics.KineticFit;
import doseengine.dosimetry.kinetics.ModelSelection;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.kinetics.SingleTimePoint;
import doseengine.dosimetry.kinetics.TimeActivityCurve;
import doseengine.dosimetry.treatment.StructureKind;
import doseengine.dosimetry.treatment.StructureKinds;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a structure's activities at a cycle's time points into its time-integrated activity:
 * <ul>
 *   <li>two or more time points: the model {@link ModelSelection#select} chooses (physical decay as the floor on
 *       the clearance), its TIA and the TIA's uncertainty from the fit;</li>
 *   <li>one time point, by the {@link SingleTimePointRule}: the population effective half-life
 *       {@code TIA = A(t) exp(lambda t) / lambda} where the {@link EffectiveHalfLives} table has the structure (its
 *       name first, then its kind), else Hänscheid's approximation {@code TIA = A(t) 2t / ln 2}
 *       ({@link SingleTimePoint}). Hänscheid's uncertainty is that of the activity alone,
 *       {@code sigma_A 2t / ln 2}: its kinetic assumption has no stated spread. The population method adds, where
 *       the table gives the population's spread of T_eff, {@code |1 - lambda t| u(ln T)} in quadrature (delta
 *       method); where it gives none, the activity's alone, and the reason says so.</li>
 * </ul>
 * Activities without a measured uncertainty get {@code uncertainty}'s (by default 10 % per point,
 * {@link ActivityUncertainty#standard()}).
 */
public final class StructureKinetics {
    private final PhysicalDecay decay;
    private final ActivityUncertainty uncertainty;
    private final SingleTimePointRule rule;
    private final EffectiveHalfLives halfLives;
    private final String nuclide;
    private final StructureKinds kinds;

    /** Hänscheid for every single time point (an empty table). */
    public StructureKinetics(PhysicalDecay decay, ActivityUncertainty uncertainty) {
        this(decay, uncertainty, SingleTimePointRule.POPULATION, EffectiveHalfLives.empty(), "",
                StructureKinds.standard());
    }

    /**
     * @param nuclide the study's nuclide name, as the table is looked up ("Lu-177")
     * @param kinds   a structure's kind, for the table's entries by kind
     */
    public StructureKinetics(PhysicalDecay decay, ActivityUncertainty uncertainty, SingleTimePointRule rule,
            EffectiveHalfLives halfLives, String nuclide, StructureKinds kinds) {
        this.decay = decay;
        this.uncertainty = uncertainty;
        this.rule = rule;
        this.halfLives = halfLives;
        this.nuclide = nuclide;
        this.kinds = kinds;
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
            return singleTimePoint(name, curve);
        }
        ModelSelection.Selection s = ModelSelection.select(curve, decay);
        KineticFit f = s.chosen();
        return new StructureTia(name, curve, f.model(), f.tiaMBqH(), f.tiaSigmaMBqH(), s.reason(), f);
    }

    private StructureTia singleTimePoint(String name, TimeActivityCurve curve) {
        double t = curve.hours()[0];
        double a = curve.activitiesMBq()[0];
        double sigmaA = curve.sigmasMBq()[0];
        Optional<EffectiveHalfLives.Entry> entry = rule == SingleTimePointRule.POPULATION
                ? halfLives.find(nuclide, name, kindKeys(name)) : Optional.empty();
        if (entry.isEmpty()) {
            double perMBq = SingleTimePoint.hanscheidMBqH(t, 1);
            String why = rule == SingleTimePointRule.HAENSCHEID ? "single_time_point haenscheid"
                    : halfLives.isEmpty() ? "no effective half-life table" : "no effective half-life for " + name
                            + " (" + nuclide + ") in the table";
            return new StructureTia(name, curve, StructureTia.HANSCHEID, a * perMBq, sigmaA * perMBq,
                    String.format(Locale.ROOT, "one time point (%.4g h), %s: TIA = A(t) 2t/ln 2 (Hänscheid et al. "
                            + "2018); uncertainty of the activity only", t, why), null);
        }
        EffectiveHalfLives.Entry e = entry.get();
        double tia = SingleTimePoint.populationHalfLifeMBqH(t, a, e.halfLifeHours());
        double relA = a > 0 ? sigmaA / a : 0;
        double relT = e.relSigma() == null ? 0
                : SingleTimePoint.populationRelSigmaFromHalfLife(t, e.halfLifeHours(), e.relSigma());
        double sigma = a > 0 ? tia * Math.hypot(relA, relT)
                : SingleTimePoint.populationHalfLifeMBqH(t, sigmaA, e.halfLifeHours());
        String spread = e.relSigma() == null ? "the table gives no spread of T_eff, so the uncertainty is the "
                + "activity's only"
                : String.format(Locale.ROOT, "uncertainty: activity %.3g %%, T_eff's spread (%s) %.3g %% "
                        + "(|1 - lambda t| u(ln T))", 100 * relA, e.spread(), 100 * relT);
        return new StructureTia(name, curve, StructureTia.POPULATION, tia, sigma, String.format(Locale.ROOT,
                "one time point (%.4g h): TIA = A(t) exp(lambda t)/lambda with the population effective half-life "
                        + "%.4g h of \"%s\" (%s)%s; %s", t, e.halfLifeHours(), e.structure(), e.table(),
                e.source().isEmpty() ? "" : ", source: " + e.source(), spread), null, e);
    }

    /** The kind keys a structure is looked up by after its name; a lesion also as "tumour". */
    private List<String> kindKeys(String name) {
        if (StructureTia.REST.equals(name)) {
            return List.of();
        }
        StructureKind k = kinds.kindOf(name);
        return k == StructureKind.OTHER ? List.of() : k == StructureKind.LESION ? List.of(k.key(), "tumour")
                : List.of(k.key());
    }
}
