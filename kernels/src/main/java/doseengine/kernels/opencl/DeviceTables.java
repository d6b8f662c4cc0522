package doseengine.kernels.opencl;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.kernels.photon.RayleighSampler;

/**
 * Every physics table of one run on the device, uploaded once from the Java table objects and released
 * together: the emission table ({@link DeviceEmissionTable}), the photon tables ({@link DevicePhotonTables})
 * and the electron tables ({@link DeviceElectronTables}). Kernels declare {@code PHYSICS_TABLES_PARAMS}
 * ({@code include/tables.clh}); {@link #bind} sets the three parameter lists in that order. The decay source and
 * the tally, which change with the problem rather than the physics, are uploaded on their own
 * ({@link DeviceDecaySource}, {@link DeviceEnergyTally}).
 *
 * <p>Device twin: {@code include/tables.clh}: {@code PHYSICS_TABLES_PARAMS}, {@code PHYSICS_TABLES_VIEW}.
 */
public final class DeviceTables implements AutoCloseable {

    private final DeviceEmissionTable emission;
    private final DevicePhotonTables photons;
    private final DeviceElectronTables electrons;

    private DeviceTables(DeviceEmissionTable emission, DevicePhotonTables photons, DeviceElectronTables electrons) {
        this.emission = emission;
        this.photons = photons;
        this.electrons = electrons;
    }

    /** Uploads all tables; on a failure, whatever was already uploaded is released. */
    public static DeviceTables upload(OpenClContext cl, EmissionArrays emission, PhotonCrossSections crossSections,
            PhotonMajorant majorant, RayleighSampler rayleigh, ComptonSampler compton, ElectronTables electrons) {
        if (electrons.materialCount() != crossSections.materialCount()) {
            throw new IllegalArgumentException("photon tables have " + crossSections.materialCount()
                    + " materials, electron tables " + electrons.materialCount());
        }
        DeviceEmissionTable e = DeviceEmissionTable.upload(cl, emission);
        DevicePhotonTables p = null;
        try {
            p = DevicePhotonTables.upload(cl, crossSections, majorant, rayleigh, compton);
            return new DeviceTables(e, p, DeviceElectronTables.upload(cl, electrons));
        } catch (RuntimeException failure) {
            try {
                e.close();
                if (p != null) {
                    p.close();
                }
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    public DeviceEmissionTable emission() {
        return emission;
    }

    public DevicePhotonTables photons() {
        return photons;
    }

    public DeviceElectronTables electrons() {
        return electrons;
    }

    /** Number of kernel arguments {@link #bind} sets. */
    public int argumentCount() {
        return emission.argumentCount() + photons.argumentCount() + electrons.argumentCount();
    }

    /** Sets {@code PHYSICS_TABLES_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
    public int bind(OpenClKernel kernel, int first) {
        return electrons.bind(kernel, photons.bind(kernel, emission.bind(kernel, first)));
    }

    /** Device memory held by all tables, bytes. */
    public long bytes() {
        return emission.bytes() + photons.bytes() + electrons.bytes();
    }

    @Override
    public void close() {
        try {
            emission.close();
        } finally {
            try {
                photons.close();
            } finally {
                electrons.close();
            }
        }
    }
}
