package doseengine.dosimetry.treatment;

import doseengine.dosimetry.radiobiology.DoseRateCurve;
import doseengine.dosimetry.radiobiology.TissueTable;
import java.util.List;

/**
 * Two cycles of 7400 MBq worked by hand in {@link CumulativeDoseTest} and {@link NextCyclePlannerTest}. Every
 * structure clears mono-exponentially with T_eff = 50 h (kidney shape factor g = (1/50) / (1/50 + 1/2.8) = 2.8/52.8)
 * and has relative uncertainties 3 % (Monte Carlo) and 4 % (TIA), 5 % combined.
 */
final class TwoCycles {
    static final double LAMBDA = Math.log(2) / 50;
    static final double MC = 0.03;
    static final double TIA = 0.04;

    private TwoCycles() {
    }

    static StructureCycle structure(String name, double doseGy) {
        return StructureCycle.of(name, StructureKinds.standard().kindOf(name), "mono-exponential",
                DoseRateCurve.monoExponential(doseGy, LAMBDA), MC, TIA, 7400, TissueTable.defaults());
    }

    /** Kidney 8 + 7 Gy, red marrow 1.0 + 0.9, salivary glands 12 + 10, lesion 30 + 25, liver 4 + 4. */
    static List<Cycle> cycles() {
        Cycle c1 = new Cycle("C1", 7400, List.of(structure("kidneys", 8), structure("red_marrow", 1.0),
                structure("parotids", 12), structure("lesion_1", 30), structure("liver", 4)));
        Cycle c2 = new Cycle("C2", 7400, List.of(structure("kidneys", 7), structure("red_marrow", 0.9),
                structure("parotids", 10), structure("lesion_1", 25), structure("liver", 4)));
        return List.of(c1, c2);
    }
}
