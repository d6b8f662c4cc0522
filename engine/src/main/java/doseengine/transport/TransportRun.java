package doseengine.transport;

import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.PipelinedHistoryDriver;
import doseengine.kernels.transport.PipelinedHistoryDriver.PendingBatch;
import doseengine.tally.BatchTally;
import doseengine.tally.UncertaintyTarget;
import doseengine.tally.VoxelBatchTally;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a {@link HistoryDriver} through the batches of a {@link BatchPlan} on a pool of threads, folds every
 * batch into the {@link BatchTally} (voxels for dose maps, shells for dose point kernels), applies the
 * {@link StopRule} and reports progress.
 *
 * <p>Within a batch the threads take chunks of consecutive histories from a shared cursor until the batch is
 * done. Which thread runs which chunk varies from run to run, but it does not matter: a history's random numbers
 * depend only on the seed and its index (RNG.md), and the fixed-point tally sums exactly in any order (tally.md).
 * One seed therefore gives a bit-identical dose map for every thread count.
 *
 * <p>The calling thread only coordinates: it waits for the batch, reports progress every
 * {@value #POLL_MILLIS} ms, folds the batch ({@link BatchTally#endBatch}) and decides whether to go on.
 *
 * <p>A device driver ({@link PipelinedHistoryDriver}) runs while the host folds: batch k + 1 is started before batch k is
 * folded, so the device transports k + 1 while the host turns k into batch statistics. With two device tallies
 * ({@link PipelinedHistoryDriver#batchesInFlight()} 2) k + 1 is started even before k's tally is read back, so the device
 * does not wait for the read-back either; with one, k + 1 starts right after it. Every batch is still folded alone
 * and in order, from the same histories, so the statistics are bit-identical to running the batches one after the
 * other. The batch started ahead is the only one the run may not need (a target reached at batch k): it is then
 * waited for and dropped, never folded; a run stopped by its decay count starts no batch beyond its last.
 */
public final class TransportRun {
    /** How often the driving thread wakes up during a batch to report progress. */
    static final long POLL_MILLIS = 250;
    /**
     * Largest chunk of histories one thread takes at a time: small enough to balance the threads' load and to
     * report progress smoothly, large enough that taking a chunk costs nothing next to running it.
     */
    static final int MAX_CHUNK = 4096;
    /** Chunks per thread and batch, at least, so that threads that finish early find work left. */
    static final int CHUNKS_PER_THREAD = 8;

    private final HistoryDriver driver;
    private final BatchTally tally;
    private final int threads;

    /**
     * @param driver  transports histories into {@code tally.tally()}
     * @param tally   the run's tally, fresh (no batch folded yet)
     * @param threads worker threads, >= 1; at most {@link HistoryDriver#maxConcurrentCalls()} of them call the
     *                driver (one for a device driver)
     */
    public TransportRun(HistoryDriver driver, BatchTally tally, int threads) {
        this(driver, tally, threads, false);
    }

    private TransportRun(HistoryDriver driver, BatchTally tally, int threads, boolean resuming) {
        if (threads < 1) {
            throw new IllegalArgumentException("a run needs at least one thread, got " + threads);
        }
        if (!resuming && tally.batches() != 0) {
            throw new IllegalArgumentException("the tally already holds " + tally.batches() + " batches");
        }
        this.driver = driver;
        this.tally = tally;
        this.threads = Math.max(1, Math.min(threads, driver.maxConcurrentCalls()));
    }

    /**
     * A run that goes on from a checkpoint: {@code tally} holds the first batches of the run (or of the part given to
     * {@link #execute}), folded exactly, and only the batches after them run.
     */
    public static TransportRun resuming(HistoryDriver driver, BatchTally tally, int threads) {
        return new TransportRun(driver, tally, threads, true);
    }

    /**
     * Called on the coordinating thread after each folded batch except the last of the run or part, when no
     * transport thread writes to the tally and the next batch has not been folded: where a checkpoint is saved.
     */
    @FunctionalInterface
    public interface BetweenBatches {
        /**
         * @param batchesDone the batches folded so far are those before this index of the whole run's plan
         * @param seconds     transport seconds of this execution so far
         */
        void after(int batchesDone, double seconds);

        BetweenBatches NONE = (b, s) -> {};
    }

    /**
     * Runs until the stop rule is met. For a {@link StopRule.TargetUncertainty} the tally must be a
     * {@link VoxelBatchTally} and every region's labels must exist in it (a BadInputException naming the known
     * labels otherwise), and the progress shows the region furthest from its target; otherwise {@code watch}
     * chooses what the progress shows (may be null).
     *
     * @throws IllegalArgumentException for a target-uncertainty rule on a tally without labels (shells)
     * @throws RuntimeException whatever the driver threw, unwrapped, after the other threads were stopped
     */
    public RunOutcome execute(StopRule rule, UncertaintyWatch watch, ProgressListener listener) {
        return execute(rule, watch, listener, null);
    }

    /**
     * Runs only the batches of {@code part} of a decay-count run (all of them when null), with their places in the
     * whole run's plan: the same history indices, hence the same random numbers.
     *
     * @throws IllegalArgumentException for a part of a target-uncertainty run (its batches depend on the run so far)
     */
    public RunOutcome execute(StopRule rule, UncertaintyWatch watch, ProgressListener listener, RunPart part) {
        return execute(rule, watch, listener, part, BetweenBatches.NONE);
    }

    /**
     * {@link #execute(StopRule, UncertaintyWatch, ProgressListener, RunPart)}, calling {@code between} after every
     * batch but the last. A tally given to {@link #resuming} holds the first batches of the run or part already:
     * the run starts after them (decays and batches of the outcome count them too).
     *
     * @throws IllegalArgumentException for a part or a resumed tally of a target-uncertainty run (its batches depend
     *                                  on the run so far), or a resumed tally with more batches than the run or part
     */
    public RunOutcome execute(StopRule rule, UncertaintyWatch watch, ProgressListener listener, RunPart part,
                              BetweenBatches between) {
        BatchPlan plan = BatchPlan.of(rule, tally.bins());
        if (part != null && !(rule instanceof StopRule.DecayCount)) {
            throw new IllegalArgumentException("only a decay-count run can be split into parts");
        }
        int firstBatch = part == null ? 0 : part.firstBatch(plan.maxBatches());
        int endBatch = part == null ? plan.maxBatches() : part.endBatch(plan.maxBatches());
        int held = tally.batches();
        if (held > 0 && (!(rule instanceof StopRule.DecayCount) || held > endBatch - firstBatch)) {
            throw new IllegalArgumentException("cannot resume with " + held + " batches of a run of "
                    + (endBatch - firstBatch) + (rule instanceof StopRule.DecayCount ? "" : " (not a decay-count run)"));
        }
        int startBatch = firstBatch + held;
        List<UncertaintyTarget> targets = new ArrayList<>();
        if (rule instanceof StopRule.TargetUncertainty t) {
            if (!(tally instanceof VoxelBatchTally voxels)) {
                throw new IllegalArgumentException("a target-uncertainty run watches a label of a voxel tally, not a "
                        + tally.getClass().getSimpleName());
            }
            for (String region : t.regions()) {
                targets.add(new UncertaintyTarget(voxels, region, t.statistic(), t.relativeUncertainty()));
            }
            watch = UncertaintyWatch.furthestFromTarget(targets);
        }
        double targetValue = targets.isEmpty() ? Double.NaN : targets.get(0).target();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        // A resumed run reads its watched region from the batches it holds, as the uninterrupted run did after them.
        UncertaintyWatch.Reading reading = held > 0 && watch != null ? watch.read() : UncertaintyWatch.Reading.NONE;
        long planned = plan.decaysBefore(endBatch) - plan.decaysBefore(startBatch);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        DeviceBatches ahead = driver instanceof PipelinedHistoryDriver device ? new DeviceBatches(device, plan, startBatch, endBatch) : null;
        RunOutcome.Stop stop = RunOutcome.Stop.DECAYS_DONE;
        int batch = startBatch;
        Throwable failure = null;
        try {
            while (batch < endBatch) {
                UncertaintyWatch.Reading shown = reading;
                long plannedNow = planned;
                Runnable report = () -> listener.onProgress(new RunProgress(done.get(), plannedNow, seconds(start),
                        shown, targetValue, false));
                if (driver instanceof PipelinedHistoryDriver device) {
                    collectPipelined(device, plan, batch, ahead, pool, done, report);
                } else {
                    runBatch(plan, batch, pool, done, report);
                }
                tally.endBatch(plan.decaysPerBatch(batch));
                batch++;
                for (UncertaintyTarget t : targets) {
                    t.afterBatch();
                }
                if (watch != null) {
                    reading = watch.read();
                }
                if (!targets.isEmpty()) {
                    planned = projectedDecays(plan, batch, targets);
                    if (batch >= plan.minBatches() && targets.stream().allMatch(UncertaintyTarget::isReached)) {
                        stop = RunOutcome.Stop.TARGET_REACHED;
                        break;
                    }
                }
                listener.onProgress(new RunProgress(done.get(), planned, seconds(start), reading, targetValue, false));
                if (batch < endBatch) {
                    between.after(batch, seconds(start));
                }
            }
            if (!targets.isEmpty() && stop != RunOutcome.Stop.TARGET_REACHED) {
                stop = RunOutcome.Stop.MAX_DECAYS_WITHOUT_TARGET;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            try {
                if (ahead != null) {
                    ahead.discardAll();
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = seconds(start);
        listener.onProgress(new RunProgress(done.get(), done.get(), seconds, reading, targetValue, true));
        List<RunOutcome.TargetReading> readings = new ArrayList<>();
        for (UncertaintyTarget t : targets) {
            readings.add(new RunOutcome.TargetReading(t.region(), t.current(), t.judged(), t.isReached()));
        }
        return new RunOutcome(tally.decays(), tally.batches(), threads, seconds, stop, reading.region(),
                reading.relativeUncertainty(), readings);
    }

    /**
     * Brings batch {@code batch}'s energy into the host tally on a device driver, leaving the next batch running:
     * with two device tallies the next batch is started before this one is read back, with one right after. The
     * wait runs on the pool's thread so that this thread reports progress meanwhile.
     */
    private void collectPipelined(PipelinedHistoryDriver device, BatchPlan plan, int batch, DeviceBatches ahead,
                                  ExecutorService pool, AtomicLong done, Runnable report) {
        boolean twoTallies = device.batchesInFlight() >= 2;
        ahead.startThrough(batch + (twoTallies ? 1 : 0));
        PendingBatch current = ahead.next(batch);
        awaitReporting(pool.submit(() -> current.addTo(tally.tally())), report);
        done.addAndGet(plan.decaysPerBatch(batch));
        if (!twoTallies) {
            ahead.startThrough(batch + 1);
        }
    }

    /** The batches started on a device driver and not yet collected, oldest first. */
    private final class DeviceBatches {
        private final PipelinedHistoryDriver device;
        private final BatchPlan plan;
        private final Deque<PendingBatch> pending = new ArrayDeque<>();
        private final int endBatch;
        private int nextToStart;

        DeviceBatches(PipelinedHistoryDriver device, BatchPlan plan, int firstBatch, int endBatch) {
            this.device = device;
            this.plan = plan;
            this.nextToStart = firstBatch;
            this.endBatch = endBatch;
        }

        /** Starts every batch up to {@code last} (within the plan) that is not started yet. */
        void startThrough(int last) {
            while (nextToStart <= last && nextToStart < endBatch) {
                pending.add(device.start(plan.firstHistory(nextToStart),
                        Math.toIntExact(plan.decaysPerBatch(nextToStart)), tally.tally()));
                nextToStart++;
            }
        }

        /** The oldest started batch, which must be {@code batch}. */
        PendingBatch next(int batch) {
            if (pending.isEmpty() || nextToStart - pending.size() != batch) {
                throw new IllegalStateException("batch " + batch + " is not the oldest started batch");
            }
            return pending.poll();
        }

        /** Waits for the batches started ahead and drops them (the run stopped, or failed, before their turn). */
        void discardAll() {
            RuntimeException first = null;
            while (!pending.isEmpty()) {
                try {
                    pending.poll().discard();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private void runBatch(BatchPlan plan, int batch, ExecutorService pool, AtomicLong done, Runnable report) {
        long first = plan.firstHistory(batch);
        long end = first + plan.decaysPerBatch(batch);
        int chunk = chunkSize(plan.decaysPerBatch(batch), threads, driver.preferredHistoriesPerCall());
        AtomicLong cursor = new AtomicLong(first);
        List<Future<?>> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long from = cursor.getAndAdd(chunk);
                    if (from >= end) {
                        return;
                    }
                    int count = (int) Math.min(chunk, end - from);
                    driver.run(from, count, tally.tally());
                    done.addAndGet(count);
                }
            }));
        }
        for (Future<?> w : workers) {
            awaitReporting(w, report);
        }
    }

    /** Waits for one worker, reporting progress every POLL_MILLIS; rethrows what the worker threw. */
    private static void awaitReporting(Future<?> worker, Runnable report) {
        while (true) {
            try {
                worker.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                report.run();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("transport thread failed", cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("transport run interrupted", e);
            }
        }
    }

    /** Histories per chunk: at most MAX_CHUNK, and at least CHUNKS_PER_THREAD chunks per thread when possible. */
    static int chunkSize(long batchDecays, int threads) {
        long perChunk = batchDecays / ((long) threads * CHUNKS_PER_THREAD);
        return (int) Math.max(1, Math.min(MAX_CHUNK, perChunk));
    }

    /**
     * Histories per chunk for a driver that wants at least {@code preferred} per call
     * ({@link HistoryDriver#preferredHistoriesPerCall()}): a device driver gets the whole batch (up to
     * {@link Integer#MAX_VALUE} histories) in one call, the Java driver the small chunks above.
     */
    static int chunkSize(long batchDecays, int threads, int preferred) {
        long chunk = Math.max(chunkSize(batchDecays, threads), Math.min(preferred, batchDecays));
        return (int) Math.min(Integer.MAX_VALUE, chunk);
    }

    /**
     * Decays a target run will probably need: the judged uncertainty of each region falls as 1/sqrt(N), so
     * {@code N_needed = N (r / target)^2} for the region furthest from its target, rounded up to the plan's batch
     * ends, within the plan's limits; the plan's maximum while the estimate is unknown (fewer than
     * {@value BatchPlan#MIN_BATCHES} batches, or a region without energy, whose uncertainty reads 1).
     */
    static long projectedDecays(BatchPlan plan, int batchesDone, List<UncertaintyTarget> targets) {
        if (batchesDone < BatchPlan.MIN_BATCHES) {
            return plan.maxDecays();
        }
        double worst = 0;
        for (UncertaintyTarget t : targets) {
            double r = t.judged();
            if (!(r < 1)) {
                return plan.maxDecays();
            }
            worst = Math.max(worst, r / t.target());
        }
        double needed = plan.decaysBefore(batchesDone) * worst * worst;
        int batches = Math.max(Math.max(plan.batchesFor(needed), plan.minBatches()), batchesDone);
        return plan.decaysBefore(Math.min(batches, plan.maxBatches()));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "transport-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
