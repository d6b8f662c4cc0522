package doseengine.kernels.transport;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.kernels.photon.RayleighSampler;
import doseengine.kernels.source.DecaySource;

/**
 * Everything one transport run reads, as the kernels see it: the voxel world, where decays happen and what they
 * emit, the photon and electron tables, the scalar parameters and the run seed. The engine assembles it
 * ({@code doseengine.transport.TransportProblems}); both back ends take the same bundle.
 *
 * <p>The compact constructor checks that the parts belong together: one material list for the photon tables,
 * the electron tables and every voxel of the grid, and electron tables built with the run's cutoff, thresholds
 * and elastic parameters (tables-electron.md: "build new tables when any of them changes").
 *
 * @param geometry            materials and densities per voxel; positions in cm from the grid's outer corner
 * @param source              decay positions in the same frame
 * @param emissions           what one decay emits
 * @param photonCrossSections mu/rho per process and material
 * @param photonMajorant      Woodcock majorant of this grid, on the bins of photonCrossSections
 * @param compton             incoherent scattering sampler (same materials)
 * @param rayleigh            coherent scattering sampler (same materials and energy nodes)
 * @param electrons           electron tables (same materials)
 * @param parameters          cutoffs, thresholds and step control
 * @param seed                run seed: the Philox key (RNG.md)
 * @param energyLoss          {@link EnergyLossModel#CLASS_II} for every real run;
 *                            {@link EnergyLossModel#CONTINUOUS} for the CSDA check
 */
public record TransportProblem(
        VoxelGeometry geometry,
        DecaySource source,
        EmissionArrays emissions,
        PhotonCrossSections photonCrossSections,
        PhotonMajorant photonMajorant,
        ComptonSampler compton,
        RayleighSampler rayleigh,
        ElectronTables electrons,
        TransportParameters parameters,
        long seed,
        EnergyLossModel energyLoss) {

    public TransportProblem {
        int m = photonCrossSections.materialCount();
        if (compton.materialCount() != m || rayleigh.materialCount() != m || electrons.materialCount() != m) {
            throw new IllegalArgumentException("photon cross sections (" + m + " materials), Compton ("
                    + compton.materialCount() + "), Rayleigh (" + rayleigh.materialCount() + ") and electron ("
                    + electrons.materialCount() + ") tables must cover the same materials");
        }
        byte[] material = geometry.material();
        float[] density = geometry.density();
        for (int v = 0; v < material.length; v++) {
            if ((material[v] & 0xFF) >= m) {
                throw new IllegalArgumentException("voxel " + v + " has material index " + (material[v] & 0xFF)
                        + " but the tables have " + m + " materials");
            }
            if (!(density[v] >= 0) || Float.isInfinite(density[v])) {
                throw new IllegalArgumentException("voxel " + v + " has density " + density[v]
                        + " g/cm3; it must be finite and >= 0");
            }
        }
        sameValue("electron cutoff", parameters.electronCutoffMeV(), electrons.absorptionCutoffMeV());
        sameValue("Moller threshold W_cc", parameters.mollerThresholdMeV(), electrons.mollerThresholdMeV());
        sameValue("bremsstrahlung threshold W_cr", parameters.bremsThresholdMeV(), electrons.bremsThresholdMeV());
        sameValue("elastic C1", parameters.elasticC1(), electrons.elasticC1());
        sameValue("elastic C2", parameters.elasticC2(), electrons.elasticC2());
        if (energyLoss == null) {
            throw new IllegalArgumentException("energy-loss model must be given");
        }
    }

    /** A class II problem ({@link EnergyLossModel#CLASS_II}). */
    public TransportProblem(VoxelGeometry geometry, DecaySource source, EmissionArrays emissions,
                            PhotonCrossSections photonCrossSections, PhotonMajorant photonMajorant,
                            ComptonSampler compton, RayleighSampler rayleigh, ElectronTables electrons,
                            TransportParameters parameters, long seed) {
        this(geometry, source, emissions, photonCrossSections, photonMajorant, compton, rayleigh, electrons,
                parameters, seed, EnergyLossModel.CLASS_II);
    }

    /** The same problem with another seed. */
    public TransportProblem withSeed(long newSeed) {
        return new TransportProblem(geometry, source, emissions, photonCrossSections, photonMajorant, compton,
                rayleigh, electrons, parameters, newSeed, energyLoss);
    }

    /** The same problem with another energy-loss model. */
    public TransportProblem withEnergyLoss(EnergyLossModel model) {
        return new TransportProblem(geometry, source, emissions, photonCrossSections, photonMajorant, compton,
                rayleigh, electrons, parameters, seed, model);
    }

    private static void sameValue(String what, float run, float tables) {
        if (run != tables) {
            throw new IllegalArgumentException(what + " of the run (" + run + " MeV) differs from the one the "
                    + "electron tables were built with (" + tables + "); build the tables with the run's parameters");
        }
    }
}
