package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static final UncertaintyWatch.Reading LIVER = new UncertaintyWatch.Reading("liver", 0.04, 12, 12, 0);

    @Test
    void printsAtMostEveryTwoSecondsAndAlwaysTheFinalLine() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), 2.0, clock::get);
        printer.onProgress(progress(1000, 1.0, false));   // first: printed
        clock.set(1_000_000_000L);
        printer.onProgress(progress(2000, 2.0, false));   // 1 s later: skipped
        clock.set(2_100_000_000L);
        printer.onProgress(progress(3000, 3.0, false));   // 2.1 s after the first: printed
        clock.set(2_200_000_000L);
        printer.onProgress(progress(3500, 3.5, true));    // final: printed although only 0.1 s later
        String[] lines = text.toString().strip().split("\\R");
        assertEquals(3, lines.length, text.toString());
        assertTrue(lines[0].startsWith("1,000 of 10,000 decays, 1,000 decays/s"), lines[0]);
        assertTrue(lines[0].contains("liver rel. unc. 4.00 % (12 batches)"), lines[0]);
        assertTrue(lines[0].endsWith("about 9.0 s left"), lines[0]);
        assertTrue(lines[2].startsWith("done: 3,500 decays in 3.5 s"), lines[2]);
    }

    /** A device kernel reports its decays per batch: a line with nothing new waits for the 30 s heartbeat. */
    @Test
    void aLineWithNothingNewIsHeldBackUntilTheHeartbeat() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), 2.0, clock::get);
        for (int s = 0; s <= 29; s++) {
            clock.set(s * 1_000_000_000L);
            printer.onProgress(progress(1000, s + 1, false));
        }
        assertEquals(1, text.toString().strip().split("\\R").length, text.toString());
        clock.set(31_000_000_000L);
        printer.onProgress(progress(1000, 32, false));
        assertEquals(2, text.toString().strip().split("\\R").length, "the heartbeat after 30 s");
        clock.set(34_000_000_000L);
        printer.onProgress(progress(2000, 35, false));
        assertEquals(3, text.toString().strip().split("\\R").length, "new decays are shown at once");
    }

    @Test
    void targetRunsShowTheTargetTheRegionsToGoAndAProjection() {
        RunProgress p = new RunProgress(50_000, 200_000, 10,
                new UncertaintyWatch.Reading("kidney_left+kidney_right", 0.04, 25, 21.3, 2), 0.02, false);
        String line = ProgressPrinter.line(p);
        assertTrue(line.contains("of about 200,000 decays"), line);
        assertTrue(line.contains("kidney_left+kidney_right rel. unc. 4.00 % (target 2.00 %, 2 regions to go, "
                + "25 batches)"), line);
        assertTrue(line.contains("about 30 s left"), line);
    }

    @Test
    void nothingIsShownBeforeThereIsAReading() {
        String line = ProgressPrinter.line(new RunProgress(5000, 10_000, 1, UncertaintyWatch.Reading.NONE,
                Double.NaN, false));
        assertFalse(line.contains("rel. unc."), line);
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("42 s", ProgressPrinter.duration(42));
        assertEquals("3 min 20 s", ProgressPrinter.duration(200));
        assertEquals("2 h 05 min", ProgressPrinter.duration(7500));
    }

    private static RunProgress progress(long done, double seconds, boolean finished) {
        return new RunProgress(done, 10_000, seconds, LIVER, Double.NaN, finished);
    }
}
