package doseengine.validation.compare;

import doseengine.tally.EnergyBalance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Energy conservation of each run: deposited + escaped must equal emitted. The tallies are exact fixed-point
 * sums; rounding allows at most 2^-31 MeV per deposit below 7.8 keV, so a relative imbalance above 1e-6 means the
 * transport lost or created energy ({@link EnergyBalance}).
 */
public final class EnergyBalanceCheck {
    public static final double TOLERANCE = 1e-6;

    private EnergyBalanceCheck() {
    }

    /** One point per run, in the order given; deviation = (deposited + escaped - emitted) / emitted. */
    public static ComparisonResult check(Map<String, EnergyBalance> runs) {
        List<ComparisonPoint> points = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, EnergyBalance> e : runs.entrySet()) {
            EnergyBalance b = e.getValue();
            points.add(new ComparisonPoint(e.getKey(), i++, b.depositedMeVPerDecay() + b.escapedMeVPerDecay(), 0,
                    b.emittedMeVPerDecay(), b.relativeImbalance(), TOLERANCE));
        }
        return new ComparisonResult("energy balance", "energy balance",
                "deposited + escaped vs emitted energy per decay", "MeV",
                "energy emitted by the source (tally counter)", "(deposited + escaped - emitted) / emitted",
                "|deviation| <= 1e-6 (fixed-point rounding)", points);
    }
}
