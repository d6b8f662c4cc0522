package doseengine.validation.cli;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.cli.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command that transports takes the transport options from the one engine mixin: the same names, labels,
 * defaults and help everywhere; {@code --method} only on the dose commands.
 */
class SharedTransportOptionsTest {
    private static final List<String> SHARED = List.of("--backend", "--device", "--threads", "--seed",
            "--electron-cutoff-kev", "--photon-cutoff-kev");

    @Test
    void everyTransportingCommandHasTheSameTransportOptions() {
        Map<String, CommandLine> transporting = new TreeMap<>();
        collect(Main.commandLine(), "", transporting);
        assertEquals(List.of("bench", "compare", "demo", "run", "study", "validate all", "validate dpk",
                "validate sphere", "validate vsv"), new ArrayList<>(transporting.keySet()));
        CommandLine reference = transporting.get("run");
        for (var e : transporting.entrySet()) {
            for (String name : SHARED) {
                OptionSpec want = reference.getCommandSpec().findOption(name);
                OptionSpec got = e.getValue().getCommandSpec().findOption(name);
                assertNotNull(got, e.getKey() + " lacks " + name);
                assertEquals(want.paramLabel(), got.paramLabel(), e.getKey() + " " + name);
                assertEquals(want.defaultValue(), got.defaultValue(), e.getKey() + " " + name);
                assertEquals(Arrays.asList(want.description()), Arrays.asList(got.description()),
                        e.getKey() + " " + name);
            }
            boolean validate = e.getKey().startsWith("validate");
            assertEquals(!validate, e.getValue().getCommandSpec().findOption("--method") != null, e.getKey());
            assertNotNull(e.getValue().getCommandSpec().findOption("--decays"), e.getKey());
        }
    }

    private static void collect(CommandLine cl, String path, Map<String, CommandLine> into) {
        if (cl.getCommandSpec().findOption("--backend") != null) {
            into.put(path, cl);
        }
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                collect(e.getValue(), (path.isEmpty() ? "" : path + " ") + e.getKey(), into);
            }
        }
    }
}
