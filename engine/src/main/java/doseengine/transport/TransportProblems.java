package doseengine.transport;

import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import doseengine.physics.photon.PhotonTables;
import doseengine.physics.photon.WoodcockMajorant;

/** Assembles the history drivers' {@link TransportProblem} from the engine's tables. */
public final class TransportProblems {
    private TransportProblems() {}

    /**
     * The transport problem of one run: the tables' photon, electron and emission data, a Woodcock majorant built
     * for {@code geometry} itself (so it bounds every voxel the photons will meet, whatever grid the tables were
     * built with), the tables' parameters, the decay source and the seed.
     *
     * @throws doseengine.geometry.BadInputException when a voxel names a material the tables do not have or has a
     *         negative or non-finite density
     */
    public static TransportProblem of(PhysicsTables tables, VoxelGeometry geometry, DecaySource source, long seed) {
        PhotonTables photons = tables.photons();
        PhotonCrossSections crossSections = photons.crossSections();
        return new TransportProblem(geometry, source, tables.emissionArrays(), crossSections,
                WoodcockMajorant.build(photons, crossSections, geometry.material(), geometry.density()),
                photons.comptonSampler(), photons.rayleighSampler(crossSections), tables.electrons(),
                tables.parameters(), seed);
    }
}
