package doseengine.kernels.opencl;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.ParticleType;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.PipelinedHistoryDriver;
import doseengine.kernels.transport.Primary;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clWaitForEvents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;

/**
 * The OpenCL back end of the transport as a history driver: it runs the entry kernels of {@code transport_histories.cl} (one work-item per
 * history, the twin of {@link JavaHistoryDriver} step for step, transport.md) with everything they read on one
 * device. Histories draw from the same Philox streams (seed, history, purpose 0) as on the Java back end, so a
 * history is the same on both until a float function rounds differently (opencl.md).
 *
 * <p>Life cycle: {@link #open} uploads the grid, the tables, the settings and the source once, allocates the voxel
 * tallies and builds the program; {@link #close()} releases everything. A batch is {@link #start}ed: its launches of
 * {@link #historiesPerLaunch()} work-items are queued on the kernel queue and the call returns; its
 * {@link PendingBatch#addTo} waits for the last launch, reads the device tally through the context's transfer queue,
 * adds it to the host {@link EnergyTally} and zeroes it. {@link #run} is the two in a row.
 *
 * <p>Double buffering: this driver keeps two device tallies (each with its counters) when the device memory holds them
 * ({@link DeviceMemoryEstimate#preferTwoTallies}), so that two batches may be in flight
 * ({@link #batchesInFlight()}): the engine starts batch k + 1 on the kernel queue before it collects batch k, and
 * the device goes on with k + 1 while the host reads and folds k. With one tally (a CT too large for two) batch
 * k + 1 starts once k is read back, and only the host's fold of k overlaps it ({@link #singleTallyNote()} says so).
 * Only one thread at a time calls the driver ({@link #maxConcurrentCalls()} is 1).
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
 * {@value #MAX_STACK_CAPACITY} (include/history.clh gives the measured depths). An overflow deposits the particle
 * where it was created and is counted: {@link #stackOverflows()}.
 */
public final class OpenClHistoryDriver implements PipelinedHistoryDriver, AutoCloseable {

    /** The entry kernels' source file. */
    public static final String SOURCE_FILE = "transport_histories.cl";
    public static final String HISTORIES_KERNEL = "transport_histories";
    public static final String PRIMARIES_KERNEL = "transport_primaries";
    /** The OpenCL extension the fixed-point tally needs (64-bit atom_add). */
    public static final String INT64_ATOMICS = "cl_khr_int64_base_atomics";
    public static final int DEFAULT_STACK_CAPACITY = 64;
    public static final int MAX_STACK_CAPACITY = 1024;
    /** Private bytes of one secondary-stack slot (include/history.clh). */
    static final int STACK_SLOT_BYTES = 36;
    /** Bytes of secondary stacks one CPU work-group may hold: a choice well inside a worker thread's stack. */
    static final long CPU_WORK_GROUP_STACK_BYTES = 256 * 1024;
    /** Largest CPU work-group chosen here. */
    static final int CPU_MAX_WORK_GROUP = 64;
    static final int GPU_HISTORIES_PER_COMPUTE_UNIT = 8192;
    static final int CPU_HISTORIES_PER_COMPUTE_UNIT = 1024;

    private final OpenClContext cl;
    private final boolean ownsContext;
    private final TransportProblem problem;
    private final int stackCapacity;
    /** Work-items per work-group on a CPU device (see {@link #cpuWorkGroupSize}); 0 on a GPU: the driver's choice. */
    private final int workGroupSize;
    private final int historiesPerLaunch;
    private final String variantOptions;
    private final DeviceMemoryEstimate memory;

    private DeviceTables tables;
    private DeviceVoxelGeometry grid;
    private DeviceTransportSettings settings;
    private DeviceDecaySource source;
    private Variant voxelVariant;
    private Variant shellVariant;
    private final List<Batch> inFlight = new ArrayList<>();
    private boolean closed;

    private long stackOverflows;
    private long electronSteps;
    private long histories;
    private int deepestStack;

    /** One device tally with its counters: what one batch in flight scores into. */
    private static final class Slot implements AutoCloseable {
        final DeviceEnergyTally tally;
        final DeviceBuffer counters; // stack overflows, electron steps
        final DeviceBuffer maxDepth;
        boolean busy;

