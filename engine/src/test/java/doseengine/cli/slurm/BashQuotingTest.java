package doseengine.cli.slurm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BashQuotingTest {
    static final List<String> NASTY = List.of("", "plain", "with space", "it's", "\"double\"", "$HOME", "${x:-y}",
            "`id`", "$(id)", "a\nb", "tab\there", "back\\slash", "*", "?", "[ab]", "~", "~/x", "{a,b}", "é ü 中",
            "--x=y", "'", "\\'", "''", "\u0001ctl\u007f", "!bang", "a;b|c&d>e<f", "#hash", "%a-%A", " lead",
            "trail ", "\\", "$'x'", "\r\n", "-n", "-e");

    /** bash reads each quoted word back as exactly that word: printf '%s\0' prints the words, NUL-separated. */
    @Test
    void everyWordRoundTripsThroughBash() throws Exception {
        String script = "printf '%s\\0' " + BashQuoting.join(NASTY) + "\n";
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        p.getInputStream().transferTo(got);
        assertEquals(0, p.waitFor());
        StringBuilder want = new StringBuilder();
        NASTY.forEach(w -> want.append(w).append('\0'));
        assertEquals(want.toString(), got.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainWordsStayReadable() {
        assertEquals("/data/ct.nii.gz", BashQuoting.quote("/data/ct.nii.gz"));
        assertEquals("--decays", BashQuoting.quote("--decays"));
        assertEquals("'/my data/ct'", BashQuoting.quote("/my data/ct"));
        assertEquals("'it'\\''s'", BashQuoting.quote("it's"));
        assertEquals("$'a\\012b'", BashQuoting.quote("a\nb"));
        assertFalse(BashQuoting.quote("a\nb").contains("\n"), "a script line stays one line");
    }
}
