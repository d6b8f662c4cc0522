package doseengine.kernels.opencl;

import doseengine.kernels.EmissionArrays;

/**
 * A nuclide's {@link EmissionArrays} on the device ({@code emission_table} in {@code include/emission.clh}),
 * uploaded once; kernels declare {@code EMISSION_TABLE_PARAMS} and {@link #bind} sets them.
 */
public final class DeviceEmissionTable implements AutoCloseable {

    private final KernelArguments args;
    private final int maxEmissionsPerDecay;

    private DeviceEmissionTable(KernelArguments args, int maxEmissionsPerDecay) {
        this.args = args;
        this.maxEmissionsPerDecay = maxEmissionsPerDecay;
    }

    public static DeviceEmissionTable upload(OpenClContext cl, EmissionArrays a) {
        KernelArguments args = new KernelArguments(cl);
        try {
            args.copyOf(a.betaEnergyMeV()).copyOf(a.betaCdf()).copyOf(a.betaDensity()).copyOf(a.betaGuide())
                    .scalar(a.betaEnergyMeV().length).scalar(a.betaGuide().length)
                    .copyOf(a.fixedType()).copyOf(a.fixedEnergyMeV()).scalar(a.fixedType().length)
                    .copyOf(a.chanceType()).copyOf(a.chanceEnergyMeV()).copyOf(a.chanceProbability())
                    .copyOf(a.chanceLogComplement()).scalar(a.chanceType().length);
            return new DeviceEmissionTable(args, a.maxEmissionsPerDecay());
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    /** The most particles one decay can emit. */
    public int maxEmissionsPerDecay() {
        return maxEmissionsPerDecay;
    }

    /** Number of kernel arguments {@link #bind} sets. */
    public int argumentCount() {
        return args.count();
    }

    /** Sets {@code EMISSION_TABLE_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
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
