package doseengine.tally;

import doseengine.geometry.BadInputException;

/**
 * The stop rule of {@code run --target-uncertainty U --target-label NAME}: stop when the relative standard
 * error of the named label's mean dose is at most U. Asked after each batch; it never says yes before
 * {@link BatchMoments#MIN_BATCHES_FOR_STOPPING} batches (the error estimate itself is too uncertain earlier) or
 * while the label has received no energy.
 */
public final class UncertaintyTarget {
    private final String label;
    private final double target;
    private final VoxelBatchTally tally;
    private final int compact;

    /**
     * @throws BadInputException when the tally has no such label or the target is not in (0, 1)
     */
    public UncertaintyTarget(VoxelBatchTally tally, String label, double targetRelativeUncertainty) {
        if (!(targetRelativeUncertainty > 0 && targetRelativeUncertainty < 1)) {
            throw new BadInputException("target relative uncertainty must be in (0, 1), e.g. 0.02 for 2 %, got "
                    + targetRelativeUncertainty);
        }
        this.compact = tally.labelIndex(label);
        this.tally = tally;
        this.label = label;
        this.target = targetRelativeUncertainty;
    }

    public String label() { return label; }

    public double target() { return target; }

    /** The label's current relative standard error; 1 before two batches. */
    public double current() {
        return tally.batches() < 2 ? 1 : tally.labelMoments().relativeStandardError(compact);
    }

    /** True when the run may stop: enough batches, some energy in the label, and the target reached. */
    public boolean isReached() {
        return tally.batches() >= BatchMoments.MIN_BATCHES_FOR_STOPPING
                && tally.labelMoments().sum(compact) > 0
                && current() <= target;
    }
}
