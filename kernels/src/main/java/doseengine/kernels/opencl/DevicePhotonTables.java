package doseengine.kernels.opencl;

import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.kernels.photon.RayleighSampler;

/**
 * The photon tables of a run on the device ({@code photon_tables} in {@code include/photon_cross_sections.clh}): cross
 * sections, the grid's Woodcock majorant, the Rayleigh and Compton angular tables, uploaded once in the layout
 * of {@code tables-photon.md}. Kernels declare {@code PHOTON_TABLES_PARAMS} and {@link #bind} sets them.
 */
public final class DevicePhotonTables implements AutoCloseable {

    private final KernelArguments args;

    private DevicePhotonTables(KernelArguments args) {
        this.args = args;
    }

    /**
     * @throws IllegalArgumentException when the parts do not belong together (another energy grid, another
     *         number of materials)
     */
    public static DevicePhotonTables upload(OpenClContext cl, PhotonCrossSections xs, PhotonMajorant majorant,
            RayleighSampler rayleigh, ComptonSampler compton) {
        if (majorant.crossSections() != xs || rayleigh.grid() != xs) {
            throw new IllegalArgumentException("majorant and Rayleigh tables must be built on the same cross "
                    + "sections as the ones uploaded");
        }
        if (rayleigh.materialCount() != xs.materialCount() || compton.materialCount() != xs.materialCount()) {
            throw new IllegalArgumentException("photon tables disagree on the number of materials: "
                    + xs.materialCount() + " cross sections, " + rayleigh.materialCount() + " Rayleigh, "
                    + compton.materialCount() + " Compton");
        }
        KernelArguments args = new KernelArguments(cl);
        try {
            args.scalar(xs.materialCount()).scalar(xs.nodeCount()).scalar(xs.binCount())
                    .scalar(xs.lnEnergyMin()).scalar(xs.binsPerUnitLnEnergy())
                    .copyOf(xs.nodeLnEnergyArray()).copyOf(xs.binFirstNodeArray())
                    .copyOf(xs.muOverRhoArray()).copyOf(xs.logSlopeArray())
                    .copyOf(majorant.perBinArray())
                    .scalar(rayleigh.bins()).copyOf(rayleigh.inverseCdfX2Array()).copyOf(rayleigh.cdfAtKmaxArray())
                    .scalar(compton.nodeCount()).scalar(compton.lnXMin()).scalar(compton.xMin())
                    .scalar(compton.nodesPerUnitLnX()).copyOf(compton.scatteringFunctionArray());
            return new DevicePhotonTables(args);
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    /** Number of kernel arguments {@link #bind} sets. */
    public int argumentCount() {
        return args.count();
    }

    /** Sets {@code PHOTON_TABLES_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
    public int bind(OpenClKernel kernel, int first) {
        return args.bind(kernel, first);
    }

    /** Device memory held, bytes. */
    public long bytes() {
        return args.bytes();
    }

    @Override
    public void close() {
        args.close();
    }
}
