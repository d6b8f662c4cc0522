package doseengine.transport;

import doseengine.geometry.BadInputException;

/**
 * When a decay-count run saves its state between batches ({@link Checkpointing}): every {@code minutes} of
 * transport, or every {@code batches} batches (for tests, which need a checkpoint within a second).
 *
 * <p>A save is never due sooner than {@value #COST_FACTOR} times the last save took after it, so that saving costs
 * at most about 5 % of the run however large the grid (the exact sums are 32 bytes per voxel, and gzip writes them at
 * tens of MB/s). A run shorter than the interval saves nothing.
 *
 * @param minutes transport minutes between saves; 0 when saving by batches or not at all
 * @param batches batches between saves; 0 when saving by time or not at all
 */
public record CheckpointSchedule(double minutes, int batches) {
    /** The default: every 5 minutes, so a run shorter than that writes no checkpoint. */
    public static final double DEFAULT_MINUTES = 5;
    public static final CheckpointSchedule OFF = new CheckpointSchedule(0, 0);
    static final int COST_FACTOR = 20;

    public CheckpointSchedule {
        if (!(minutes >= 0) || Double.isInfinite(minutes)) {
            throw new BadInputException("--checkpoint-minutes must be a number of minutes >= 0 (0: none), got "
                    + minutes);
        }
        if (batches < 0) {
            throw new BadInputException("--checkpoint-batches must be >= 0, got " + batches);
        }
    }

    public static CheckpointSchedule everyMinutes(double minutes) {
        return new CheckpointSchedule(minutes, 0);
    }

    public static CheckpointSchedule everyBatches(int batches) {
        return new CheckpointSchedule(0, batches);
    }

    public boolean isOff() {
        return minutes == 0 && batches == 0;
    }

    /**
     * Whether a save is due after {@code batchesSince} batches and {@code secondsSince} seconds since the last save
     * (or the start), the last save having taken {@code lastSaveSeconds}.
     */
    boolean due(int batchesSince, double secondsSince, double lastSaveSeconds) {
        if (isOff() || secondsSince < COST_FACTOR * lastSaveSeconds) {
            return false;
        }
        return batches > 0 ? batchesSince >= batches : secondsSince >= 60 * minutes;
    }
}
