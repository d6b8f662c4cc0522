package doseengine.transport;

import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.source.SourceSampler;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.FixedPointEnergy;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Grids, sources and problems shared by the transport tests. */
final class TransportFixtures {
    static final MaterialCatalog CATALOG = MaterialCatalog.standard();
    /** Material indices of {@link #HETEROGENEOUS_MATERIALS}. */
    static final byte WATER = 0;
    static final byte LUNG = 1;
    static final byte BONE = 2;
    static final List<String> HETEROGENEOUS_MATERIALS = List.of("water_liquid", "lungtissue_icrp",
            "bone_cortical_icrp");

    private TransportFixtures() {}

    static List<Material> materials(List<String> names) {
        return names.stream().map(CATALOG::get).toList();
    }

    /** A cube of n^3 voxels of one material (index 0) and one density. */
    static VoxelGeometry uniform(int n, float voxelCm, float density) {
        byte[] material = new byte[n * n * n];
        float[] rho = new float[n * n * n];
        Arrays.fill(rho, density);
        return new VoxelGeometry(n, n, n, voxelCm, voxelCm, voxelCm, material, rho);
    }

    /**
     * n^3 voxels of 2 mm, each water (1.0 g/cm3), inflated lung (0.26) or cortical bone (1.85), drawn at random
     * with a fixed seed (so that electrons cross many material interfaces), and a water voxel at the centre.
     */
    static VoxelGeometry heterogeneous(int n) {
        byte[] material = new byte[n * n * n];
        float[] rho = new float[n * n * n];
        SplittableRandom r = new SplittableRandom(31);
        for (int v = 0; v < material.length; v++) {
            int m = r.nextInt(3);
            material[v] = (byte) m;
            rho[v] = m == WATER ? 1.0f : (m == LUNG ? 0.26f : 1.85f);
        }
        int c = n / 2;
        int centre = c + n * (c + n * c);
        material[centre] = WATER;
        rho[centre] = 1.0f;
        return new VoxelGeometry(n, n, n, 0.2f, 0.2f, 0.2f, material, rho);
    }

    /** Decays uniform over the central m^3 voxels of an n^3 grid (alias table with all weights equal). */
    static SourceSampler centralBlock(VoxelGeometry g, int m) {
        int n = g.nx();
        int lo = (n - m) / 2;
        int[] voxels = new int[m * m * m];
        int c = 0;
        for (int k = lo; k < lo + m; k++) {
            for (int j = lo; j < lo + m; j++) {
                for (int i = lo; i < lo + m; i++) {
                    voxels[c++] = i + n * (j + n * k);
                }
            }
        }
        float[] prob = new float[voxels.length];
        Arrays.fill(prob, 1f);
        return new SourceSampler(prob, voxels.clone(), voxels, n, n, n, g.sx(), g.sy(), g.sz());
    }

    static PhysicsTables tables(List<String> materialNames, String nuclide, TransportParameters parameters,
                                VoxelGeometry g) {
        return PhysicsTables.build(materials(materialNames), EmissionTable.of(NuclideCatalog.get(nuclide)),
                parameters, g.material(), g.density());
    }

    static TransportProblem problem(List<String> materialNames, String nuclide, TransportParameters parameters,
                                    VoxelGeometry g, DecaySource source, long seed) {
        return TransportProblems.of(tables(materialNames, nuclide, parameters, g), g, source, seed);
    }

    static double mev(long units) {
        return FixedPointEnergy.toMeV(units);
    }

    /** deposited + escaped - emitted, relative to emitted. */
    static double relativeImbalance(EnergyTally t) {
        double emitted = mev(t.emittedUnits());
        return (mev(t.depositedUnits()) + mev(t.escapedUnits()) - emitted) / emitted;
    }
}
