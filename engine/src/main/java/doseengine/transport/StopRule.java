package doseengine.transport;

import doseengine.geometry.BadInputException;

/**
 * When a transport run ends: after a number of decays, or when the relative standard error of a named label's
 * mean dose reaches a target (or a maximum number of decays is spent first).
 */
public sealed interface StopRule permits StopRule.DecayCount, StopRule.TargetUncertainty {

    /** The most decays this rule allows. */
    long maxDecays();

    /**
     * Run this many decays (rounded up to a whole number of equal batches, see {@link BatchPlan}).
     *
     * @throws BadInputException when {@code decays <= 0}
     */
    record DecayCount(long decays) implements StopRule {
        public DecayCount {
            if (decays <= 0) {
                throw new BadInputException("--decays must be a positive number of decays, got " + decays);
            }
        }

        @Override
        public long maxDecays() { return decays; }
    }

    /**
     * Run batches until the label's relative standard error is at most {@code relativeUncertainty} (checked after
     * every batch from the tenth on), or until {@code maxDecays} decays are done.
     *
     * @throws BadInputException when the target is not in (0, 1), the label is blank, or maxDecays is too small
     *         for the minimum number of batches
     */
    record TargetUncertainty(String label, double relativeUncertainty, long maxDecays) implements StopRule {
        /** Default maximum: 10^8 decays (a target run always does at least 5 % of its maximum, see {@link BatchPlan}). */
        public static final long DEFAULT_MAX_DECAYS = 100_000_000L;

        public TargetUncertainty {
            if (!(relativeUncertainty > 0 && relativeUncertainty < 1)) {
                throw new BadInputException("--target-uncertainty must be a fraction in (0, 1), e.g. 0.02 for 2 %, got "
                        + relativeUncertainty);
            }
            if (label == null || label.isBlank()) {
                throw new BadInputException("--target-uncertainty needs --target-label NAME");
            }
            if (maxDecays < BatchPlan.MIN_BATCHES) {
                throw new BadInputException("--max-decays must be at least " + BatchPlan.MIN_BATCHES
                        + " (one decay per batch), got " + maxDecays);
            }
        }
    }
}
