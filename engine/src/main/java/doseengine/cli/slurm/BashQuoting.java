package doseengine.cli.slurm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes a word for bash so that bash reads back exactly that word, like bash's own {@code printf %q}: the job
 * scripts carry the user's command line (paths with spaces, quotes, dollars) to a compute node, where a word that
 * bash splits or expands would run another command than the one that was checked.
 *
 * <p>Plain words stay as they are (readable scripts); words with shell characters go in single quotes, where bash
 * expands nothing ({@code '} itself is closed, escaped and reopened: {@code '\''}); words with control characters
 * (a newline, a tab) use ANSI-C quoting {@code $'...'} with octal escapes, so that each script line stays one line.
 */
public final class BashQuoting {
    private BashQuoting() {}

    /** One word, quoted for bash. */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (isPlain(word)) {
            return word;
        }
        if (word.chars().noneMatch(BashQuoting::isControl)) {
            return "'" + word.replace("'", "'\\''") + "'";
        }
        StringBuilder b = new StringBuilder("$'");
        word.chars().forEach(c -> {
            if (c == '\'' || c == '\\') {
                b.append('\\').append((char) c);
            } else if (isControl(c)) {
                // Always three octal digits, so that a digit after the escape is never read as part of it.
                b.append(String.format("\\%03o", c));
            } else {
                b.append((char) c);
            }
        });
        return b.append('\'').toString();
    }

    /** Words quoted one by one and joined with spaces: a command line bash splits back into these words. */
    public static String join(List<String> words) {
        return words.stream().map(BashQuoting::quote).collect(Collectors.joining(" "));
    }

    /**
     * Characters bash gives no meaning to anywhere in a word. Left out on purpose, so that a word holding them is
     * quoted: {@code ~} (tilde expansion), braces (brace expansion), {@code *?[]} (globs) and {@code =} (a first
     * word {@code a=b} is an assignment, not a command).
     */
    private static boolean isPlain(String word) {
        return word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "_-./:,+@%".indexOf(c) >= 0);
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }
}
