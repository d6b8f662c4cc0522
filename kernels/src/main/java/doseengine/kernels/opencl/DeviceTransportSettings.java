package doseengine.kernels.opencl;

import doseengine.kernels.electron.ElectronTables.Quantity;
import doseengine.kernels.transport.ElectronStepTables;
import doseengine.kernels.transport.TransportProblem;

/**
 * The step control and cutoffs of a run on the device ({@code transport_settings} in
 * {@code include/electron_step_tables.clh}): the per-node hard cross-section sums and the ranges at the cutoff from
 * {@link ElectronStepTables} (the numbers the Java electron step uses, bit for bit), the energy-loss model and the
 * photon cutoff. Kernels declare {@code TRANSPORT_SETTINGS_PARAMS} and {@link #bind} sets them.
 */
public final class DeviceTransportSettings implements AutoCloseable {

    private final KernelArguments args;

    private DeviceTransportSettings(KernelArguments args) {
        this.args = args;
    }

    public static DeviceTransportSettings upload(OpenClContext cl, TransportProblem p) {
        ElectronStepTables step = ElectronStepTables.of(p);
        KernelArguments args = new KernelArguments(cl);
        try {
            args.copyOf(step.hardAtNode()).copyOf(step.rangeAtCutoff()).scalar(quantityIndex(step.rangeQuantity()))
                    .scalar(step.hardInelastic() ? 1 : 0).scalar(step.softStraggling() ? 1 : 0)
                    .scalar(step.gridAtCutoff()).scalar(step.cutoff())
                    .scalar(step.keepFraction()).scalar(step.gridShiftOfStep())
                    .scalar(p.parameters().photonCutoffMeV());
            return new DeviceTransportSettings(args);
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    /** Device bytes of the settings for {@code materials} materials and {@code nodes} electron energy nodes. */
    public static long bytes(int materials, int nodes) {
        return ((long) materials * nodes + materials) * Float.BYTES;
    }

    /** The row index q of {@code electron_row} (include/electron_lookup.clh): the quantity's ordinal. */
    private static int quantityIndex(Quantity q) {
        return q.ordinal();
    }

    /** Number of kernel arguments {@link #bind} sets. */
    public int argumentCount() {
        return args.count();
    }

    /** Sets {@code TRANSPORT_SETTINGS_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
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
