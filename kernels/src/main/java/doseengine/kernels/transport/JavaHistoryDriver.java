package doseengine.kernels.transport;

import doseengine.kernels.EmissionSampler;
import doseengine.kernels.ParticleType;
import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.source.IsotropicDirection;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.VoxelEnergyTally;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pure-Java transport of whole decay histories: the CPU back end and the reference the OpenCL kernels follow
 * line by line (transport.md is the common description). One history is one decay:
 * <ol>
 *   <li>its random stream is restarted at (seed, history, purpose 0) (RNG.md);</li>
 *   <li>the {@link DecaySource} draws the position (and gives the voxel), the {@link EmissionSampler} the emitted
 *       particles; each emission is counted in the tally's EMITTED slot, gets an isotropic direction and is pushed
 *       on the history's {@link ParticleStack} (or deposited on the spot below its cutoff);</li>
 *   <li>particles are popped and transported, last in first out, photons by {@link PhotonTransport}, electrons
 *       and positrons by {@link ElectronTransport}, their secondaries pushed on the same stack, until it is
 *       empty.</li>
 * </ol>
 * Every deposit goes to {@link EnergyTally#deposit(int, float, float, float, float)}, every particle leaving the
 * grid to {@link EnergyTally#escape}, so deposited + escaped = emitted up to the fixed-point rounding of deposits
 * below 7.8 keV.
 *
 * <p>Threads: {@link #run} may be called concurrently on disjoint history ranges with one tally; each call makes
 * its own {@link HistoryState} (stream, stack, scratch) once and allocates nothing per history or particle. A
 * history's result depends only on the seed and its index.
 *
 * <p>Stack: capacity = the most particles a decay can emit + {@code secondaryCapacity} (default
 * {@value #DEFAULT_SECONDARY_CAPACITY}). Why that is generous: particles wait on the stack only while an ancestor
 * is transported, and every waiting particle carries at least the smaller of the two cutoffs and W_cc, W_cr;
 * in practice the depth is the number of secondaries of one track (a 3 MeV electron makes about 15 delta rays
 * above W_cc = 10 keV and 150 above 1 keV, and fewer than one bremsstrahlung photon above 10 keV), see
 * {@link #maxStackDepth()}. Should a push still find the stack full, the particle's energy is deposited where it
 * was created and {@link #stackOverflows()} counts it: energy is never lost, and tests assert the count is zero.
 *
 * <p>Device twin: {@code transport_histories.cl}: the entry kernels {@code transport_histories} ({@link #run}) and
 * {@code transport_primaries} ({@code runPrimaries}), {@code transport_history_run_stack}.
 */
public final class JavaHistoryDriver implements HistoryDriver {
    /** Default room for secondaries on top of a decay's emissions. */
    public static final int DEFAULT_SECONDARY_CAPACITY = 1024;

    private final TransportProblem problem;
    private final EmissionSampler emissions;
    private final DecaySource source;
    private final PhotonTransport photons;
    private final ElectronTransport electrons;
    private final TransportObserver observer;
    private final int stackCapacity;
    private final int voxelCount;

    private final AtomicLong stackOverflows = new AtomicLong();
    private final AtomicLong electronSteps = new AtomicLong();
    private final AtomicLong histories = new AtomicLong();
    private final AtomicInteger maxStackDepth = new AtomicInteger();

    public JavaHistoryDriver(TransportProblem problem) {
        this(problem, null);
    }

    /** @param observer called when particles escape and electron tracks end (validation); null for none */
    public JavaHistoryDriver(TransportProblem problem, TransportObserver observer) {
        this(problem, observer, problem.emissions().maxEmissionsPerDecay() + DEFAULT_SECONDARY_CAPACITY);
    }

    /**
     * @param observer      null for none
     * @param stackCapacity the particle stack's size; the default is the most a decay can emit plus
     *                      {@value #DEFAULT_SECONDARY_CAPACITY}. Tests use a tiny one to exercise the overflow path
     *                      (which then also catches emissions).
     */
    public JavaHistoryDriver(TransportProblem problem, TransportObserver observer, int stackCapacity) {
        if (stackCapacity < 1) {
            throw new IllegalArgumentException("stack capacity must be positive, got " + stackCapacity);
        }
        this.problem = problem;
        this.emissions = new EmissionSampler(problem.emissions());
        this.source = problem.source();
        this.photons = new PhotonTransport(problem);
        this.electrons = new ElectronTransport(problem);
        this.observer = observer;
        this.stackCapacity = stackCapacity;
        this.voxelCount = problem.geometry().voxelCount();
    }

    public TransportProblem problem() {
        return problem;
    }

    @Override
    public void run(long firstHistory, int count, EnergyTally tally) {
        checkTally(tally);
        HistoryState s = newState(tally);
        int[] types = new int[emissions.maxEmissionsPerDecay()];
        float[] energies = new float[emissions.maxEmissionsPerDecay()];
        float[] position = s.position;
        float[] direction = s.direction;
        for (int n = 0; n < count; n++) {
            long history = firstHistory + n;
            s.rng.restart(history, TransportRandom.PURPOSE_TRANSPORT);
            int voxel = source.sample(s.rng, position);
            checkVoxel(voxel, history);
            float px = position[0];
            float py = position[1];
            float pz = position[2];
            int emitted = emissions.sampleDecay(s.rng, types, energies);
            for (int k = 0; k < emitted; k++) {
                float e = energies[k];
                tally.emit(e);
                IsotropicDirection.sample(s.rng, direction);
                s.secondary(types[k], e, px, py, pz, direction[0], direction[1], direction[2], voxel);
            }
            transportStack(s);
        }
        fold(s, count);
    }

    /**
     * Runs histories {@code firstHistory .. firstHistory + count - 1}, each starting with the one particle
     * {@code primary} instead of a decay (validation: pencil beams, monoenergetic point sources). Same streams,
     * stack and tally rules as {@link #run}; the EMITTED slot gets the primary's kinetic energy (plus 2 m c^2 for
     * a positron, whose annihilation photons the transport creates). Thread-safe like {@link #run}.
     */
    public void runPrimaries(Primary primary, long firstHistory, int count, EnergyTally tally) {
        checkTally(tally);
        checkVoxel(primary.voxel(), firstHistory);
        HistoryState s = newState(tally);
        float[] direction = s.direction;
        float emitted = primary.type() == ParticleType.POSITRON
                ? primary.energyMeV() + PhysicalConstants.TWO_ELECTRON_REST_ENERGIES_MEV_F : primary.energyMeV();
        for (int n = 0; n < count; n++) {
            s.rng.restart(firstHistory + n, TransportRandom.PURPOSE_TRANSPORT);
            if (primary.isotropic()) {
                IsotropicDirection.sample(s.rng, direction);
            } else {
                direction[0] = primary.u();
                direction[1] = primary.v();
                direction[2] = primary.w();
            }
            tally.emit(emitted);
            s.secondary(primary.type(), primary.energyMeV(), primary.x(), primary.y(), primary.z(), direction[0],
                    direction[1], direction[2], primary.voxel());
            transportStack(s);
        }
        fold(s, count);
    }

    private void transportStack(HistoryState s) {
        ParticleStack stack = s.stack;
        while (!stack.isEmpty()) {
            s.load(stack.pop());
            if (s.type == ParticleType.PHOTON) {
                photons.transport(s);
            } else {
                electrons.transport(s);
            }
        }
    }

    private HistoryState newState(EnergyTally tally) {
        return new HistoryState(problem.seed(), stackCapacity, tally, observer,
                problem.parameters().electronCutoffMeV(), problem.parameters().photonCutoffMeV());
    }

    private void fold(HistoryState s, int count) {
        stackOverflows.addAndGet(s.stackOverflows);
        electronSteps.addAndGet(s.electronSteps);
        histories.addAndGet(count);
        maxStackDepth.accumulateAndGet(s.stack.highWater, Math::max);
    }

    private void checkTally(EnergyTally tally) {
        if (tally instanceof VoxelEnergyTally t) {
            VoxelGeometry g = problem.geometry();
            if (t.nx() != g.nx() || t.ny() != g.ny() || t.nz() != g.nz()) {
                throw new IllegalArgumentException("voxel tally " + t.nx() + " x " + t.ny() + " x " + t.nz()
                        + " does not match the grid " + g.nx() + " x " + g.ny() + " x " + g.nz());
            }
        }
    }

    private void checkVoxel(int voxel, long history) {
        if (voxel < 0 || voxel >= voxelCount) {
            throw new IllegalStateException("history " + history + " starts in voxel " + voxel
                    + ", outside the grid of " + voxelCount + " voxels");
        }
    }

    /** Pushes that found the stack full, summed over all run calls so far (energy deposited on the spot). */
    public long stackOverflows() {
        return stackOverflows.get();
    }

    /** The deepest the particle stack of any history has been, over all run calls so far. */
    public int maxStackDepth() {
        return maxStackDepth.get();
    }

    /** The particle stack's capacity. */
    public int stackCapacity() {
        return stackCapacity;
    }

    /** Condensed-history steps of all electrons and positrons, over all run calls so far. */
    public long electronSteps() {
        return electronSteps.get();
    }

    /** Histories run so far (decays and primaries). */
    public long histories() {
        return histories.get();
    }
}
