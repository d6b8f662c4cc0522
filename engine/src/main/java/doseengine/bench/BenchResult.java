package doseengine.bench;

import java.util.List;

/**
 * What one benchmark problem measured.
 *
 * @param name                  problem name
 * @param nuclide               decaying nuclide
 * @param description           geometry, materials, source (and target region)
 * @param voxelMm               cubic voxel size, mm
 * @param dims                  grid size {nx, ny, nz}
 * @param materials             the problem's material names
 * @param decays                decays transported in the timed run
 * @param batches               batches of the timed run
 * @param threads               worker threads
 * @param seconds               wall time of the timed transport (batches and their folding into the statistics),
 *                              without building tables or problem and without the warm-up
 * @param tableBuildSeconds     physics tables, source alias table and history driver set-up (Woodcock majorant included)
 * @param problemBuildSeconds   phantom rendering and material assignment
 * @param warmupDecays          decays run untimed before the timed run, on the same history driver (JIT compilation)
 * @param electronStepsPerDecay condensed-history electron steps per decay in the timed run; NaN when the driver
 *                              does not count them
 * @param cpuSeconds            CPU time of the whole process during the timed run (all threads, GC included); NaN
 *                              where the system does not say
 * @param target                the time-to-target outcome; null for a fixed-decays problem
 */
public record BenchResult(String name, String nuclide, String description, double voxelMm, int[] dims,
                          List<String> materials, long decays, int batches, int threads, double seconds,
                          double tableBuildSeconds, double problemBuildSeconds, long warmupDecays,
                          double electronStepsPerDecay, double cpuSeconds, TargetOutcome target) {

    public BenchResult {
        dims = dims.clone();
        materials = List.copyOf(materials);
    }

    public double decaysPerSecond() {
        return seconds > 0 ? decays / seconds : 0;
    }

    /** Electron steps per second of wall time; NaN when steps are not counted. */
    public double electronStepsPerSecond() {
        return electronStepsPerDecay * decaysPerSecond();
    }

    /**
     * Decays per CPU-second of the process: the speed per core actually used, the figure that stays comparable
     * on a machine shared with other work (where decays per wall second drop with the cores the run did not get).
     * NaN when the CPU time is unknown or too short to measure (it counts in 10 ms ticks).
     */
    public double decaysPerCpuSecond() {
        return cpuSeconds > 0 ? decays / cpuSeconds : Double.NaN;
    }

    /**
     * How many cores the run actually had: process CPU time over wall time. Below the thread count when other
     * work shared the machine (or threads waited for each other at batch ends).
     */
    public double coresUsed() {
        return seconds > 0 ? cpuSeconds / seconds : Double.NaN;
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /**
     * The outcome of a time-to-target run.
     *
     * @param region                    the watched region
     * @param targetRelativeUncertainty the target, a fraction
     * @param reached                   whether the run reached it before its maximum
     * @param relativeUncertainty       the region's relative standard error at the end
     * @param maxDecays                 the run's maximum (--target-max-decays)
     * @param batchDecays               decays of the run's last batch: the resolution of decays and seconds to
     *                                  target (batches grow by 5 % after ten pilot batches)
     * @param minDecays                 decays of the minimum number of batches, before which no run stops
     */
    public record TargetOutcome(String region, double targetRelativeUncertainty, boolean reached,
                                double relativeUncertainty, long maxDecays, long batchDecays, long minDecays) {

        /**
         * True when the run stopped at the first batch end it was allowed to: the target may have been reached
         * earlier, so seconds and decays to target are upper bounds.
         */
        public boolean stoppedAtMinimum(long decays) {
            return reached && decays <= minDecays;
        }
    }

    public boolean isTarget() {
        return target != null;
    }

    /** Seconds to reach the target (the timed run's seconds), or NaN when not reached or not a target run. */
    public double secondsToTarget() {
        return target != null && target.reached() ? seconds : Double.NaN;
    }

    /** Decays to reach the target, or -1 when not reached or not a target run. */
    public long decaysToTarget() {
        return target != null && target.reached() ? decays : -1;
    }
}