        /** Takes {@code t} (closes it when the counters cannot be made). */
        Slot(OpenClContext cl, DeviceEnergyTally t) {
            DeviceBuffer c = null;
            try {
                c = DeviceBuffer.zeroed(cl, 2L * Sizeof.cl_long);
                this.maxDepth = DeviceBuffer.zeroed(cl, Sizeof.cl_int);
            } catch (RuntimeException e) {
                if (c != null) {
                    c.close();
                }
                t.close();
                throw e;
            }
            this.tally = t;
            this.counters = c;
        }

        long bytes() {
            return tally.bytes() + counters.bytes() + maxDepth.bytes();
        }

        @Override
        public void close() {
            try {
                tally.close();
            } finally {
                try {
                    counters.close();
                } finally {
                    maxDepth.close();
                }
            }
        }
    }

    /** A program built for one tally kind, its two kernels, its device tallies and the host's staging array. */
    private static final class Variant implements AutoCloseable {
        final OpenClProgram program;
        final OpenClKernel historiesKernel;
        final OpenClKernel primariesKernel;
        final List<Slot> slots = new ArrayList<>();
        RadialShellTally shells;
        long[] staging;

        Variant(OpenClProgram program) {
            this.program = program;
            this.historiesKernel = program.kernel(HISTORIES_KERNEL);
            this.primariesKernel = program.kernel(PRIMARIES_KERNEL);
        }

        /** Makes {@code copies} device tallies, replacing the ones there were. */
        void allocate(OpenClContext cl, Supplier<DeviceEnergyTally> tally, int copies) {
            closeSlots();
            staging = null;
            for (int i = 0; i < copies; i++) {
                slots.add(new Slot(cl, tally.get()));
            }
        }

        boolean anyBusy() {
            return slots.stream().anyMatch(s -> s.busy);
        }

        Slot freeSlot() {
            for (Slot s : slots) {
                if (!s.busy) {
                    return s;
                }
            }
            throw new IllegalStateException(slots.size() + " batches are already in flight on this OpenCL history driver; "
                    + "collect one first");
        }

        long[] staging() {
            if (staging == null) {
                staging = new long[slots.get(0).tally.bins() + 2];
            }
            return staging;
        }

        long bytes() {
            return slots.stream().mapToLong(Slot::bytes).sum();
        }

        private void closeSlots() {
            RuntimeException first = null;
            for (Slot s : slots) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            slots.clear();
            if (first != null) {
                throw first;
            }
        }

        @Override
        public void close() {
            try {
                closeSlots();
            } finally {
                program.close();
            }
        }
    }

    /** A started batch: its slot, the event of its last launch (null for an empty batch), whether collected. */
    private final class Batch implements PendingBatch {
        private final Variant variant;
        private final Slot slot;
        private final int count;
        private cl_event lastLaunch;
        private boolean collected;

        Batch(Variant variant, Slot slot, int count, cl_event lastLaunch) {
            this.variant = variant;
            this.slot = slot;
            this.count = count;
            this.lastLaunch = lastLaunch;
        }

        @Override
        public void addTo(EnergyTally tally) {
            if (tally == null) {
                throw new IllegalArgumentException("no tally to add the batch to");
            }
            if (tally.bins() != slot.tally.bins()) {
                throw new IllegalArgumentException("Java tally has " + tally.bins() + " bins, the batch's device tally "
                        + slot.tally.bins());
            }
            collect(tally);
        }

        @Override
        public void discard() {
            collect(null);
        }

        /** At close, for a batch never collected. */
        void releaseEvent() {
            collected = true;
            if (lastLaunch != null) {
                clReleaseEvent(lastLaunch);
                lastLaunch = null;
            }
        }

        private void collect(EnergyTally tally) {
            cl_event event;
            synchronized (OpenClHistoryDriver.this) {
                if (collected) {
                    throw new IllegalStateException("this batch was already collected");
                }
                requireOpen();
                collected = true;
                inFlight.remove(this);
                event = lastLaunch;
                lastLaunch = null;
            }
            // Wait without holding the driver's lock: nothing else needs it meanwhile, but close() may.
            try {
                if (event != null) {
                    try {
                        clWaitForEvents(1, new cl_event[] {event});
                    } finally {
                        clReleaseEvent(event);
                    }
                }
                synchronized (OpenClHistoryDriver.this) {
                    requireOpen();
                    readBack(variant, slot, tally, count);
                }
            } finally {
                synchronized (OpenClHistoryDriver.this) {
                    slot.busy = false;
                }
            }
        }
    }

