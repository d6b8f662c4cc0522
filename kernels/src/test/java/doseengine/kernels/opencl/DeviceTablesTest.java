package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.EmissionSampler;
import doseengine.kernels.EmissionArrays;
import doseengine.kernels.electron.ElectronLookup;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.fixtures.TwinFixtures;
import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.kernels.photon.RayleighSampler;
import org.junit.jupiter.api.Test;

/**
 * {@link DeviceTables} uploads a run's physics tables and binds them in the order of
 * {@code PHYSICS_TABLES_PARAMS} (include/tables.clh): a kernel reads one value from every part and gets Java's.
 * The tables are the engine's {@code PhysicsTables} of water and cortical bone with I-131 and the default
 * transport parameters, read from the twin fixture ({@link TwinFixtures}). Needs an OpenCL device.
 */
class DeviceTablesTest {

    /**
     * Sizes and one value of each table through the combined parameter list: a table bound at the wrong
     * position would read another table's numbers. Values without a transcendental function (the beta energy,
     * the majorant, P(k^2), S/Z at x = 1 where ln x = 0 exactly, the thresholds, the last bremsstrahlung shape)
     * must be Java's float bits; mu/rho (one exp, see PhotonOpenClTest) within 9 ulp; the stopping power, read
     * at the device's own ln T (log within 3.5 ulp, which moves the grid position by about 1e-4 of a node
     * interval over which S changes by at most a few per cent) within 1e-5 relative.
     */
    @Test
    void physicsTablesAreBoundInTheOrderOfTheParameterList() {
        TwinFixtures.PhysicsSet t = TwinFixtures.physics();
        EmissionArrays emission = t.emission();
        PhotonMajorant majorant = t.photons().majorant();
        PhotonCrossSections xs = majorant.crossSections();
        RayleighSampler rayleigh = t.photons().rayleigh();
        ComptonSampler compton = t.photons().compton();
        ElectronTables electrons = t.electrons();
        float u = 0.3f;
        int m = 1;
        float lnE = (float) Math.log(0.05);
        float energy = 0.2f;
        int[] sizes = new int[7];
        float[] values = new float[10];
        try (OpenClContext cl = OpenClTestSupport.open();
                OpenClProgram program = OpenClProgram.build(cl, KernelSource.load("test_tables.cl"));
                DeviceTables tables = DeviceTables.upload(cl, emission, xs, majorant, rayleigh,
                        compton, electrons);
                DeviceBuffer s = DeviceBuffer.allocate(cl, sizes.length * (long) Integer.BYTES);
                DeviceBuffer v = DeviceBuffer.allocate(cl, values.length * (long) Float.BYTES);
                OpenClKernel kernel = program.kernel("read_physics_tables")) {
            int next = tables.bind(kernel, 0);
            assertEquals(tables.argumentCount(), next);
            kernel.arg(next, u).arg(next + 1, m).arg(next + 2, lnE).arg(next + 3, energy).arg(next + 4, s)
                    .arg(next + 5, v).run(1);
            s.read(sizes);
            v.read(values);
            assertTrue(tables.bytes() > 0);
            if (!program.correctlyRoundedDivideSqrt()) {
                System.out.println("device without correctly rounded division: beta energy compared to 16 ulp");
            }
            float beta = new EmissionSampler(emission).sampleBeta(u);
            assertEquals(beta, values[0], program.correctlyRoundedDivideSqrt() ? 0 : 16 * Math.ulp(beta), "beta");
        }
        assertEquals(emission.maxEmissionsPerDecay(), sizes[0]);
        assertEquals(xs.materialCount(), sizes[1]);
        assertEquals(xs.nodeCount(), sizes[2]);
        assertEquals(xs.binCount(), sizes[3]);
        assertEquals(electrons.materialCount(), sizes[4]);
        assertEquals(electrons.nodeCount(), sizes[5]);
        assertEquals(electrons.bremsKappaCount(), sizes[6]);
        int node = xs.node(lnE);
        float mu = xs.muOverRho(PhotonCrossSections.TOTAL, m, node, lnE);
        assertEquals(mu, values[1], 9 * Math.ulp(mu), "mu/rho");
        assertEquals(majorant.at(lnE), values[2], "majorant");
        assertEquals(rayleigh.cdfAtKmax(m, node, lnE), values[3], "Rayleigh P(k^2)");
        assertEquals(compton.scatteringFunction(m, 1f), values[4], "S/Z at x = 1");
        float stopping = ElectronLookup.restrictedStoppingPower(electrons, m, ElectronLookup.gridPosition(electrons, energy));
        assertEquals(stopping, values[5], 1e-5 * stopping, "restricted stopping power");
        assertEquals(electrons.mollerThresholdMeV(), values[6]);
        assertEquals(electrons.bremsThresholdMeV(), values[7]);
        assertEquals(electrons.absorptionCutoffMeV(), values[8]);
        float[] shape = electrons.bremsShape();
        assertEquals(shape[shape.length - 1], values[9], "last bremsstrahlung shape value");
    }
}
