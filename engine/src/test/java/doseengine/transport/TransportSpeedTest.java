package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.SourceSampler;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Speed of the Java kernel on one thread (docs/physics-transport.md, "Speed"): decays uniform in a 64^3 cube of
 * 2 mm water voxels, default parameters, 40000 decays after a warm-up of 8000. Prints histories per second; asserts
 * only what must hold in any case (energy balance, no stack overflow), since timings depend on the machine.
 * Run with {@code mvn -Pvalidation -pl engine -am test -Dtest=TransportSpeedTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("validation")
class TransportSpeedTest {
    @ParameterizedTest
    @ValueSource(strings = {"Lu-177", "Y-90", "I-131"})
    void historiesPerSecondOnOneThread(String nuclide) {
        int n = 64;
        VoxelGeometry g = TransportFixtures.uniform(n, 0.2f, 1.0f);
        int[] voxels = new int[g.voxelCount()];
        Arrays.setAll(voxels, v -> v);
        float[] prob = new float[voxels.length];
        Arrays.fill(prob, 1f);
        SourceSampler source = new SourceSampler(prob, voxels.clone(), voxels, n, n, n, 0.2f, 0.2f, 0.2f);
        TransportProblem p = TransportFixtures.problem(List.of("water_liquid"), nuclide,
                TransportParameters.defaults(), g, source, 12345L);
        JavaHistoryDriver kernel = new JavaHistoryDriver(p);
        VoxelEnergyTally tally = new VoxelEnergyTally(n, n, n);
        kernel.run(0, 8000, tally);
        tally.reset();
        long steps = kernel.electronSteps();
        int histories = 40_000;
        long start = System.nanoTime();
        kernel.run(1_000_000, histories, tally);
        double seconds = (System.nanoTime() - start) * 1e-9;
        System.out.println(String.format(Locale.ROOT, "%s, 64^3 x 2 mm water, 1 thread: %.0f histories/s, "
                + "%.1f electron steps per history, max stack depth %d", nuclide, histories / seconds,
                (kernel.electronSteps() - steps) / (double) histories, kernel.maxStackDepth()));
        assertTrue(Math.abs(TransportFixtures.relativeImbalance(tally)) <= 1e-6);
        assertEquals(0, kernel.stackOverflows());
    }
}
