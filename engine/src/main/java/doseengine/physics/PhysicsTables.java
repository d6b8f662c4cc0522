package doseengine.physics;

import doseengine.geometry.BadInputException;
import doseengine.kernels.EmissionArrays;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.electron.ElectronTablesBuilder;
import doseengine.physics.material.Material;
import doseengine.physics.photon.PhotonTables;
import doseengine.physics.photon.WoodcockMajorant;
import java.util.List;

/**
 * Everything the transport kernels sample from in one run, built once on the host and then only read: the
 * photon cross sections and angular tables, the electron tables, the nuclide's emission table and the
 * Woodcock majorant of the run's grid. Material index m in every table is the m-th entry of
 * {@link #materials()}, the same index the material volume of the grid holds.
 *
 * <p>The layout of every flat array is documented in the kernels module ({@code doseengine/kernels/TABLES.md}
 * and the files it links); the Java and OpenCL back ends read exactly these arrays.
 */
public final class PhysicsTables {
    private final List<Material> materials;
    private final TransportParameters parameters;
    private final PhotonTables photons;
    private final ElectronTables electrons;
    private final EmissionTable emissions;
    private final PhotonMajorant majorant;

    private PhysicsTables(List<Material> materials, TransportParameters parameters, PhotonTables photons,
                          ElectronTables electrons, EmissionTable emissions, PhotonMajorant majorant) {
        this.materials = List.copyOf(materials);
        this.parameters = parameters;
        this.photons = photons;
        this.electrons = electrons;
        this.emissions = emissions;
        this.majorant = majorant;
    }

    /**
     * @param materials     the run's materials; index = the value of the material volume
     * @param emissions     what a decay emits
     * @param parameters    cutoffs, thresholds and step parameters
     * @param materialIndex per voxel, the material index (unsigned byte), for the majorant
     * @param density       per voxel, g/cm3, for the majorant
     */
    public static PhysicsTables build(List<Material> materials, EmissionTable emissions,
                                      TransportParameters parameters, byte[] materialIndex, float[] density) {
        if (materials.isEmpty() || materials.size() > 256) {
            throw new BadInputException("a run needs 1 to 256 materials, got " + materials.size());
        }
        if (materialIndex.length != density.length) {
            throw new IllegalArgumentException("material and density arrays differ in length");
        }
        for (int v = 0; v < materialIndex.length; v++) {
            if ((materialIndex[v] & 0xFF) >= materials.size()) {
                throw new BadInputException("voxel " + v + " has material index " + (materialIndex[v] & 0xFF)
                        + " but the run has only " + materials.size() + " materials");
            }
        }
        PhotonTables photons = PhotonTables.build(materials);
        ElectronTables electrons = new ElectronTablesBuilder()
                .mollerThresholdMeV(parameters.mollerThresholdMeV())
                .bremsThresholdMeV(parameters.bremsThresholdMeV())
                .absorptionCutoffMeV(parameters.electronCutoffMeV())
                .elasticParameters(parameters.elasticC1(), parameters.elasticC2())
                .build(materials);
        PhotonMajorant majorant = WoodcockMajorant.build(photons, photons.crossSections(), materialIndex, density);
        return new PhysicsTables(materials, parameters, photons, electrons, emissions, majorant);
    }

    public List<Material> materials() { return materials; }

    public TransportParameters parameters() { return parameters; }

    public PhotonTables photons() { return photons; }

    public ElectronTables electrons() { return electrons; }

    public EmissionTable emissions() { return emissions; }

    public EmissionArrays emissionArrays() { return emissions.arrays(); }

    public PhotonMajorant majorant() { return majorant; }
}
