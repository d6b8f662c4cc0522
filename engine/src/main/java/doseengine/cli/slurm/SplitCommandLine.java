package doseengine.cli.slurm;

import doseengine.cli.Main;
import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code run} or {@code demo} command line that a Slurm job splits into parts, checked before anything is
 * written: a mistake found on the cluster costs a queue wait and N failed tasks.
 *
 * @param words the command and its arguments, without {@code --out} (each part gets its own)
 */
public record SplitCommandLine(List<String> words) {
    private static final List<String> SPLITTABLE = List.of("run", "demo");

    public SplitCommandLine {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new BadInputException("give the command to split: run ... or demo ...");
        }
        if (!SPLITTABLE.contains(words.get(0))) {
            throw new BadInputException("only run and demo can be split into parts, not '" + words.get(0) + "'");
        }
        for (String w : words) {
            if (isOption(w, "--part")) {
                throw new BadInputException("leave out --part: each task of the job array sets its own");
            }
            if (isOption(w, "--target-uncertainty")) {
                throw new BadInputException("a --target-uncertainty run cannot be split into parts (its batches "
                        + "grow until the target is met); give --decays instead");
            }
        }
        checkParses(words);
    }

    /** The sub-command: run or demo. */
    public String command() {
        return words.get(0);
    }

    /** Whether the command line sets {@code option} (as {@code --x V} or {@code --x=V}). */
    public boolean has(String option) {
        return words.stream().anyMatch(w -> isOption(w, option));
    }

    private static boolean isOption(String word, String option) {
        return word.equals(option) || word.startsWith(option + "=");
    }

    /**
     * Parses the command line as doseengine would (types, required options, unknown options), without running
     * it; {@code --out} is added because the job gives each part its own.
     */
    private static void checkParses(List<String> words) {
        List<String> withOut = new ArrayList<>(words);
        withOut.add("--out");
        withOut.add("parts");
        try {
            Main.commandLine().parseArgs(withOut.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            String message = String.valueOf(e.getMessage()).strip();
            int nl = message.indexOf('\n');
            throw new BadInputException("the " + words.get(0) + " command line does not parse: "
                    + (nl < 0 ? message : message.substring(0, nl)));
        }
    }
}
