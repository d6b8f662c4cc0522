package doseengine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.cli.Main;
import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to {@code compare}: one line, exit 2, before any file is read or folder made. */
class CompareCommandInputTest {
    @TempDir
    Path dir;

    private record Outcome(int exit, String err) {
    }

    private Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Outcome(cl.execute(args), err.toString());
    }

    private String[] args(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("compare", "--ct", dir.resolve("ct.nii").toString(),
                "--activity", dir.resolve("a.nii").toString(), "--nuclide", "Lu-177", "--out",
                dir.resolve("out").toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void anUnknownMethodIsOneLineAndExitTwo() {
        Outcome o = run(args("--methods", "mc,vsv,monte"));
        assertEquals(2, o.exit());
        assertEquals("error: unknown method 'monte' in --methods: use mc, led, dpk, vsv, vsv-density, sphere",
                o.err().strip());
        assertTrue(!Files.exists(dir.resolve("out")), "no output folder for refused input");
    }

    @Test
    void gammaCriteriaThatDoNotParseAreOneLineAndExitTwo() {
        Outcome o = run(args("--gamma", "3 percent"));
        assertEquals(2, o.exit());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().startsWith("error: gamma criteria '3 percent'"), o.err());
    }

    @Test
    void aMethodOptionOfRunIsRefused() {
        Outcome o = run(args("--method", "led"));
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("--methods"), o.err());
    }

    @Test
    void aGridTooLargeForTheHeapIsRefusedWithTheMemoryItNeeds() {
        VoxelGrid g = new VoxelGrid(512, 512, 600, 1, 1, 1, new double[3]);
        BadInputException e = assertThrows(BadInputException.class,
                () -> MemoryEstimate.require(g, List.of(Method.values()), 8L << 30));
        assertTrue(e.getMessage().startsWith("a 512 x 512 x 600 grid needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
        // The demo-sized grid fits a default heap with room to spare.
        MemoryEstimate.require(new VoxelGrid(100, 70, 90, 4, 4, 4, new double[3]), List.of(Method.values()), 1L << 30);
    }

    @Test
    void methodsParseInEnumOrderWithMonteCarloAlwaysIn() {
        assertEquals(List.of(Method.MC, Method.LED, Method.VSV), Method.parseList("vsv, led"));
    }
}
