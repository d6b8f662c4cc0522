package doseengine.transport;

/**
 * What a transport run did.
 *
 * @param decays         decays run (all batches)
 * @param batches        batches folded
 * @param threads        worker threads used
 * @param seconds        wall time of the transport (batches and their folding)
 * @param stop           why it stopped
 * @param watchedRegion  the region whose uncertainty was watched (target label, or hottest region); null if none
 * @param watchedRelativeUncertainty that region's relative standard error at the end; NaN if none
 */
public record RunOutcome(long decays, int batches, int threads, double seconds, Stop stop, String watchedRegion,
                         double watchedRelativeUncertainty) {

    public enum Stop {
        /** The requested number of decays was run. */
        DECAYS_DONE,
        /** The target uncertainty was reached. */
        TARGET_REACHED,
        /** A target run used up its maximum number of decays without reaching the target. */
        MAX_DECAYS_WITHOUT_TARGET
    }

    public double decaysPerSecond() {
        return seconds > 0 ? decays / seconds : 0;
    }
}
