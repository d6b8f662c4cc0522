package doseengine.cli.slurm;

import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user asks Slurm for, each part as given (null: the cluster's default). Checked here, in one line, so
 * that a typo is caught before submission rather than by sbatch on the cluster.
 *
 * @param partition    {@code --partition} (a name or a comma-separated list)
 * @param time         {@code --time} in one of Slurm's forms: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS
 * @param cpusPerTask  {@code --cpus-per-task}
 * @param mem          {@code --mem}: a number with an optional unit K, M, G or T (Slurm's default unit is M)
 * @param account      {@code --account}
 */
public record SlurmResources(String partition, String time, Integer cpusPerTask, String mem, String account) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+,-]+");
    private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d+){0,2}|UNLIMITED|INFINITE");
    private static final Pattern MEM = Pattern.compile("(\\d+)([KMGT]?)", Pattern.CASE_INSENSITIVE);

    public SlurmResources {
        check("--partition", partition, NAME, "a partition name");
        check("--account", account, NAME, "an account name");
        check("--time", time, TIME, "a time limit such as 12:00:00 or 1-00:00:00");
        check("--mem", mem, MEM, "a memory size such as 16G or 16000 (MB)");
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw new BadInputException("--cpus-per-task must be at least 1, not " + cpusPerTask);
        }
    }

    /**
     * The {@code #SBATCH} lines of these resources. {@code withCpus}: the merge job reads and sums the parts on
     * one thread, so it asks for the partition, account, time and memory only.
     */
    List<String> directives(boolean withCpus) {
        List<String> lines = new ArrayList<>();
        if (partition != null) {
            lines.add(SbatchDirective.line("partition", partition));
        }
        if (account != null) {
            lines.add(SbatchDirective.line("account", account));
        }
        if (time != null) {
            lines.add(SbatchDirective.line("time", time));
        }
        if (withCpus && cpusPerTask != null) {
            lines.add(SbatchDirective.line("cpus-per-task", Integer.toString(cpusPerTask)));
        }
        if (mem != null) {
            lines.add(SbatchDirective.line("mem", mem));
        }
        return lines;
    }

    /** {@code --mem} in MiB, or -1 when not given; Slurm reads a number without unit as MB (MiB). */
    public long memMiB() {
        if (mem == null) {
            return -1;
        }
        Matcher m = MEM.matcher(mem);
        if (!m.matches()) {
            throw new IllegalStateException(mem);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> Math.max(1, n / 1024);
            case "G" -> n * 1024;
            case "T" -> n * 1024 * 1024;
            default -> n;
        };
    }

    private static void check(String option, String value, Pattern pattern, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new BadInputException(option + " '" + value + "' is not " + what);
        }
    }
}
