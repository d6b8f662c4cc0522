package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job folder of {@code doseengine slurm}, run without Slurm: bash executes the scripts (the #SBATCH lines are
 * comments to it) with a fake doseengine that records how it was called, task by task as the array would.
 */
class SlurmCommandTest {
    @TempDir
    Path tmp;

    /** A command line whose words bash would split, expand or glob if any were quoted wrong. */
    List<String> nastyRun() {
        return List.of("run", "--ct", tmp.resolve("my ct/it's \"ct\".nii.gz").toString(),
                "--activity", "tia $HOME `id` *.nii", "--labels", "labels\nsecond line.nii.gz",
                "--nuclide", "Lu-177", "--decays", "1e6", "--seed", "7");
    }

    Path jobFolder() {
        return tmp.resolve("job 'one' #1 %x");
    }

    CliRunner.Outcome slurm(List<String> command, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("slurm"));
        args.addAll(command);
        args.addAll(List.of(options));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void eachTaskRunsItsPartAndTheMergeTakesEveryPart() throws Exception {
        Path stub = StubLauncher.write(tmp.resolve("bin dir"));
        Path job = jobFolder();
        CliRunner.Outcome o = slurm(nastyRun(), "--parts", "3", "--out", job.toString(), "--launcher", stub.toString(),
                "--partition", "debug", "--time", "00:10:00", "--cpus-per-task", "2", "--mem", "4G");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("submit.sh"), o.out());

