package doseengine.transport;

import java.util.List;

/**
 * What a transport run did.
 *
 * @param decays         decays run (all batches)
 * @param batches        batches folded
 * @param threads        worker threads used
 * @param seconds        wall time of the transport (batches and their folding)
 * @param stop           why it stopped
 * @param watchedRegion  the region whose uncertainty was shown (the region furthest from its target, or the
 *                       hottest region); null if none
 * @param watchedRelativeUncertainty that region's relative uncertainty at the end; NaN if none
 * @param targets        each target region's final reading (empty for a decay-count run)
 */
public record RunOutcome(long decays, int batches, int threads, double seconds, Stop stop, String watchedRegion,
                         double watchedRelativeUncertainty, List<TargetReading> targets) {

    public RunOutcome {
        targets = List.copyOf(targets);
    }

    /** A run without targets. */
    public RunOutcome(long decays, int batches, int threads, double seconds, Stop stop, String watchedRegion,
                      double watchedRelativeUncertainty) {
        this(decays, batches, threads, seconds, stop, watchedRegion, watchedRelativeUncertainty, List.of());
    }

    /**
     * One target region at the end of a run.
     *
     * @param region  as written ({@code a+b} for a union)
     * @param estimate the statistic's estimate (relative uncertainty, a fraction)
     * @param judged  what the stop rule compared with the target ({@link doseengine.tally.UncertaintyTarget#judged()})
     * @param reached whether it met the target
     */
    public record TargetReading(String region, double estimate, double judged, boolean reached) {}

    public enum Stop {
        /** The requested number of decays was run. */
        DECAYS_DONE,
        /** The target uncertainty was reached. */
        TARGET_REACHED,
        /** A target run used up its maximum number of decays without reaching the target. */
        MAX_DECAYS_WITHOUT_TARGET,
        /** Nothing was sampled: the method is computed exactly (local energy deposition). */
        EXACT
    }

    public double decaysPerSecond() {
        return seconds > 0 ? decays / seconds : 0;
    }
}
