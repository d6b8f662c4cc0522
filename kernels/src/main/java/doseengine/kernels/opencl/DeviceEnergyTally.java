package doseengine.kernels.opencl;

import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.RadialShellTally;
import java.util.stream.IntStream;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;

/**
 * The device twin of an {@link EnergyTally}: a zeroed buffer of {@code bins + 2} longs in the layout of
 * {@code tally.md} (bins, ESCAPED, EMITTED), plus the squared shell edges and centre of a
 * {@link RadialShellTally}. Kernels declare {@code TALLY_PARAMS} ({@code include/tally.clh}) and are built with
 * {@link #buildOption()}; {@link #bind} sets those arguments. After a batch the host reads the units and folds
 * them into the Java tally with {@link #addTo}, then {@link #reset()}s the buffer.
 */
public final class DeviceEnergyTally implements AutoCloseable {

    /** Build option of kernels that score in radial shells. */
    public static final String RADIAL_SHELLS_OPTION = "-DTALLY_RADIAL_SHELLS";

    private final int bins;
    private final boolean radial;
    private final DeviceBuffer units;
    private final KernelArguments args;

    private DeviceEnergyTally(int bins, boolean radial, DeviceBuffer units, KernelArguments args) {
        this.bins = bins;
        this.radial = radial;
        this.units = units;
        this.args = args;
    }

    /** A zeroed device voxel tally of {@code bins} bins (no host tally needed to describe it). */
    public static DeviceEnergyTally createVoxels(OpenClContext cl, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a tally needs at least one bin, got " + bins);
        }
        KernelArguments args = new KernelArguments(cl);
        try {
            DeviceBuffer units = DeviceBuffer.zeroed(cl, (long) (bins + 2) * Sizeof.cl_long);
            args.buffer(units).scalar(bins);
            return new DeviceEnergyTally(bins, false, units, args);
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    /** A zeroed device tally with the layout (bins, shells) of {@code layout}; its units are not copied. */
    public static DeviceEnergyTally create(OpenClContext cl, EnergyTally layout) {
        int bins = layout.bins();
        KernelArguments args = new KernelArguments(cl);
        try {
            DeviceBuffer units = DeviceBuffer.zeroed(cl, (long) (bins + 2) * Sizeof.cl_long);
            args.buffer(units).scalar(bins);
            boolean radial = layout instanceof RadialShellTally;
            if (layout instanceof RadialShellTally shells) {
                args.copyOf(shells.edgesSquaredCm2()).scalar(shells.shells())
                        .scalar(shells.centreX()).scalar(shells.centreY()).scalar(shells.centreZ())
                        .scalar(shells.isUniform() ? 1 : 0).scalar(shells.edgesCm()[0])
                        .scalar(shells.inverseWidthPerCm());
            }
            return new DeviceEnergyTally(bins, radial, units, args);
        } catch (RuntimeException e) {
            throw KernelArguments.closeAfterFailure(args, e);
        }
    }

    public int bins() {
        return bins;
    }

    public boolean isRadialShells() {
        return radial;
    }

    /** The build option that makes {@code TALLY_PARAMS} match this tally: {@value #RADIAL_SHELLS_OPTION} or "". */
    public String buildOption() {
        return radial ? RADIAL_SHELLS_OPTION : "";
    }

    /** Number of kernel arguments {@link #bind} sets. */
    public int argumentCount() {
        return args.count();
    }

    /** Sets {@code TALLY_PARAMS} as kernel arguments {@code first, ...}; returns the next free index. */
    public int bind(OpenClKernel kernel, int first) {
        return args.bind(kernel, first);
    }

    /** Reads the {@code bins + 2} slots into {@code dst}. */
    public void readUnits(long[] dst) {
        units.read(dst);
    }

    /**
     * Adds the device's slots to the Java tally's (same layout): the host fold between batches, when no
     * thread writes to {@code tally}.
     */
    public void addTo(EnergyTally tally) {
        if (tally.bins() != bins) {
            throw new IllegalArgumentException("Java tally has " + tally.bins() + " bins, the device tally " + bins);
        }
        long[] device = new long[bins + 2];
        units.read(device);
        long[] host = tally.units();
        for (int i = 0; i < device.length; i++) {
            host[i] += device[i];
        }
    }

    /**
     * The host fold of a batch in flight ({@code OpenClHistoryDriver}'s double-buffered tallies): reads the slots
     * through {@code queue} (the context's transfer queue, so that kernels writing another tally go on) into
     * {@code staging} ({@code bins + 2} longs, reused from batch to batch), adds them to {@code tally}'s in parallel
     * blocks, then zeroes the device slots through the same queue. Call only after the kernels that wrote this
     * tally have finished, and when no thread writes to {@code tally}.
     */
    public void addTo(EnergyTally tally, long[] staging, cl_command_queue queue) {
        if (tally.bins() != bins) {
            throw new IllegalArgumentException("Java tally has " + tally.bins() + " bins, the device tally " + bins);
        }
        units.read(staging, queue);
        long[] host = tally.units();
        int blocks = Math.max(1, Math.min(256, staging.length / (1 << 20)));
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int to = (int) ((long) staging.length * (b + 1) / blocks);
            for (int i = (int) ((long) staging.length * b / blocks); i < to; i++) {
                host[i] += staging[i];
            }
        });
        units.fillZero(queue);
    }

    /** Zeroes every slot through {@code queue} and waits for it. */
    public void reset(cl_command_queue queue) {
        units.fillZero(queue);
    }

    /** Device memory held (units and shell edges), bytes. */
    public long bytes() {
        return args.bytes();
    }

    /** Zeroes every slot. */
    public void reset() {
        units.fillZero();
    }

    @Override
    public void close() {
        args.close();
    }
}
