package doseengine.kernels.opencl;

import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.ElectronTables.Quantity;

/**
 * The electron tables of a run on the device ({@code electron_tables} in {@code include/electron_tables.clh}),
 * uploaded once. The per-material arrays (fourteen) go into one buffer, one after another in {@link Quantity}
 * order (each keeps its own index {@code m * N + i}), which saves thirteen kernel arguments. Kernels declare
 * {@code ELECTRON_TABLES_PARAMS} and {@link #bind} sets them.
 */
public final class DeviceElectronTables implements AutoCloseable {

    private final KernelArguments args;

    private DeviceElectronTables(KernelArguments args) {
        this.args = args;
    }

    public static DeviceElectronTables upload(OpenClContext cl, ElectronTables t) {
        int block = t.materialCount() * t.nodeCount();
        Quantity[] quantities = Quantity.values();
        float[] perMaterial = new float[quantities.length * block];
        for (Quantity q : quantities) {
            System.arraycopy(t.perMaterial(q), 0, perMaterial, q.ordinal() * block, block);
        }
        KernelArguments args = new KernelArguments(cl);
        try {
            // The float scalars exactly as ElectronTables rounds them for its Java lookups.
            args.scalar(t.materialCount()).scalar(t.nodeCount())
                    .scalar((float) t.lnEnergyMin()).scalar((float) t.lnEnergyStep())
                    .scalar((float) (1 / t.lnEnergyStep()))
                    .scalar(t.mollerThresholdMeV()).scalar(t.bremsThresholdMeV()).scalar(t.absorptionCutoffMeV())
                    .copyOf(perMaterial).scalar(t.bremsKappaCount()).copyOf(t.bremsKappa()).copyOf(t.bremsShape());
            return new DeviceElectronTables(args);
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    /** Number of kernel arguments {@link #bind} sets. */
    public int argumentCount() {
        return args.count();
    }

    /** Sets {@code ELECTRON_TABLES_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
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
