package doseengine.kernels.opencl;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.ParticleType;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.HistoryKernel;
import doseengine.kernels.transport.JavaTransportKernel;
import doseengine.kernels.transport.Primary;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import java.util.Arrays;
import java.util.Locale;
import org.jocl.Sizeof;

/**
 * The OpenCL back end of the transport: the entry kernels of {@code transport_histories.cl} (one work-item per
 * history, the twin of {@link JavaTransportKernel} step for step, transport.md) with everything they read on one
 * device. Histories draw from the same Philox streams (seed, history, purpose 0) as on the Java back end, so a
 * history is the same on both until a float function rounds differently (opencl.md).
 *
 * <p>Life cycle: {@link #open} uploads the grid, the tables, the settings and the source once, allocates the voxel
 * tally and builds the program; each {@link #run} launches the histories in chunks of {@link #historiesPerLaunch()},
 * then reads the device tally, adds it to the host {@link EnergyTally} and zeroes it (the host folds batches; the
 * engine's batch loop gives one call per batch). {@link #close()} releases everything. One command queue: calls are
 * serialised ({@link #maxConcurrentCalls()} is 1).
 *
 * <p>Histories per launch: enough work-items to keep every compute unit busy through the tail of a launch, where
 * the longest histories (a Y-90 beta is hundreds of electron steps, an escaping photon a few flights) run on
 * alone: {@value #GPU_HISTORIES_PER_COMPUTE_UNIT} per compute unit on a GPU (1.08 M on an H100's 132
 * multiprocessors, four times the 2048 resident threads each can hold, so the last wave is a small part of a
 * launch; a launch of Lu-177 then takes a fraction of a second, far from any watchdog), and
 * {@value #CPU_HISTORIES_PER_COMPUTE_UNIT} per compute unit on a CPU device, where each core takes whole
 * work-groups and a few per core balance the load.
 *
 * <p>Secondary stack: {@value #DEFAULT_STACK_CAPACITY} particles per work-item for thresholds W_cc, W_cr of 10 keV
 * and more, scaled by 10 keV / min(W_cc, W_cr) below (delta rays above W are about proportional to 1/W), at most
 * {@value #MAX_STACK_CAPACITY} (include/transport.clh gives the measured depths). An overflow deposits the particle
 * where it was created and is counted: {@link #stackOverflows()}.
 */
public final class OpenClTransportKernel implements HistoryKernel, AutoCloseable {

    /** The entry kernels' source file. */
    public static final String SOURCE_FILE = "transport_histories.cl";
    public static final String HISTORIES_KERNEL = "transport_histories";
    public static final String PRIMARIES_KERNEL = "transport_primaries";
    /** The OpenCL extension the fixed-point tally needs (64-bit atom_add). */
    public static final String INT64_ATOMICS = "cl_khr_int64_base_atomics";
    public static final int DEFAULT_STACK_CAPACITY = 64;
    public static final int MAX_STACK_CAPACITY = 1024;
    static final int GPU_HISTORIES_PER_COMPUTE_UNIT = 8192;
    static final int CPU_HISTORIES_PER_COMPUTE_UNIT = 1024;

    private final OpenClContext cl;
    private final boolean ownsContext;
    private final TransportProblem problem;
    private final int stackCapacity;
    private final int historiesPerLaunch;
    private final String variantOptions;
    private final DeviceMemoryEstimate memory;

    private DeviceTables tables;
    private DeviceVoxelGeometry grid;
    private DeviceTransportSettings settings;
    private DeviceDecaySource source;
    private DeviceBuffer counters;
    private DeviceBuffer maxDepth;
    private Variant voxelVariant;
    private Variant shellVariant;
    private boolean closed;

    private long stackOverflows;
    private long electronSteps;
    private long histories;
    private int deepestStack;

    /** A program built for one tally kind, its two kernels and its device tally. */
    private static final class Variant implements AutoCloseable {
        final OpenClProgram program;
        final OpenClKernel historiesKernel;
        final OpenClKernel primariesKernel;
        DeviceEnergyTally tally;
        RadialShellTally shells;

        Variant(OpenClProgram program) {
            this.program = program;
            this.historiesKernel = program.kernel(HISTORIES_KERNEL);
            this.primariesKernel = program.kernel(PRIMARIES_KERNEL);
        }

