package doseengine.transport;

import doseengine.tally.VoxelBatchTally;

/**
 * Checkpoint and resume of a decay-count run (or part): the state it resumes from, and when and where it saves its
 * state between batches. A state is a {@link PartRun} of the batches folded so far: exact integer sums, so that the
 * rest of the batches added to it give the uninterrupted run's statistics bit for bit.
 *
 * @param resumed        the exact tally of the batches done before (the first ones of the run or part, in order),
 *                       or null to start afresh
 * @param resumedSeconds transport seconds those batches took, for the report
 * @param schedule       when to save
 * @param sink           what saves a state (null: nothing is saved)
 */
public record Checkpointing(VoxelBatchTally resumed, double resumedSeconds, CheckpointSchedule schedule, Sink sink) {
    public static final Checkpointing NONE = new Checkpointing(null, 0, CheckpointSchedule.OFF, null);

    /** Saves the state of a run after its first batches; called only between batches. */
    @FunctionalInterface
    public interface Sink {
        void save(PartRun state);
    }

    public Checkpointing {
        if (resumed != null && !resumed.isExact()) {
            throw new IllegalArgumentException("only exact statistics can be resumed");
        }
    }

    boolean saves() {
        return sink != null && !schedule.isOff();
    }
}
