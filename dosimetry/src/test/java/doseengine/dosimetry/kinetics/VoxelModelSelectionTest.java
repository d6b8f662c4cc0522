package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link VoxelModelSelection} against {@link ModelSelection} on the same curves (177Lu, 4, 24, 96, 168 h, default
 * 10 % per point): bi-exponential truths with uptake half-times 0.05-10 h and washouts 20-160 h, noiseless and with
 * 10 % Gaussian noise.
 */
class VoxelModelSelectionTest {
    static final double[] HOURS = {4, 24, 96, 168};

    /**
     * The same model in at least 99.5 % of the curves, and where the model is the same the same TIA to 1e-6 and
     * sigma to 1e-4 in at least 99.5 % (measured: 1000 of 1000 noiseless; with noise a few curves end in another
     * local minimum of the bi-exponential, or the other minimiser misses a near-degenerate one).
     */
    @Test
    void choosesTheSameModelAndTiaAsModelSelection() {
        for (double noise : new double[] {0, 0.1}) {
            Random r = new Random(7);
            VoxelModelSelection fast = new VoxelModelSelection(HOURS, PhysicalDecay.LU177,
                    ActivityUncertainty.standard());
            int n = 1000;
            int sameModel = 0;
            int sameTia = 0;
            for (int c = 0; c < n; c++) {
                double lu = Math.log(2) / (0.05 + 10 * r.nextDouble());
                double lw = Math.log(2) / (20 + 140 * r.nextDouble());
                double scale = Math.pow(10, -6 + 6 * r.nextDouble());
                double[] y = new double[HOURS.length];
                for (int i = 0; i < y.length; i++) {
                    double exact = scale * (Math.exp(-lw * HOURS[i]) - Math.exp(-lu * HOURS[i]));
                    y[i] = Math.max(0, exact * (1 + noise * r.nextGaussian()));
                }
                KineticFit slow = ModelSelection.select(TimeActivityCurve.of(HOURS, y, ActivityUncertainty.standard()),
                        PhysicalDecay.LU177).chosen();
                int model = fast.select(y);
                if (VoxelModelSelection.name(model).equals(slow.model())) {
                    sameModel++;
                    if (Math.abs(fast.tiaMBqH() - slow.tiaMBqH()) <= 1e-6 * slow.tiaMBqH()
                            && Math.abs(fast.sigmaMBqH() - slow.tiaSigmaMBqH()) <= 1e-4 * slow.tiaSigmaMBqH()) {
                        sameTia++;
                    }
                }
            }
            assertTrue(sameModel >= 0.995 * n, "noise " + noise + ": same model " + sameModel + " of " + n);
            assertTrue(sameTia >= 0.995 * n, "noise " + noise + ": same TIA " + sameTia + " of " + n);
        }
    }

    /** All zero: TIA 0; fewer points than the bi-exponential needs: the mono-exponential through two points. */
    @Test
    void zeroAndTwoPointCurves() {
        VoxelModelSelection four = new VoxelModelSelection(HOURS, PhysicalDecay.LU177, ActivityUncertainty.standard());
        assertEquals(VoxelModelSelection.ZERO, four.select(new double[4]));
        assertEquals(0, four.tiaMBqH(), 0);
        double[] t = {24, 96};
        double lambda = Math.log(2) / 50;
        double[] y = {Math.exp(-lambda * 24), Math.exp(-lambda * 96)};
        VoxelModelSelection two = new VoxelModelSelection(t, PhysicalDecay.LU177, ActivityUncertainty.standard());
        assertEquals(VoxelModelSelection.MONO, two.select(y));
        assertEquals(1 / lambda, two.tiaMBqH(), 1e-6 / lambda);
    }
}