        @Override
        public void close() {
            try {
                if (tally != null) {
                    tally.close();
                }
            } finally {
                program.close();
            }
        }
    }

    private OpenClTransportKernel(OpenClContext cl, boolean ownsContext, TransportProblem problem, int stackCapacity) {
        this.cl = cl;
        this.ownsContext = ownsContext;
        this.problem = problem;
        this.stackCapacity = stackCapacity;
        OpenClDeviceInfo info = cl.info();
        this.historiesPerLaunch = historiesPerLaunch(info);
        VoxelGeometry g = problem.geometry();
        this.memory = DeviceMemoryEstimate.of(problem, g.voxelCount(), null);
        this.variantOptions = DeviceDecaySource.buildOptionFor(problem.source()) + " -DTRANSPORT_STACK_CAPACITY="
                + stackCapacity;
    }

    /**
     * Opens OpenCL device {@code deviceIndex} ({@link OpenClDiscovery} numbering) for {@code problem}; the kernel
     * owns the context and closes it.
     *
     * @throws OpenClUnavailableException         the device lacks {@value #INT64_ATOMICS}
     * @throws InsufficientDeviceMemoryException the problem does not fit the device
     * @throws KernelBuildException              the device's compiler rejects the kernels
     */
    public static OpenClTransportKernel open(int deviceIndex, TransportProblem problem) {
        OpenClContext cl = OpenClContext.open(deviceIndex);
        try {
            return create(cl, true, problem, defaultStackCapacity(problem.parameters()));
        } catch (RuntimeException e) {
            try {
                cl.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** A kernel on a context the caller keeps open (and closes after this kernel). */
    public static OpenClTransportKernel create(OpenClContext cl, TransportProblem problem) {
        return create(cl, false, problem, defaultStackCapacity(problem.parameters()));
    }

    /** With a chosen secondary stack capacity (tests exercise the overflow path with a tiny one). */
    public static OpenClTransportKernel create(OpenClContext cl, TransportProblem problem, int stackCapacity) {
        return create(cl, false, problem, stackCapacity);
    }

    private static OpenClTransportKernel create(OpenClContext cl, boolean ownsContext, TransportProblem problem,
                                                int stackCapacity) {
        if (stackCapacity < 1 || stackCapacity > MAX_STACK_CAPACITY) {
            throw new IllegalArgumentException("stack capacity must be in 1.." + MAX_STACK_CAPACITY + ", got "
                    + stackCapacity);
        }
        requireSupported(cl.info(), problem);
        OpenClTransportKernel k = new OpenClTransportKernel(cl, ownsContext, problem, stackCapacity);
        k.memory.requireFits(cl.info());
        try {
            k.upload();
        } catch (RuntimeException e) {
            try {
                k.releaseDeviceObjects();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return k;
    }

    /**
     * The capacity for a run's thresholds: {@value #DEFAULT_STACK_CAPACITY} at W_cc, W_cr >= 10 keV, scaled by
     * 10 keV / min(W_cc, W_cr) below, at most {@value #MAX_STACK_CAPACITY}.
     */
    public static int defaultStackCapacity(TransportParameters p) {
        double w = Math.min(p.mollerThresholdMeV(), p.bremsThresholdMeV());
        double scale = Math.max(1, Math.ceil(TransportParameters.DEFAULT_THRESHOLD_MEV / w));
        return (int) Math.min(MAX_STACK_CAPACITY, DEFAULT_STACK_CAPACITY * scale);
    }

    /** Work-items per launch on a device (see the class comment). */
    public static int historiesPerLaunch(OpenClDeviceInfo device) {
        long perUnit = device.isGpu() ? GPU_HISTORIES_PER_COMPUTE_UNIT : CPU_HISTORIES_PER_COMPUTE_UNIT;
        return (int) Math.min(1 << 24, Math.max(1, device.computeUnits()) * perUnit);
    }

    /**
     * Refuses what the kernels cannot do on this device or with this problem: no 64-bit atomics, emissions other
     * than photons and electrons (the emission walk of transport_histories.cl relies on it), a point source outside
     * the grid.
     */
    static void requireSupported(OpenClDeviceInfo device, TransportProblem problem) {
        if (!device.int64Atomics()) {
            throw new OpenClUnavailableException("OpenCL device " + device.deviceName() + " lacks " + INT64_ATOMICS
                    + ", which the fixed-point tally needs");
        }
        EmissionArrays e = problem.emissions();
        for (int[] types : new int[][] {e.fixedType(), e.chanceType()}) {
            for (int t : types) {
                if (t != ParticleType.PHOTON && t != ParticleType.ELECTRON) {
                    throw new IllegalArgumentException("the OpenCL transport emits photons and electrons only, the "
                            + "emission table has a " + ParticleType.name(t));
                }
            }
        }
        if (problem.source() instanceof PointSource p) {
            checkVoxel(p.voxel(), problem.geometry());
        }
    }

    private void upload() {
        tables = DeviceTables.upload(cl, problem.emissions(), problem.photonCrossSections(), problem.photonMajorant(),
                problem.rayleigh(), problem.compton(), problem.electrons());
        grid = DeviceVoxelGeometry.upload(cl, problem.geometry());
        settings = DeviceTransportSettings.upload(cl, problem);
        source = DeviceDecaySource.upload(cl, problem.source());
        counters = DeviceBuffer.zeroed(cl, 2L * Sizeof.cl_long);
        maxDepth = DeviceBuffer.zeroed(cl, Sizeof.cl_int);
        voxelVariant = new Variant(OpenClProgram.build(cl, KernelSource.load(SOURCE_FILE), variantOptions));
        voxelVariant.tally = DeviceEnergyTally.createVoxels(cl, problem.geometry().voxelCount());
    }

    public TransportProblem problem() {
        return problem;
    }

    /** The device this kernel runs on. */
    public OpenClDeviceInfo device() {
        return cl.info();
    }

    /** The device memory this kernel's run was estimated to need (checked against the device before upload). */
    public DeviceMemoryEstimate memory() {
        return memory;
    }

    /**
     * Device memory held now by the uploads, the tallies and the counters, bytes: what {@link #memory()} estimated,
     * plus the shell tally once one is used.
     */
    public synchronized long deviceBytes() {
        long sum = tables.bytes() + grid.bytes() + settings.bytes() + source.bytes() + counters.bytes()
                + maxDepth.bytes() + voxelVariant.tally.bytes();
        if (shellVariant != null && shellVariant.tally != null) {
            sum += shellVariant.tally.bytes();
        }
        return sum;
    }

    @Override
    public int maxConcurrentCalls() {
        return 1;
    }

    @Override
    public int preferredHistoriesPerCall() {
        return Integer.MAX_VALUE;
    }

    /**
     * Runs decay histories {@code firstHistory .. firstHistory + count - 1} on the device and adds their energy to
     * {@code tally} (a {@link VoxelEnergyTally} of the grid's dimensions or a {@link RadialShellTally}).
     */
    @Override
    public synchronized void run(long firstHistory, int count, EnergyTally tally) {
        Variant v = prepare(firstHistory, count, tally);
        OpenClKernel k = v.historiesKernel;
        int next = bindCommon(k, v);
        next = source.bind(k, next);
        launch(k, next, firstHistory, count);
        collect(v, tally, count);
    }

    /**
     * Runs histories that each start with {@code primary} instead of a decay ({@link JavaTransportKernel#runPrimaries}
     * on the device: same streams, same tally rules).
     */
    public synchronized void runPrimaries(Primary primary, long firstHistory, int count, EnergyTally tally) {
        checkVoxel(primary.voxel(), problem.geometry());
        Variant v = prepare(firstHistory, count, tally);
        OpenClKernel k = v.primariesKernel;
        int next = bindCommon(k, v);
        k.arg(next++, primary.type()).arg(next++, primary.energyMeV()).arg(next++, primary.x())
                .arg(next++, primary.y()).arg(next++, primary.z()).arg(next++, primary.voxel())
                .arg(next++, primary.u()).arg(next++, primary.v()).arg(next++, primary.w())
                .arg(next++, primary.isotropic() ? 1 : 0);
        launch(k, next, firstHistory, count);
        collect(v, tally, count);
    }

    private Variant prepare(long firstHistory, int count, EnergyTally tally) {
        if (closed) {
            throw new IllegalStateException("OpenCL transport kernel is closed");
        }
        if (count < 0 || firstHistory < 0) {
            throw new IllegalArgumentException("history range must be non-negative, got first " + firstHistory
                    + ", count " + count);
        }
        return variantFor(tally);
    }

    private int bindCommon(OpenClKernel k, Variant v) {
        int next = tables.bind(k, 0);
        next = grid.bind(k, next);
        next = settings.bind(k, next);
        return v.tally.bind(k, next);
    }

    private void launch(OpenClKernel k, int firstFreeArgument, long firstHistory, int count) {
        k.arg(firstFreeArgument, problem.seed()).arg(firstFreeArgument + 3, counters)
                .arg(firstFreeArgument + 4, maxDepth);
        for (int done = 0; done < count; ) {
            int n = Math.min(historiesPerLaunch, count - done);
            k.arg(firstFreeArgument + 1, firstHistory + done).arg(firstFreeArgument + 2, n);
            k.run(n);
            done += n;
        }
    }

    /** Adds the device tally to the host's, zeroes it, and takes the counters. */
    private void collect(Variant v, EnergyTally tally, int count) {
        v.tally.addTo(tally);
        v.tally.reset();
        long[] c = new long[2];
        counters.read(c);
        int[] depth = new int[1];
        maxDepth.read(depth);
        counters.fillZero();
        stackOverflows += c[0];
        electronSteps += c[1];
        deepestStack = Math.max(deepestStack, depth[0]);
        histories += count;
    }

    /** The variant (program and device tally) for a host tally, built or re-laid-out when needed. */
    private Variant variantFor(EnergyTally tally) {
        if (tally instanceof VoxelEnergyTally t) {
            VoxelGeometry g = problem.geometry();
            if (t.nx() != g.nx() || t.ny() != g.ny() || t.nz() != g.nz()) {
                throw new IllegalArgumentException("voxel tally " + t.nx() + " x " + t.ny() + " x " + t.nz()
                        + " does not match the grid " + g.nx() + " x " + g.ny() + " x " + g.nz());
            }
            return voxelVariant;
        }
        RadialShellTally shells = (RadialShellTally) tally;
        if (shellVariant == null) {
            shellVariant = new Variant(OpenClProgram.build(cl, KernelSource.load(SOURCE_FILE),
                    variantOptions + " " + DeviceEnergyTally.RADIAL_SHELLS_OPTION));
        }
        if (shellVariant.shells == null || !sameShells(shellVariant.shells, shells)) {
            if (shellVariant.tally != null) {
                shellVariant.tally.close();
                shellVariant.tally = null;
            }
            shellVariant.tally = DeviceEnergyTally.create(cl, shells);
            shellVariant.shells = shells;
        }
        return shellVariant;
    }

    private static boolean sameShells(RadialShellTally a, RadialShellTally b) {
        return a == b || (Arrays.equals(a.edgesCm(), b.edgesCm()) && a.centreX() == b.centreX()
                && a.centreY() == b.centreY() && a.centreZ() == b.centreZ());
    }

    private static void checkVoxel(int voxel, VoxelGeometry g) {
        if (voxel < 0 || voxel >= g.voxelCount()) {
            throw new IllegalArgumentException("the source voxel " + voxel + " lies outside the grid of "
                    + g.voxelCount() + " voxels");
        }
    }

    /** Histories per kernel launch on this device. */
    public int historiesPerLaunch() {
        return historiesPerLaunch;
    }

    /** The secondary stack's capacity per work-item. */
    public int stackCapacity() {
        return stackCapacity;
    }

    /** Pushes that found a work-item's stack full, over all calls so far (energy deposited on the spot). */
    public synchronized long stackOverflows() {
        return stackOverflows;
    }

    /** The deepest any work-item's secondary stack has been, over all calls so far. */
    public synchronized int maxStackDepth() {
        return deepestStack;
    }

    /** Condensed-history steps of all electrons and positrons, over all calls so far. */
    public synchronized long electronSteps() {
        return electronSteps;
    }

    /** Histories run so far. */
    public synchronized long histories() {
        return histories;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            releaseDeviceObjects();
        } finally {
            if (ownsContext) {
                cl.close();
            }
        }
    }

    private void releaseDeviceObjects() {
        AutoCloseable[] parts = {shellVariant, voxelVariant, maxDepth, counters, source, settings, grid, tables};
        RuntimeException first = null;
        for (AutoCloseable c : parts) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                RuntimeException r = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                if (first == null) {
                    first = r;
                } else {
                    first.addSuppressed(r);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OpenCL transport on %s (%d histories per launch, stack %d)",
                cl.info().deviceName(), historiesPerLaunch, stackCapacity);
    }
}
