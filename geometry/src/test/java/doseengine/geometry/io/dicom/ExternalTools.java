package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent DICOM readers and writers the tests check the codec against: Debian's python3-pydicom
 * (with numpy), dcmtk and dicom3tools. When one is missing a test skips with one line, except where
 * {@value #REQUIRE}=1 (CI, which installs them), where it fails: a green build must have run them.
 */
public final class ExternalTools {
    /** Environment variable that turns a missing tool into a failure. */
    public static final String REQUIRE = "DOSEENGINE_REQUIRE_DICOM_TOOLS";

    private static String python;

    private ExternalTools() {}

    /** A python3 that imports pydicom and numpy (the system one first: a user's pyenv may lack them). */
    public static synchronized String pydicomPython() {
        if (python == null) {
            for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
                if (runs(List.of(candidate, "-c", "import pydicom, numpy"))) {
                    python = candidate;
                    break;
                }
            }
            if (python == null) {
                missing("python3 with pydicom and numpy (Debian: python3-pydicom python3-numpy)");
            }
        }
        return python;
    }

    /** The folder of pydicom's own test files ({@code pydicom/data/test_files}). */
    public static Path pydicomTestFiles() {
        Result r = run(List.of(pydicomPython(), "-c",
                "import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), 'data', 'test_files'))"));
        Path dir = Path.of(r.stdout().trim());
        if (!Files.isDirectory(dir)) {
            missing("pydicom's test files (" + dir + ")");
        }
        return dir;
    }

    /** An executable on the PATH (dcmdump, dciodvfy, dcmcjpeg, ...), or a skip/failure naming its package. */
    public static String tool(String name, String debianPackage) {
        if (!runs(List.of("sh", "-c", "command -v " + name))) {
            missing(name + " (Debian: " + debianPackage + ")");
        }
        return name;
    }

    /** Runs a python script with pydicom, failing the test on a non-zero exit; returns its output. */
    public static Result python(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(pydicomPython(), "-c", script));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        if (r.exitCode() != 0) {
            fail("python failed (" + r.exitCode() + "): " + r.stderr());
        }
        return r;
    }

    /** A process's exit code and output. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** Runs a command and waits at most two minutes. */
    public static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            return new Result(127, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runs(List<String> command) {
        return run(command).exitCode() == 0;
    }

    private static void missing(String what) {
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(what + " is missing and " + REQUIRE + "=1");
        }
        assumeTrue(false, what + " is missing; skipped (" + REQUIRE + "=1 makes this a failure)");
    }
}
