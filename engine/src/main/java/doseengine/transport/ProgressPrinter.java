package doseengine.transport;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints a run's progress as one line at most every {@link #DEFAULT_INTERVAL_SECONDS} seconds, and always the
 * final line: decays done, rate, the relative uncertainty of the watched region with the batches behind it, and
 * the estimated time left. A line that would say nothing new (a device driver reports its decays only when a batch
 * is done) is held back, but one is printed at least every {@link #HEARTBEAT_SECONDS} seconds so that a long batch
 * still shows the run alive. Meant for standard error, so that standard output keeps only results.
 */
public final class ProgressPrinter implements ProgressListener {
    public static final double DEFAULT_INTERVAL_SECONDS = 2.0;
    public static final double HEARTBEAT_SECONDS = 30.0;

    private final PrintWriter out;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastPrint;
    private boolean printedAny;
    private long lastDecays = -1;
    private UncertaintyWatch.Reading lastReading;

    public ProgressPrinter(PrintWriter out) {
        this(out, DEFAULT_INTERVAL_SECONDS, System::nanoTime);
    }

    /** With a chosen interval and clock (tests). */
    public ProgressPrinter(PrintWriter out, double intervalSeconds, LongSupplier nanoClock) {
        this.out = out;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.nanoClock = nanoClock;
    }

    @Override
    public void onProgress(RunProgress p) {
        long now = nanoClock.getAsLong();
        if (!p.finished() && printedAny && now - lastPrint < intervalNanos) {
            return;
        }
        if (!p.finished() && p.decaysDone() == 0) {
            return;
        }
        boolean news = p.decaysDone() != lastDecays || !p.reading().equals(lastReading);
        if (!p.finished() && printedAny && !news && now - lastPrint < (long) (HEARTBEAT_SECONDS * 1e9)) {
            return;
        }
        lastPrint = now;
        printedAny = true;
        lastDecays = p.decaysDone();
        lastReading = p.reading();
        out.println(line(p));
        out.flush();
    }

    @Override
    public void onWarning(String message) {
        out.println("warning: " + message);
        out.flush();
    }

    /** The text of one progress line. */
    public static String line(RunProgress p) {
        StringBuilder s = new StringBuilder();
        if (p.finished()) {
            s.append(String.format(Locale.ROOT, "done: %,d decays in %s (%s decays/s)", p.decaysDone(),
                    duration(p.elapsedSeconds()), rate(p.decaysPerSecond())));
        } else {
            s.append(String.format(Locale.ROOT, "%,d of %s%,d decays, %s decays/s", p.decaysDone(),
                    Double.isNaN(p.targetUncertainty()) ? "" : "about ", p.decaysPlanned(),
                    rate(p.decaysPerSecond())));
        }
        UncertaintyWatch.Reading r = p.reading();
        if (r.region() != null && !Double.isNaN(r.relativeUncertainty())) {
            s.append(String.format(Locale.ROOT, ", %s rel. unc. %.2f %% (", r.region(), 100 * r.relativeUncertainty()));
            if (!Double.isNaN(p.targetUncertainty())) {
                s.append(String.format(Locale.ROOT, "target %.2f %%, ", 100 * p.targetUncertainty()));
                if (r.pendingTargets() > 0) {
                    s.append(r.pendingTargets()).append(r.pendingTargets() == 1 ? " region" : " regions")
                            .append(" to go, ");
                }
            }
            s.append(r.batches()).append(" batches)");
        }
        if (!p.finished()) {
            double left = p.secondsLeft();
            s.append(Double.isNaN(left) ? ", time left unknown" : ", about " + duration(left) + " left");
        }
        return s.toString();
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, r >= 100 ? "%,.0f" : "%.3g", r);
    }

    /** "42 s", "3 min 20 s", "2 h 05 min". */
    static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
