package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.TransportParameters;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Energy conservation of the whole transport: deposited + escaped = emitted, in a 10^3 grid of 2 mm water, lung
 * and bone voxels drawn at random (every electron crosses interfaces), decays uniform in the central 4^3 voxels.
 *
 * <p>Reference: exact conservation. Every energy the kernel hands on is split exactly in float (each loss is
 * e - e' with e' >= e/2, and secondaries take e - (e - w)), so the only loss is the fixed-point rounding of
 * deposits below 7.8 keV, at most 2^-31 MeV each (tally.md): about 1e-9 relative for these histories. The
 * tolerance of 1e-6 relative is therefore a strict check that no energy is created or dropped on any path
 * (escapes, cutoffs, stack, pair production, both tallies), not a statistical one.
 */
class EnergyBalanceTest {
    private static final int HISTORIES = 2000;

    @ParameterizedTest
    @ValueSource(strings = {"Lu-177", "Y-90", "I-131"})
    void depositedPlusEscapedEqualsEmittedWithBothTallies(String nuclide) {
        VoxelGeometry g = TransportFixtures.heterogeneous(10);
        TransportProblem p = TransportFixtures.problem(TransportFixtures.HETEROGENEOUS_MATERIALS, nuclide,
                TransportParameters.defaults(), g, TransportFixtures.centralBlock(g, 4), 2024L);
        JavaHistoryDriver kernel = new JavaHistoryDriver(p);

        VoxelEnergyTally voxels = new VoxelEnergyTally(10, 10, 10);
        kernel.run(0, HISTORIES, voxels);
        checkBalance(voxels, nuclide + " voxel tally");

        // Shells around the grid's centre up to 0.8 cm: deposits beyond go to ESCAPED, and must still balance.
        float[] edges = new float[41];
        for (int b = 0; b < edges.length; b++) {
            edges[b] = 0.02f * b;
        }
        RadialShellTally shells = new RadialShellTally(edges, 1.0f, 1.0f, 1.0f);
        kernel.run(HISTORIES, HISTORIES, shells);
        checkBalance(shells, nuclide + " shell tally");

        assertEquals(0, kernel.stackOverflows(), "no particle may be deposited for want of stack room");
        assertTrue(kernel.maxStackDepth() < kernel.stackCapacity() / 4, "stack depth " + kernel.maxStackDepth());
    }

    /** A stack of two slots overflows often; the overflowing energy is deposited, not lost. */
    @ParameterizedTest
    @ValueSource(strings = {"Y-90", "I-131"})
    void aFullStackDepositsInsteadOfLosingEnergy(String nuclide) {
        VoxelGeometry g = TransportFixtures.heterogeneous(10);
        TransportProblem p = TransportFixtures.problem(TransportFixtures.HETEROGENEOUS_MATERIALS, nuclide,
                TransportParameters.defaults(), g, TransportFixtures.centralBlock(g, 4), 7L);
        JavaHistoryDriver kernel = new JavaHistoryDriver(p, null, 2);
        VoxelEnergyTally voxels = new VoxelEnergyTally(10, 10, 10);
        kernel.run(0, 500, voxels);
        assertTrue(kernel.stackOverflows() > 0, "the tiny stack must overflow");
        checkBalance(voxels, nuclide + " with a two-slot stack");
    }

    /**
     * Vacuum (density 0) around a water block: electrons cross it in straight lines without losing energy and
     * photons never interact there, so no vacuum voxel may receive a deposit, and the balance must hold.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Y-90", "I-131"})
    void vacuumVoxelsReceiveNothing(String nuclide) {
        int n = 10;
        VoxelGeometry water = TransportFixtures.uniform(n, 0.2f, 1.0f);
        float[] density = water.density();
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    boolean block = i >= 3 && i < 7 && j >= 3 && j < 7 && k >= 3 && k < 7;
                    boolean shell = i == 0 || j == 0 || k == 0; // water again beyond the vacuum on three sides
                    density[i + n * (j + n * k)] = block || shell ? 1.0f : 0f;
                }
            }
        }
        VoxelGeometry g = new VoxelGeometry(n, n, n, 0.2f, 0.2f, 0.2f, water.material(), density);
        TransportProblem p = TransportFixtures.problem(java.util.List.of("water_liquid"), nuclide,
                TransportParameters.defaults(), g, TransportFixtures.centralBlock(g, 2), 3L);
        JavaHistoryDriver kernel = new JavaHistoryDriver(p);
        VoxelEnergyTally voxels = new VoxelEnergyTally(n, n, n);
        kernel.run(0, 1000, voxels);
        checkBalance(voxels, nuclide + " with vacuum");
        long[] units = voxels.units();
        for (int v = 0; v < g.voxelCount(); v++) {
            if (density[v] == 0f) {
                assertEquals(0, units[v], "deposit in vacuum voxel " + v);
            }
        }
    }

    private static void checkBalance(EnergyTally t, String what) {
        double imbalance = TransportFixtures.relativeImbalance(t);
        assertTrue(Math.abs(imbalance) <= 1e-6, what + ": relative imbalance " + imbalance);
        long[] units = t.units();
        for (int b = 0; b < t.bins(); b++) {
            assertTrue(units[b] >= 0, what + ": negative deposit in bin " + b);
        }
        assertTrue(t.depositedUnits() > 0 && t.escapedUnits() > 0, what + ": both deposits and escapes expected");
    }
}
