package doseengine.cli.slurm;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

public class SbatchDirectiveTest {
    /**
     * sbatch's reading of one #SBATCH word, as Slurm 22.05 does it (src/sbatch/opt.c, _get_argument): the word
     * ends at white space outside quotes, tested before a backslash is looked at; quotes group; a backslash
     * escapes the next character; an unescaped # outside quotes ends the line.
     */
    public static String sbatchReads(String line) {
        String rest = line.substring("#SBATCH ".length()) + "\0";
        StringBuilder arg = new StringBuilder();
        boolean escape = false;
        char quote = 0;
        for (int i = 0; (quote != 0 || !Character.isWhitespace(rest.charAt(i))) && rest.charAt(i) != '\0'; i++) {
            char c = rest.charAt(i);
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
                continue;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    continue;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                continue;
            } else if (c == '#') {
                break;
            }
            arg.append(c);
        }
        assertEquals(0, quote, "unmatched quote: sbatch stops with an error");
        return arg.toString();
    }

    @Test
    void sbatchReadsBackTheValue() {
        for (String v : new String[] {"/plain/x.out", "/my data/x.out", "/a'b\"c/#1/x.out", "tab\there", "back\\slash", "a b\\ c"}) {
            assertEquals("--output=" + v, sbatchReads(SbatchDirective.line("output", v)), v);
        }
    }

    @Test
    void logNamesKeepAPercentOfTheFolderLiteral() {
        assertEquals("/jobs/100%/part-%a.out", SbatchDirective.logFile("/jobs/100%", "part-%a.out").replace("%%", "%"));
        assertEquals("/jobs/100%%/part-%a.out", SbatchDirective.logFile("/jobs/100%", "part-%a.out"));
        assertThrows(BadInputException.class, () -> SbatchDirective.logFile("/jobs/a\\b", "x.out"));
    }

    @Test
    void aLineBreakIsRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> SbatchDirective.line("output", "a\nb"));
        assertTrue(e.getMessage().contains("--output"), e.getMessage());
    }
}
