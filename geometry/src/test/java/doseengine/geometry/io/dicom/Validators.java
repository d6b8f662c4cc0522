package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** dcmtk's dcmdump and dicom3tools' dciodvfy on written files: they must parse and validate them. */
final class Validators {
    private Validators() {}

    /**
     * dcmdump parses the file (exit 0) and says nothing of an error ({@code ignoring} lines that show the value
     * of an attribute, such as Dose Type ERROR, are not messages).
     */
    static void dcmdump(Path file, String ignoring) {
        String tool = ExternalTools.tool("dcmdump", "dcmtk");
        ExternalTools.Result r = ExternalTools.run(List.of(tool, file.toString()));
        assertEquals(0, r.exitCode(), "dcmdump " + file + ": " + r.stderr());
        for (String line : (r.stdout() + "\n" + r.stderr()).split("\n")) {
            if (ignoring != null && line.contains(ignoring)) {
                continue;
            }
            assertTrue(!line.toLowerCase(Locale.ROOT).contains("error"), "dcmdump " + file + ": " + line);
        }
    }

    /** dciodvfy reports no Error line; returns its warnings (printed, for the record). */
    static List<String> dciodvfy(Path file) {
        String tool = ExternalTools.tool("dciodvfy", "dicom3tools");
        ExternalTools.Result r = ExternalTools.run(List.of(tool, file.toString()));
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : (r.stdout() + "\n" + r.stderr()).split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            } else if (line.startsWith("Warning")) {
                warnings.add(line);
            }
        }
        System.out.println("dciodvfy " + file.getFileName() + ": " + warnings.size() + " warning(s)");
        warnings.forEach(w -> System.out.println("  " + w));
        errors.forEach(e -> System.out.println("  " + e));
        assertTrue(errors.isEmpty(), "dciodvfy " + file.getFileName() + ": " + String.join(" | ", errors));
        return warnings;
    }
}
