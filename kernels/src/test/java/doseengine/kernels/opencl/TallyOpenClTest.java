package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.tally.FixedPointEnergy;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * include/tally.clh on the OpenCL device against the Java tallies (tally.md): the fixed-point conversion and
 * every bin are integers, so the comparison is exact, not within a tolerance. Needs an OpenCL device.
 */
class TallyOpenClTest {

    @RegisterExtension
    static final TestProgram DEVICE = new TestProgram("test_tally.cl", DeviceEnergyTally.RADIAL_SHELLS_OPTION);

    /**
     * 4 194 304 floats: the edge cases (zero, the smallest subnormal, exact half units that must round to
     * even, the 7.8 keV boundary above which conversion is exact, the largest float below the 2^33 MeV range),
     * every float bit pattern class up to 2^33 MeV at random, and random half-unit ties. Every unit count
     * equals {@link FixedPointEnergy#toUnits}.
     */
    @Test
    void conversionEqualsJavaOnMillionsOfFloats() {
        int n = 1 << 22;
        float[] e = new float[n];
        float[] edges = {0f, Float.MIN_VALUE, 0x1p-31f, 3 * 0x1p-31f, 5 * 0x1p-31f, 0x1p-30f, 0x1p-7f,
            Math.nextDown(0x1p-7f), Math.nextUp(0x1p-7f), 1f, 0.51099895f, 3f, Math.nextDown(0x1p33f)};
        System.arraycopy(edges, 0, e, 0, edges.length);
        SplittableRandom random = new SplittableRandom(0x7A11L);
        int maxBits = Float.floatToRawIntBits(0x1p33f);
        for (int i = edges.length; i < n; i++) {
            if (i % 4 == 0) {
                e[i] = (2 * random.nextInt(1 << 23) + 1) * 0x1p-31f; // exactly half-way between two units
            } else {
                e[i] = Float.intBitsToFloat(random.nextInt(maxBits)); // any float in [0, 2^33)
            }
        }
        long[] out = new long[n];
        try (DeviceBuffer in = DeviceBuffer.copyOf(DEVICE.context(), e);
                DeviceBuffer result = DeviceBuffer.allocate(DEVICE.context(), (long) n * Long.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("convert_energies_to_units")) {
            kernel.arg(0, in).arg(1, result).run(n);
            result.read(out);
        }
        assertEquals(0L, out[2], "2^-31 MeV is half a unit: ties to even give 0");
        assertEquals(2L, out[3], "1.5 units round to 2");
        assertEquals(2L, out[4], "2.5 units round to 2");
        for (int i = 0; i < n; i++) {
            long expected = FixedPointEnergy.toUnits(e[i]);
            if (expected != out[i]) {
                assertEquals(expected, out[i], "energy " + Float.toHexString(e[i]) + " MeV");
            }
        }
    }

    /**
     * 65 536 work-items make 16 deposits each (1 048 576 atomic adds) into 7 voxels and the two counters, so
     * thousands of work-items hit one slot at once. Every slot equals the Java tally's sum of the same
     * deposits exactly; the fold through {@link DeviceEnergyTally#addTo} and a second run after
     * {@link DeviceEnergyTally#reset()} give the same numbers.
     */
    @Test
    void manyWorkItemsIntoFewBinsGiveTheJavaSumsExactly() {
        int items = 65_536;
        int perItem = 16;
        VoxelEnergyTally java = new VoxelEnergyTally(7, 1, 1);
        int bins = java.bins();
        int[] slot = new int[items * perItem];
        float[] energy = new float[slot.length];
        SplittableRandom random = new SplittableRandom(0xB1A5L);
        for (int d = 0; d < slot.length; d++) {
            slot[d] = random.nextInt(bins + 2);
            // log-uniform from 1 eV to 3 MeV: small deposits that round, large ones that are exact
            energy[d] = (float) Math.exp(Math.log(1e-6) + random.nextDouble() * Math.log(3e6));
            if (slot[d] == bins) {
                java.escape(energy[d]);
            } else if (slot[d] == bins + 1) {
                java.emit(energy[d]);
            } else {
                java.deposit(slot[d], energy[d]);
            }
        }
        long[] device = new long[bins + 2];
        VoxelEnergyTally folded = new VoxelEnergyTally(7, 1, 1);
        try (DeviceEnergyTally tally = DeviceEnergyTally.create(DEVICE.context(), java);
                DeviceBuffer s = DeviceBuffer.copyOf(DEVICE.context(), slot);
                DeviceBuffer en = DeviceBuffer.copyOf(DEVICE.context(), energy);
                OpenClKernel kernel = DEVICE.program().kernel("deposit_energies")) {
            assertEquals("", tally.buildOption());
            int next = tally.bind(kernel, 0);
            kernel.arg(next, s).arg(next + 1, en).arg(next + 2, perItem).run(items);
            tally.readUnits(device);
            assertArrayEquals(java.units(), device, "device slots (bins, escaped, emitted)");
            tally.addTo(folded);
            assertArrayEquals(java.units(), folded.units(), "folded into a Java tally");
            tally.reset();
            kernel.run(items);
            tally.readUnits(device);
            assertArrayEquals(java.units(), device, "second run after reset");
        }
        assertTrue(java.depositedUnits() > 0 && java.escapedUnits() > 0 && java.emittedUnits() > 0);
    }

    /** Uniform shells (O(1) guess and correction) around an off-origin centre. */
    @Test
    void uniformShellsBinEveryDepositAsJava() {
        float[] edges = new float[101];
        for (int b = 0; b < edges.length; b++) {
            edges[b] = b * 0.05f;
        }
        RadialShellTally java = new RadialShellTally(edges, 1.25f, -0.5f, 3.0f);
        assertTrue(java.isUniform());
        compareShells(java, 0x5E11L);
    }

    /** Log-spaced shells with a hole in the middle (binary search), centre at the origin. */
    @Test
    void nonUniformShellsBinEveryDepositAsJava() {
        float[] edges = new float[61];
        for (int b = 0; b < edges.length; b++) {
            edges[b] = (float) (0.01 * Math.pow(1000, b / 60.0));
        }
        RadialShellTally java = new RadialShellTally(edges, 0f, 0f, 0f);
        assertTrue(!java.isUniform());
        compareShells(java, 0x5E12L);
    }

    /**
     * 200 000 positions in a cube reaching beyond the last shell (escapes) and, for squared radii given
     * directly, every squared edge, its float neighbours, 0, infinity and NaN: each deposit's shell and every
     * slot of the tally equal the Java tally's.
     */
    private static void compareShells(RadialShellTally java, long seed) {
        int n = 200_000;
        float[] edgeSq = java.edgesSquaredCm2();
        float reach = 1.2f * java.edgesCm()[java.shells()];
        SplittableRandom random = new SplittableRandom(seed);
        float[] xyz = new float[3 * n];
        float[] energy = new float[n];
        int[] expectedShell = new int[n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = java.centreX() + (float) ((2 * random.nextDouble() - 1) * reach);
            xyz[3 * i + 1] = java.centreY() + (float) ((2 * random.nextDouble() - 1) * reach);
            xyz[3 * i + 2] = java.centreZ() + (float) ((2 * random.nextDouble() - 1) * reach);
            energy[i] = (float) (random.nextDouble() * 0.02);
            float dx = xyz[3 * i] - java.centreX();
            float dy = xyz[3 * i + 1] - java.centreY();
            float dz = xyz[3 * i + 2] - java.centreZ();
            expectedShell[i] = java.shellOfSquaredRadius(dx * dx + dy * dy + dz * dz);
            java.deposit(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], energy[i]);
        }
        float[] r2 = new float[3 * edgeSq.length + 3];
        for (int b = 0; b < edgeSq.length; b++) {
            r2[3 * b] = edgeSq[b];
            r2[3 * b + 1] = Math.nextDown(edgeSq[b]);
            r2[3 * b + 2] = Math.nextUp(edgeSq[b]);
        }
        r2[r2.length - 3] = 0f;
        r2[r2.length - 2] = Float.POSITIVE_INFINITY;
        r2[r2.length - 1] = Float.NaN;
        float[] r2Energy = new float[r2.length];
        int[] expectedR2Shell = new int[r2.length];
        RadialShellTally javaR2 = new RadialShellTally(java.edgesCm(), 0f, 0f, 0f);
        for (int i = 0; i < r2.length; i++) {
            r2Energy[i] = 0.001f * (i + 1);
            expectedR2Shell[i] = javaR2.shellOfSquaredRadius(r2[i]);
            javaR2.depositAtSquaredRadius(r2[i], r2Energy[i]);
        }
        int[] shell = new int[n];
        int[] r2Shell = new int[r2.length];
        long[] units = new long[java.bins() + 2];
        long[] r2Units = new long[java.bins() + 2];
        try (DeviceEnergyTally tally = DeviceEnergyTally.create(DEVICE.context(), java);
                DeviceEnergyTally tallyR2 = DeviceEnergyTally.create(DEVICE.context(), javaR2);
                DeviceBuffer pos = DeviceBuffer.copyOf(DEVICE.context(), xyz);
                DeviceBuffer en = DeviceBuffer.copyOf(DEVICE.context(), energy);
                DeviceBuffer out = DeviceBuffer.allocate(DEVICE.context(), (long) n * Integer.BYTES);
                DeviceBuffer r2In = DeviceBuffer.copyOf(DEVICE.context(), r2);
                DeviceBuffer r2En = DeviceBuffer.copyOf(DEVICE.context(), r2Energy);
                DeviceBuffer r2Out = DeviceBuffer.allocate(DEVICE.context(), (long) r2.length * Integer.BYTES);
                OpenClKernel atPositions = DEVICE.program().kernel("deposit_at_positions");
                OpenClKernel atRadii = DEVICE.program().kernel("deposit_at_squared_radii")) {
            assertEquals(DeviceEnergyTally.RADIAL_SHELLS_OPTION, tally.buildOption());
            int next = tally.bind(atPositions, 0);
            atPositions.arg(next, pos).arg(next + 1, en).arg(next + 2, out).run(n);
            out.read(shell);
            tally.readUnits(units);
            next = tallyR2.bind(atRadii, 0);
            atRadii.arg(next, r2In).arg(next + 1, r2En).arg(next + 2, r2Out).run(r2.length);
            r2Out.read(r2Shell);
            tallyR2.readUnits(r2Units);
        }
        for (int i = 0; i < n; i++) {
            if (expectedShell[i] != shell[i]) {
                assertEquals(expectedShell[i], shell[i], "deposit " + i);
            }
        }
        for (int i = 0; i < r2.length; i++) {
            assertEquals(expectedR2Shell[i], r2Shell[i], "r2 = " + Float.toHexString(r2[i]));
        }
        assertArrayEquals(java.units(), units, "shell slots of the positions");
        assertArrayEquals(javaR2.units(), r2Units, "shell slots of the squared radii");
        assertTrue(java.escapedUnits() > 0, "some positions lie outside the shells");
    }
}
