package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.ParticleType;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.tally.FixedPointEnergy;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.Primary;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md 3.3: halving the step parameters (energy-loss fraction f, elastic C1 and C2;
 * {@link TransportParameters#withHalvedSteps}) must not change the validation result beyond its statistical
 * uncertainty. The 500 keV dose point kernel of {@link ElectronDosePointKernelTest} is computed both ways with
 * 400000 histories each (20 batches, two threads, independent seeds) and compared shell by shell for
 * 0.05 <= r/r0 <= 0.9.
 *
 * <p>Tolerance: 1.5 % of the kernel's peak in every shell. The standard error of each difference is 0.2-0.4 % of
 * the peak, so statistical noise alone makes the largest of the 35 differences about 1 % (3 standard errors) and
 * exceeds 1.5 % (5 standard errors) with probability 2e-5: the test fails only for a real step dependence, and
 * passing shows that the step parameters move the validation result by less than a third of its 5 % tolerance.
 * Measured: two independent comparisons (seeds 1/2, used here, and 3/4) gave largest differences of 0.93 % and
 * 0.57 % of the peak, at different radii (0.55 and 0.30 r0) with no common pattern: no step dependence is resolved
 * beyond the noise of 400000 histories (one shell of 35 at 3.7 and 3.9 standard errors respectively). Slow
 * (several minutes): validation group.
 */
@Tag("validation")
class StepSizeIndependenceTest {
    private static final double R0 = 0.1766;
    private static final int SHELLS = 48;
    private static final int BATCHES = 20;
    private static final int PER_BATCH = 20_000;

    @Test
    void halvingTheStepParametersLeavesTheDosePointKernel() throws Exception {
        TransportParameters base = TransportParameters.defaults().withElectronCutoffMeV(0.001f);
        double[][] a = kernelBatches(base, 1L);
        double[][] b = kernelBatches(base.withHalvedSteps(), 2L);
        double peak = 1.593;
        double worst = 0;
        StringBuilder report = new StringBuilder("halved - default, % of peak (standard errors):");
        for (int k = 2; k <= 36; k++) {
            double[] ma = meanAndSe(a, k);
            double[] mb = meanAndSe(b, k);
            double difference = mb[0] - ma[0];
            double se = Math.hypot(ma[1], mb[1]);
            worst = Math.max(worst, Math.abs(difference) / peak);
            report.append(String.format(Locale.ROOT, " %.3f: %+.2f (%.1f)", k * 0.025, 100 * difference / peak,
                    difference / se));
        }
        System.out.println(report);
        assertTrue(worst <= 0.015, report.toString());
    }

    private static double[] meanAndSe(double[][] batches, int k) {
        double sum = 0;
        double sumSq = 0;
        for (double[] j : batches) {
            sum += j[k];
            sumSq += j[k] * j[k];
        }
        double mean = sum / batches.length;
        return new double[] {mean, Math.sqrt(Math.max(0, sumSq / batches.length - mean * mean) / (batches.length - 1))};
    }

    /** j(r/r0) per batch, shells centred on r/r0 = k 0.025 as in ElectronDosePointKernelTest. */
    private static double[][] kernelBatches(TransportParameters parameters, long seed) throws Exception {
        float side = (float) (3.5 * R0);
        float centre = side / 2;
        VoxelGeometry g = TransportFixtures.uniform(1, side, 1.0f);
        TransportProblem p = TransportFixtures.problem(List.of("water_liquid"), "Lu-177", parameters, g,
                new PointSource(centre, centre, centre, 0), seed);
        JavaHistoryDriver kernel = new JavaHistoryDriver(p);
        float[] edges = new float[SHELLS + 1];
        for (int k = 1; k <= SHELLS; k++) {
            edges[k] = (float) ((k - 0.5) * 0.025 * R0);
        }
        Primary source = Primary.isotropic(ParticleType.ELECTRON, 0.5f, centre, centre, centre, 0);
        double[][] j = new double[BATCHES][SHELLS];
        for (int batch = 0; batch < BATCHES; batch++) {
            RadialShellTally tally = new RadialShellTally(edges, centre, centre, centre);
            long first = (long) batch * PER_BATCH;
            Thread half = new Thread(() -> kernel.runPrimaries(source, first, PER_BATCH / 2, tally));
            half.start();
            kernel.runPrimaries(source, first + PER_BATCH / 2, PER_BATCH / 2, tally);
            half.join();
            long[] units = tally.units();
            for (int k = 0; k < SHELLS; k++) {
                j[batch][k] = FixedPointEnergy.toMeV(units[k]) / (PER_BATCH * 0.5) / (k == 0 ? 0.0125 : 0.025);
            }
        }
        return j;
    }
}