    private OpenClHistoryDriver(OpenClContext cl, boolean ownsContext, TransportProblem problem, int stackCapacity,
                                  int maxTallyCopies) {
        this.cl = cl;
        this.ownsContext = ownsContext;
        this.problem = problem;
        this.stackCapacity = stackCapacity;
        OpenClDeviceInfo info = cl.info();
        this.historiesPerLaunch = historiesPerLaunch(info);
        this.workGroupSize = info.isGpu() ? 0 : cpuWorkGroupSize(stackCapacity);
        VoxelGeometry g = problem.geometry();
        DeviceMemoryEstimate one = DeviceMemoryEstimate.of(problem, g.voxelCount(), null);
        this.memory = maxTallyCopies >= 2 ? DeviceMemoryEstimate.preferTwoTallies(one, info) : one;
        this.variantOptions = DeviceDecaySource.buildOptionFor(problem.source()) + " -DTRANSPORT_STACK_CAPACITY="
                + stackCapacity;
    }

    /**
     * Opens OpenCL device {@code deviceIndex} ({@link OpenClDiscovery} numbering) for {@code problem}; the driver
     * owns the context and closes it.
     *
     * @throws OpenClUnavailableException         the device lacks {@value #INT64_ATOMICS}
     * @throws InsufficientDeviceMemoryException the problem does not fit the device
     * @throws KernelBuildException              the device's compiler rejects the kernels
     */
    public static OpenClHistoryDriver open(int deviceIndex, TransportProblem problem) {
        OpenClContext cl = OpenClContext.open(deviceIndex);
        try {
            return create(cl, true, problem, defaultStackCapacity(problem.parameters()),
                    DeviceMemoryEstimate.MAX_TALLY_COPIES);
        } catch (RuntimeException e) {
            try {
                cl.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** A driver on a context the caller keeps open (and closes after this driver). */
    public static OpenClHistoryDriver create(OpenClContext cl, TransportProblem problem) {
        return create(cl, false, problem, defaultStackCapacity(problem.parameters()),
                DeviceMemoryEstimate.MAX_TALLY_COPIES);
    }

    /** With a chosen secondary stack capacity (tests exercise the overflow path with a tiny one). */
    public static OpenClHistoryDriver create(OpenClContext cl, TransportProblem problem, int stackCapacity) {
        return create(cl, false, problem, stackCapacity, DeviceMemoryEstimate.MAX_TALLY_COPIES);
    }

    /**
     * With a chosen stack capacity and at most {@code maxTallyCopies} voxel tallies (1 forces the single-tally path
     * that a device too small for two takes; tests compare the two).
     */
    public static OpenClHistoryDriver create(OpenClContext cl, TransportProblem problem, int stackCapacity,
                                               int maxTallyCopies) {
        return create(cl, false, problem, stackCapacity, maxTallyCopies);
    }

    private static OpenClHistoryDriver create(OpenClContext cl, boolean ownsContext, TransportProblem problem,
                                                int stackCapacity, int maxTallyCopies) {
        if (stackCapacity < 1 || stackCapacity > MAX_STACK_CAPACITY) {
            throw new IllegalArgumentException("stack capacity must be in 1.." + MAX_STACK_CAPACITY + ", got "
                    + stackCapacity);
        }
        if (maxTallyCopies < 1 || maxTallyCopies > DeviceMemoryEstimate.MAX_TALLY_COPIES) {
            throw new IllegalArgumentException("tally copies must be in 1.." + DeviceMemoryEstimate.MAX_TALLY_COPIES
                    + ", got " + maxTallyCopies);
        }
        requireSupported(cl.info(), problem);
        OpenClHistoryDriver k = new OpenClHistoryDriver(cl, ownsContext, problem, stackCapacity, maxTallyCopies);
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

    /**
     * Work-items per work-group on a CPU device: the largest power of two, at most {@value #CPU_MAX_WORK_GROUP},
     * whose secondary stacks together stay within {@value #CPU_WORK_GROUP_STACK_BYTES} bytes. A CPU driver runs a
     * work-group's items on one thread and keeps their private memory on that thread's stack. Left to choose the work-group size
     * itself, PoCL 3 overflows that stack and ends the process (SIGSEGV, no message) with 256 slots per work-item
     * (9 KB; W_cc = 1 keV makes 640), while 128 slots run, so the size is bounded here. At least 1.
     */
    public static int cpuWorkGroupSize(int stackCapacity) {
        long perItem = (long) stackCapacity * STACK_SLOT_BYTES;
        long fit = Math.max(1, CPU_WORK_GROUP_STACK_BYTES / perItem);
        return Integer.highestOneBit((int) Math.min(CPU_MAX_WORK_GROUP, fit));
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
        voxelVariant = new Variant(OpenClProgram.build(cl, KernelSource.load(SOURCE_FILE), variantOptions));
        int voxels = problem.geometry().voxelCount();
        voxelVariant.allocate(cl, () -> DeviceEnergyTally.createVoxels(cl, voxels), memory.tallyCopies());
    }

    public TransportProblem problem() {
        return problem;
    }

    /** The device this driver runs on. */
    public OpenClDeviceInfo device() {
        return cl.info();
    }

    /** The device memory this driver's run was estimated to need (checked against the device before upload). */
    public DeviceMemoryEstimate memory() {
        return memory;
    }

    /**
     * Device memory held now by the uploads, the tallies and the counters, bytes: what {@link #memory()} estimated,
     * plus the shell tallies once they are used.
     */
    public synchronized long deviceBytes() {
        long sum = tables.bytes() + grid.bytes() + settings.bytes() + source.bytes() + voxelVariant.bytes();
        if (shellVariant != null) {
            sum += shellVariant.bytes();
        }
        return sum;
    }

    /** Voxel tallies on the device: 2 when the memory holds them (double buffering), else 1. */
    public int tallyCopies() {
        return memory.tallyCopies();
    }

    /**
     * One line for the user when the device holds only one voxel tally, so that a batch's read-back cannot overlap
     * the next batch; null with two.
     */
    public String singleTallyNote() {
        if (memory.tallyCopies() >= 2) {
            return null;
        }
        return String.format(Locale.ROOT, "OpenCL: %s holds one voxel tally, not two (%.2f GB more would be needed), "
                + "so the device waits while each batch's tally is read back", cl.info().deviceName(),
                memory.tallyBytes() / 1e9);
    }

    @Override
    public int maxConcurrentCalls() {
        return 1;
    }

    @Override
    public int preferredHistoriesPerCall() {
        return Integer.MAX_VALUE;
    }

    /** Voxel batches that may be in flight: one per voxel tally ({@link #tallyCopies()}). */
    @Override
    public int batchesInFlight() {
        return memory.tallyCopies();
    }

    /**
     * Runs decay histories {@code firstHistory .. firstHistory + count - 1} on the device and adds their energy to
     * {@code tally} (a {@link VoxelEnergyTally} of the grid's dimensions or a {@link RadialShellTally}).
     */
    @Override
    public synchronized void run(long firstHistory, int count, EnergyTally tally) {
        start(firstHistory, count, tally).addTo(tally);
    }

    /**
     * Queues decay histories {@code firstHistory .. firstHistory + count - 1} into a free device tally of
     * {@code layout}'s kind and returns; the returned batch adds them to the host tally.
     */
    @Override
    public synchronized PendingBatch start(long firstHistory, int count, EnergyTally layout) {
        Variant v = prepare(firstHistory, count, layout);
        Slot slot = v.freeSlot();
        OpenClKernel k = v.historiesKernel;
        int next = bindCommon(k, slot);
        next = source.bind(k, next);
        return enqueue(v, slot, k, next, firstHistory, count);
    }

    /**
     * Runs histories that each start with {@code primary} instead of a decay ({@link JavaHistoryDriver#runPrimaries}
     * on the device: same streams, same tally rules).
     */
    public synchronized void runPrimaries(Primary primary, long firstHistory, int count, EnergyTally tally) {
        checkVoxel(primary.voxel(), problem.geometry());
        Variant v = prepare(firstHistory, count, tally);
        Slot slot = v.freeSlot();
        OpenClKernel k = v.primariesKernel;
        int next = bindCommon(k, slot);
        k.arg(next++, primary.type()).arg(next++, primary.energyMeV()).arg(next++, primary.x())
                .arg(next++, primary.y()).arg(next++, primary.z()).arg(next++, primary.voxel())
                .arg(next++, primary.u()).arg(next++, primary.v()).arg(next++, primary.w())
                .arg(next++, primary.isotropic() ? 1 : 0);
        enqueue(v, slot, k, next, firstHistory, count).addTo(tally);
    }

    private Variant prepare(long firstHistory, int count, EnergyTally tally) {
        requireOpen();
        if (count < 0 || firstHistory < 0) {
            throw new IllegalArgumentException("history range must be non-negative, got first " + firstHistory
                    + ", count " + count);
        }
        return variantFor(tally);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("OpenCL history driver is closed");
        }
    }

    private int bindCommon(OpenClKernel k, Slot slot) {
        int next = tables.bind(k, 0);
        next = grid.bind(k, next);
        next = settings.bind(k, next);
        return slot.tally.bind(k, next);
    }

    /**
     * Queues the batch's launches into {@code slot} and hands them to the device. Only the last launch's event is
     * kept: the kernel queue is in order, so when it is done the batch is.
     */
    private Batch enqueue(Variant v, Slot slot, OpenClKernel k, int firstFreeArgument, long firstHistory, int count) {
        k.arg(firstFreeArgument, problem.seed()).arg(firstFreeArgument + 3, slot.counters)
                .arg(firstFreeArgument + 4, slot.maxDepth);
        cl_event last = null;
        try {
            for (int done = 0; done < count; ) {
                int n = Math.min(historiesPerLaunch, count - done);
                k.arg(firstFreeArgument + 1, firstHistory + done).arg(firstFreeArgument + 2, n);
                if (done + n == count) {
                    last = new cl_event();
                }
                k.enqueue(n, workGroupSize, last);
                done += n;
            }
            cl.flush();
        } catch (RuntimeException e) {
            // Launches already queued write into the slot: let them finish, then leave the slot zeroed and free.
            try {
                cl.finish();
                slot.tally.reset(cl.queue());
                slot.counters.fillZero();
            } catch (RuntimeException cleaning) {
                e.addSuppressed(cleaning);
            }
            throw e;
        }
        slot.busy = true;
        Batch b = new Batch(v, slot, count, last);
        inFlight.add(b);
        return b;
    }

    /**
     * After the batch's kernels: adds the device tally to {@code tally} (null: drops it), zeroes it and takes the
     * counters, all through the transfer queue, so that the next batch's kernels go on meanwhile. A dropped batch
     * does not count in the diagnostics ({@link #histories()}, {@link #stackOverflows()}, ...).
     */
    private void readBack(Variant v, Slot slot, EnergyTally tally, int count) {
        cl_command_queue q = cl.transferQueue();
        if (tally != null) {
            slot.tally.addTo(tally, v.staging(), q);
        } else {
            slot.tally.reset(q);
        }
        long[] c = new long[2];
        slot.counters.read(c, q);
        int[] depth = new int[1];
        slot.maxDepth.read(depth, q);
        slot.counters.fillZero(q);
        if (tally != null) {
            stackOverflows += c[0];
            electronSteps += c[1];
            deepestStack = Math.max(deepestStack, depth[0]);
            histories += count;
        }
    }

    /** The variant (program and device tallies) for a host tally, built or re-laid-out when needed. */
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
            if (shellVariant.anyBusy()) {
                throw new IllegalStateException("a batch with other radial shells is still in flight");
            }
            // Shell tallies are small: always two, whatever the voxel tallies.
            shellVariant.allocate(cl, () -> DeviceEnergyTally.create(cl, shells),
                    DeviceMemoryEstimate.MAX_TALLY_COPIES);
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
            // Batches started and never collected: let their kernels end before their buffers go.
            try {
                cl.finish();
            } finally {
                for (Batch b : inFlight) {
                    b.releaseEvent();
                }
                inFlight.clear();
            }
            releaseDeviceObjects();
        } finally {
            if (ownsContext) {
                cl.close();
            }
        }
    }

    private void releaseDeviceObjects() {
        AutoCloseable[] parts = {shellVariant, voxelVariant, source, settings, grid, tables};
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
        return String.format(Locale.ROOT, "OpenCL transport on %s (%d histories per launch, stack %d, %d voxel "
                + "tallies)", cl.info().deviceName(), historiesPerLaunch, stackCapacity, memory.tallyCopies());
    }
}
