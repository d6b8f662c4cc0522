package doseengine.transport;

import doseengine.geometry.BadInputException;
import doseengine.tally.TargetStatistic;
import java.util.List;

/**
 * When a transport run ends: after a number of decays, or when the relative uncertainty of every named region
 * (a label, or a union of labels written {@code a+b}) reaches a target, or a maximum number of decays is spent
 * first.
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
     * Run batches until, for every region, the statistic's relative uncertainty is at most
     * {@code relativeUncertainty} (asked from batch {@value BatchPlan#MIN_TARGET_BATCHES} on, see
     * {@link doseengine.tally.UncertaintyTarget} for the rule), or until {@code maxDecays} decays are done.
     *
     * @param regions   label names; {@code a+b} is the union of labels a and b (one mean dose over all their voxels)
     * @param statistic what must reach the target: the regions' mean dose, or their median voxel uncertainty
     * @throws BadInputException when the target is not in (0, 1), no region or a blank one is given, or maxDecays is
     *         below {@value BatchPlan#MIN_TARGET_BATCHES} (one decay per batch)
     */
    record TargetUncertainty(List<String> regions, TargetStatistic statistic, double relativeUncertainty,
                             long maxDecays) implements StopRule {
        /** Default maximum: 10^8 decays. */
        public static final long DEFAULT_MAX_DECAYS = 100_000_000L;

        public TargetUncertainty {
            if (!(relativeUncertainty > 0 && relativeUncertainty < 1)) {
                throw new BadInputException("--target-uncertainty must be a fraction in (0, 1), e.g. 0.02 for 2 %, got "
                        + relativeUncertainty);
            }
            if (regions == null || regions.isEmpty() || regions.stream().anyMatch(r -> r == null || r.isBlank())) {
                throw new BadInputException("--target-uncertainty needs --target-label NAME");
            }
            regions = List.copyOf(regions);
            if (statistic == null) {
                statistic = TargetStatistic.MEAN;
            }
            if (maxDecays < BatchPlan.MIN_TARGET_BATCHES) {
                throw new BadInputException("--max-decays must be at least " + BatchPlan.MIN_TARGET_BATCHES
                        + " (one decay per batch), got " + maxDecays);
            }
        }

        /** One region's mean dose. */
        public TargetUncertainty(String region, double relativeUncertainty, long maxDecays) {
            this(List.of(region), TargetStatistic.MEAN, relativeUncertainty, maxDecays);
        }

        /** The regions as written on the command line, comma-separated. */
        public String regionList() {
            return String.join(",", regions);
        }
    }
}
