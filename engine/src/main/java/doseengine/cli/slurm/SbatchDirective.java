package doseengine.cli.slurm;

import doseengine.geometry.BadInputException;

/**
 * The {@code #SBATCH} lines of a job script. sbatch reads them itself, not bash, with rules of its own
 * (Slurm's sbatch option parser, {@code _get_argument} in {@code src/sbatch/opt.c}): a word ends at white space
 * outside quotes (a backslash does not protect a space: the test for the word's end comes first), {@code "}
 * and {@code '} quote, a backslash escapes the next character, and an unescaped {@code #} starts a comment
 * (inside quotes too, in older Slurm). So a value is written in double quotes, with {@code "}, {@code '},
 * {@code #} and the backslash escaped; a newline cannot be written in a directive at all and is refused.
 */
final class SbatchDirective {
    private SbatchDirective() {}

    /** {@code #SBATCH --NAME=VALUE}, the value escaped for sbatch's parser. */
    static String line(String name, String value) {
        return "#SBATCH --" + name + "=" + escape(name, value);
    }

    /**
     * A file name pattern of {@code --output}/{@code --error} under {@code folder}: {@code %} introduces
     * Slurm's replacement symbols ({@code %A}, {@code %a}, {@code %j}), so a {@code %} of the folder is written
     * {@code %%}; a backslash anywhere switches the replacements off for the whole name and is refused.
     */
    static String logFile(String folder, String nameWithSymbols) {
        if (folder.indexOf('\\') >= 0) {
            throw new BadInputException(folder + ": a backslash in the folder name would switch off Slurm's %A/%a "
                    + "file name symbols of the job logs; choose another folder");
        }
        return folder.replace("%", "%%") + "/" + nameWithSymbols;
    }

    private static String escape(String name, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new BadInputException("--" + name + " '" + value.strip() + "' holds a line break, which an "
                    + "#SBATCH line cannot carry");
        }
        if (value.matches("[A-Za-z0-9_.,:%+=/@-]+")) {
            return value; // nothing sbatch would read otherwise: kept plain, for readable scripts
        }
        StringBuilder b = new StringBuilder("\"");
        value.chars().forEach(c -> {
            if (c == '"' || c == '\'' || c == '\\' || c == '#') {
                b.append('\\');
            }
            b.append((char) c);
        });
        return b.append('"').toString();
    }
}
