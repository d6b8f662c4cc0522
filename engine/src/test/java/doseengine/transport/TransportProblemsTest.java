package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import org.junit.jupiter.api.Test;

class TransportProblemsTest {
    private final VoxelGeometry grid = TransportFixtures.heterogeneous(4);
    private final PhysicsTables tables = TransportFixtures.tables(TransportFixtures.HETEROGENEOUS_MATERIALS,
            "Lu-177", TransportParameters.defaults(), grid);
    private final TransportProblem problem = TransportProblems.of(tables, grid, new PointSource(0.1f, 0.1f, 0.1f, 0),
            1L);

    @Test
    void theMajorantIsBuiltForTheRunsGrid() {
        // Tables built for one grid, used on a denser one: the problem's majorant must bound the denser voxels.
        VoxelGeometry dense = TransportFixtures.uniform(4, 0.2f, 3.0f);
        TransportProblem p = TransportProblems.of(tables, dense, new PointSource(0.1f, 0.1f, 0.1f, 0), 1L);
        float ln100keV = (float) Math.log(0.1);
        float mu = p.photonCrossSections().muOverRho(0, 0, ln100keV) * 3.0f;
        assertTrue(p.photonMajorant().at(ln100keV) >= mu);
    }

    @Test
    void parametersThatTheTablesWereNotBuiltWithAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TransportProblem(grid, problem.source(),
                problem.emissions(), problem.photonCrossSections(), problem.photonMajorant(), problem.compton(),
                problem.rayleigh(), problem.electrons(), TransportParameters.defaults().withElectronCutoffMeV(0.001f),
                1L));
    }

    @Test
    void aVoxelIndexBeyondTheTablesMaterialsIsRefused() {
        byte[] material = grid.material().clone();
        material[5] = 3;
        VoxelGeometry bad = new VoxelGeometry(4, 4, 4, 0.2f, 0.2f, 0.2f, material, grid.density());
        assertThrows(IllegalArgumentException.class, () -> new TransportProblem(bad, problem.source(),
                problem.emissions(), problem.photonCrossSections(), problem.photonMajorant(), problem.compton(),
                problem.rayleigh(), problem.electrons(), problem.parameters(), 1L));
    }

    @Test
    void aVoxelTallyOfAnotherGridIsRefused() {
        JavaHistoryDriver kernel = new JavaHistoryDriver(problem);
        assertThrows(IllegalArgumentException.class, () -> kernel.run(0, 1, new VoxelEnergyTally(4, 4, 5)));
    }
}
