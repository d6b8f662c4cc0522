package doseengine.transport;

/**
 * Where a transport run stands, as its progress listener sees it.
 *
 * @param decaysDone        decays finished so far (also inside the current batch)
 * @param decaysPlanned     decays of a fixed-count run; for a target run, the current projection of the decays
 *                          needed (capped at the maximum), or the maximum before the projection exists
 * @param elapsedSeconds    wall time since the transport started
 * @param reading           the watched region's relative uncertainty and the batches behind it
 *                          ({@link UncertaintyWatch.Reading#NONE} before there is one to show)
 * @param targetUncertainty the target of a target run, NaN otherwise
 * @param finished          true for the last report of the run
 */
public record RunProgress(long decaysDone, long decaysPlanned, double elapsedSeconds, UncertaintyWatch.Reading reading,
                          double targetUncertainty, boolean finished) {

    public RunProgress {
        if (reading == null) {
            reading = UncertaintyWatch.Reading.NONE;
        }
    }

    /** The watched region, null when nothing is shown yet. */
    public String region() { return reading.region(); }

    /** The watched region's relative uncertainty; NaN when nothing is shown yet. */
    public double relativeUncertainty() { return reading.relativeUncertainty(); }

    /** Decays per second so far; 0 before any decay. */
    public double decaysPerSecond() {
        return elapsedSeconds > 0 ? decaysDone / elapsedSeconds : 0;
    }

    /** Estimated seconds until the planned decays are done at the rate so far; NaN when unknown. */
    public double secondsLeft() {
        double rate = decaysPerSecond();
        if (finished) {
            return 0;
        }
        if (!(rate > 0) || decaysPlanned <= 0) {
            return Double.NaN;
        }
        return Math.max(0, decaysPlanned - decaysDone) / rate;
    }
}