        for (int k = 1; k <= 3; k++) {
            Process p = bash(job.resolve("parts.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(k)), List.of());
            assertEquals(0, p.waitFor(), "task " + k + ": " + new String(p.getErrorStream().readAllBytes()));
            Path out = job.resolve("parts/part-" + k);
            List<String> want = new ArrayList<>(nastyRun());
            want.addAll(List.of("--threads", "2", "--part", k + "/3", "--out", out.toString()));
            assertEquals(want, StubLauncher.recordedArgs(out), "task " + k);
            assertEquals(Path.of("").toAbsolutePath().toString(), Files.readString(out.resolve(StubLauncher.PWD)),
                    "a task runs where the command line was written (its relative paths)");
            assertEquals("-Xmx3072m", Files.readString(out.resolve(StubLauncher.JAVA_OPTS)), "75 % of --mem 4G");
        }

        Process merge = bash(job.resolve("merge.sbatch"), Map.of(), List.of());
        assertEquals(0, merge.waitFor(), new String(merge.getErrorStream().readAllBytes()));
        List<String> want = new ArrayList<>(List.of("merge"));
        for (int k = 1; k <= 3; k++) {
            want.add(job.resolve("parts/part-" + k + "/part-" + k + "-of-3.dep").toString());
        }
        want.addAll(List.of("--out", job.resolve("result").toString()));
        assertEquals(want, StubLauncher.recordedArgs(job.resolve("result")));

        String parts = Files.readString(job.resolve("parts.sbatch"));
        for (String d : List.of("#SBATCH --array=1-3\n", "#SBATCH --partition=debug\n", "#SBATCH --time=00:10:00\n",
                "#SBATCH --cpus-per-task=2\n", "#SBATCH --mem=4G\n", "\nset -euo pipefail\n")) {
            assertTrue(parts.contains(d), d + " in\n" + parts);
        }
        String logs = job.resolve("logs").toString().replace("%", "%%");
        assertEquals("--output=" + logs + "/part-%a-job-%A.out", directive(parts, "--output="));
        assertEquals("--error=" + logs + "/part-%a-job-%A.err", directive(parts, "--error="));
        String mergeScript = Files.readString(job.resolve("merge.sbatch"));
        assertFalse(mergeScript.contains("--array"), mergeScript);
        assertFalse(mergeScript.contains("--cpus-per-task"), "the merge runs on one CPU");
        assertTrue(Files.isDirectory(job.resolve("logs")), "Slurm writes no log into a missing folder");
        String readme = Files.readString(job.resolve("README.txt"));
        assertTrue(readme.contains("squeue") && readme.contains("sacct"), readme);
    }

    @Test
    void aTaskOutsideSlurmStopsWithAMessage() throws Exception {
        Path stub = StubLauncher.write(tmp.resolve("bin"));
        Path job = jobFolder();
        assertEquals(0, slurm(List.of("demo", "--decays", "1e5"), "--parts", "2", "--out", job.toString(),
                "--launcher", stub.toString()).exitCode());
        Process p = bash(job.resolve("parts.sbatch"), Map.of(), List.of("SLURM_ARRAY_TASK_ID"));
        assertNotEquals(0, p.waitFor());
        assertTrue(new String(p.getErrorStream().readAllBytes()).contains("sbatch"));
        try (Stream<Path> s = Files.list(job.resolve("parts"))) {
            assertEquals(0, s.count(), "nothing ran");
        }
    }

    /** submit.sh against a fake sbatch: the merge depends on the array's success, and both ids are printed. */
    @Test
    void submitChainsTheMergeAfterTheArray() throws Exception {
        Path stub = StubLauncher.write(tmp.resolve("bin"));
        Path job = jobFolder();
        assertEquals(0, slurm(List.of("demo"), "--parts", "4", "--out", job.toString(), "--launcher",
                stub.toString()).exitCode());
        Path fakeBin = tmp.resolve("fake sbatch");
        Files.createDirectories(fakeBin);
        Path calls = tmp.resolve("calls.txt");
        Path sbatch = fakeBin.resolve("sbatch");
        Files.writeString(sbatch, String.join("\n", "#!/usr/bin/env bash",
                "n=$(( $(cat \"$CALLS\" 2>/dev/null | wc -l) + 1 ))",
                "printf '%s|' \"$@\" >> \"$CALLS\"; echo >> \"$CALLS\"",
                "if [ $n = 1 ]; then echo 4242; else echo '4243;cluster'; fi", ""));
        Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("CALLS", calls.toString(), "PATH", fakeBin + ":" + System.getenv("PATH"));
        Process p = bash(job.resolve("submit.sh"), env, List.of());
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(out.contains("job array 4242 (4 tasks)") && out.contains("job 4243 "), out);
        List<String> lines = Files.readAllLines(calls);
        assertEquals(List.of("--parsable|" + job.resolve("parts.sbatch") + "|",
                "--parsable|--dependency=afterok:4242|" + job.resolve("merge.sbatch") + "|"), lines);
    }

    @Test
    void refusalsAreOneLineAndWriteNothing() throws Exception {
        Path stub = StubLauncher.write(tmp.resolve("bin"));
        Path job = jobFolder();
        String l = stub.toString();
        record Case(List<String> command, List<String> options, String says) {}
        List<Case> cases = List.of(
                new Case(List.of("demo"), List.of("--parts", "0"), "at least 1"),
                new Case(List.of("study", "s.json"), List.of("--parts", "2"), "only run and demo"),
                new Case(List.of("demo", "--part", "1/2"), List.of("--parts", "2"), "--part"),
                new Case(List.of("demo", "--part=1/2"), List.of("--parts", "2"), "--part"),
                new Case(List.of("run", "--ct", "c", "--activity", "a", "--nuclide", "Lu-177", "--target-uncertainty",
                        "0.02", "--target-label", "liver"), List.of("--parts", "2"), "--target-uncertainty"),
                new Case(List.of("run", "--activity", "a", "--nuclide", "Lu-177"), List.of("--parts", "2"), "--ct"),
                new Case(List.of("demo", "--decays", "1.5"), List.of("--parts", "2"), "--decays"),
                new Case(List.of("demo"), List.of("--parts", "2", "--time", "ten minutes"), "--time"),
                new Case(List.of("demo"), List.of("--parts", "2", "--mem", "lots"), "--mem"),
                new Case(List.of("demo"), List.of("--parts", "2", "--partition", "a b"), "--partition"));
        for (Case c : cases) {
            List<String> options = new ArrayList<>(c.options());
            options.addAll(List.of("--out", job.toString(), "--launcher", l));
            CliRunner.Outcome o = slurm(c.command(), options.toArray(String[]::new));
            String what = c.command() + " " + c.options();
            assertEquals(2, o.exitCode(), what + ": " + o.err());
            assertTrue(o.err().startsWith("error: ") && o.err().strip().lines().count() == 1, what + ": " + o.err());
            assertTrue(o.err().contains(c.says()), what + ": " + o.err());
            assertFalse(Files.exists(job), what + ": wrote the job folder");
        }
    }

    @Test
    void aFolderWithAnEarlierJobIsRefused() throws Exception {
        Path stub = StubLauncher.write(tmp.resolve("bin"));
        Path job = jobFolder();
        Files.createDirectories(job.resolve("parts"));
        CliRunner.Outcome o = slurm(List.of("demo"), "--parts", "2", "--out", job.toString(), "--launcher",
                stub.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("not empty"), o.err());
    }

    /** The tests run from class folders, not a jar: the default launcher (the running jar) cannot be found. */
    @Test
    void withoutAJarALauncherIsNeeded() {
        Path job = jobFolder();
        CliRunner.Outcome o = CliRunner.run("slurm", "demo", "--parts", "2", "--out", job.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--launcher"), o.err());
    }

    static String directive(String script, String prefix) {
        return script.lines().filter(line -> line.startsWith("#SBATCH " + prefix))
                .map(doseengine.cli.slurm.SbatchDirectiveTest::sbatchReads).findFirst().orElseThrow();
    }

    static Process bash(Path script, Map<String, String> env, List<String> unset) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
        pb.environment().putAll(env);
        unset.forEach(pb.environment()::remove);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
