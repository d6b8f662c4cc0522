package doseengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process, all threads, from {@code /proc/self/stat} (Linux): the benchmark reports it beside the
 * wall time so a reader sees how many cores a run really had on a shared machine. Elsewhere it is unknown (NaN):
 * the portable alternative ({@code com.sun.management}) is not in every runtime this engine ships with.
 */
final class ProcessCpu {
    private static final Path STAT = Path.of("/proc/self/stat");
    /**
     * Clock ticks per second of the utime and stime fields: USER_HZ, 100 on every Linux architecture in use
     * (proc(5)); the kernel's internal HZ does not change it.
     */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** User plus system CPU seconds of this process so far; NaN when unknown. */
    static double seconds() {
        try {
            return parse(Files.readString(STAT));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Fields 14 and 15 (utime, stime) of a {@code /proc/PID/stat} line. The second field, the command name in
     * parentheses, may itself hold spaces and parentheses, so counting starts after its last ')'.
     */
    static double parse(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3].
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }
}
