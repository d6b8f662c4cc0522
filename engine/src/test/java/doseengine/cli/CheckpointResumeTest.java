package doseengine.cli;

import static doseengine.cli.RunOutputs.assertSameOutputs;
import static doseengine.cli.RunOutputs.ok;
import static doseengine.cli.RunOutputs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.split.CheckpointFile;
import doseengine.split.PartFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint and resume: a run killed with SIGKILL in another JVM after a checkpoint, resumed with {@code --resume},
 * writes the outputs of the uninterrupted run bit for bit (a whole run, and a part that then merges into the whole
 * run); a resume of another run, of a damaged checkpoint or of a target-uncertainty run is refused in one line.
 */
class CheckpointResumeTest {
    /** The torso at 16 mm, 4 x 10^5 decays on one thread: 16 batches of 25000, a few seconds. */
    private static final String[] DEMO = {"demo", "--voxel-mm", "16", "--decays", "4e5", "--threads", "1",
        "--seed", "11", "--backend", "java"};

    @TempDir
    Path tmp;

    /**
     * Starts the command line in a JVM of its own, saving a checkpoint after every batch, waits for the checkpoint
     * file and kills the JVM with SIGKILL: what a crash or a pre-empted cluster job leaves.
     */
    private Path killedAfterACheckpoint(Path out, String checkpointName, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "doseengine.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--checkpoint-batches", "1", "--out", out.toString()));
        Path log = tmp.resolve(out.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path checkpoint = out.resolve(checkpointName);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(p.isAlive(), () -> "the run ended before it was killed:\n" + read(log));
            assertTrue(Files.exists(checkpoint), () -> "no checkpoint within 120 s:\n" + read(log));
        } finally {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(out.resolve("dose.nii.gz")), "killed before its outputs");
        PartFile.Part cp = CheckpointFile.read(checkpoint);
        assertTrue(cp.endBatch() < cp.header().get("checkpoint").get("end_batch").asInt(),
                "killed in the middle: batches left to run");
        return checkpoint;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void refused(String what, Path mustNotExist, String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(2, o.exitCode(), what + ": " + o.err());
        assertEquals(1, o.err().strip().lines().count(), what + ": one line, got:\n" + o.err());
        assertTrue(o.err().startsWith("error: "), what + ": " + o.err());
        assertFalse(Files.exists(mustNotExist), what + ": nothing written");
    }

    @Test
    void aRunKilledWithSigkillResumesToTheUninterruptedOutputsBitForBit() throws Exception {
        Path whole = tmp.resolve("whole");
        CliRunner.Outcome uninterrupted = ok(with(DEMO, "--out", whole.toString()));
        assertFalse(Files.exists(whole.resolve("checkpoint.dep")), "a finished run leaves no checkpoint");
        assertTrue(uninterrupted.err().contains("note: checkpoints every 5 minutes"), uninterrupted.err());

        Path killed = tmp.resolve("killed");
        Path checkpoint = killedAfterACheckpoint(killed, "checkpoint.dep", DEMO);
        Path saved = tmp.resolve("saved-checkpoint.dep");
        Files.copy(checkpoint, saved);

        // Refusals first, while the checkpoint is there; none of them writes an output.
        Path dose = killed.resolve("dose.nii.gz");
        String[] seed12 = DEMO.clone();
        seed12[Arrays.asList(DEMO).indexOf("--seed") + 1] = "12";
        refused("another seed", dose, with(seed12, "--resume", killed.toString()));
        String[] decays = DEMO.clone();
        decays[Arrays.asList(DEMO).indexOf("--decays") + 1] = "5e5";
        refused("other decays", dose, with(decays, "--resume", killed.toString()));
        refused("other physics", dose, with(DEMO, "--electron-cutoff-kev", "20", "--resume", killed.toString()));
        refused("a part of a whole run", dose, with(DEMO, "--part", "1/2", "--resume", killed.toString()));
        refused("another --out", tmp.resolve("elsewhere"), with(DEMO, "--out", tmp.resolve("elsewhere").toString(),
                "--resume", killed.toString()));
        refused("led", dose, with(DEMO, "--method", "led", "--resume", killed.toString()));
        Path nothing = tmp.resolve("nothing");
        Files.createDirectories(nothing);
        refused("no checkpoint", nothing.resolve("dose.nii.gz"), with(DEMO, "--resume", nothing.toString()));
        RunInputs in = RunInputs.write(tmp);
        refused("target", killed.resolve("organs.json"), in.args(killed, "--target-uncertainty", "0.05",
                "--target-label", "hot", "--resume", killed.toString()));
        CliRunner.Outcome other = CliRunner.run(with(seed12, "--resume", killed.toString()));
        assertTrue(other.err().contains("--seed 11\" vs \"--seed 12"), "names what differs: " + other.err());

        Path damaged = tmp.resolve("damaged");
        Files.createDirectories(damaged);
        byte[] content;
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(saved))) {
            content = gz.readAllBytes();
        }
        content[content.length / 2] ^= 4;
        ByteArrayOutputStream re = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(re)) {
            gz.write(content);
        }
        Files.write(damaged.resolve("checkpoint.dep"), re.toByteArray());
        refused("damaged", damaged.resolve("dose.nii.gz"), with(DEMO, "--resume", damaged.toString()));
        Files.write(damaged.resolve("checkpoint.dep"), Arrays.copyOf(Files.readAllBytes(saved), 1000));
        refused("truncated", damaged.resolve("dose.nii.gz"), with(DEMO, "--resume", damaged.toString()));

        // The same run, its options in another order, on another thread count (which does not change a history).
        String[] reordered = {"demo", "--seed", "11", "--decays", "4e5", "--voxel-mm", "16", "--backend", "java",
            "--threads", "1"};
        CliRunner.Outcome resumed = ok(with(reordered, "--resume", killed.toString()));
        assertTrue(resumed.err().contains("resuming " + checkpoint), resumed.err());
        assertSameOutputs(whole, killed);
        assertFalse(Files.exists(checkpoint), "the finished run deleted its checkpoint");
    }

    @Test
    void aKilledPartResumesAndMergesIntoTheWholeRunBitForBit() throws Exception {
        Path whole = tmp.resolve("whole");
        ok(with(DEMO, "--out", whole.toString()));
        Path parts = tmp.resolve("parts");
        ok(with(DEMO, "--part", "1/2", "--out", parts.toString()));
        Path checkpoint = killedAfterACheckpoint(parts, "checkpoint-2-of-2.dep", with(DEMO, "--part", "2/2"));
        assertEquals("2/2", CheckpointFile.part(CheckpointFile.read(checkpoint)));
        CliRunner.Outcome notThePart = CliRunner.run(with(DEMO, "--resume", parts.toString()));
        assertEquals(2, notThePart.exitCode());
        assertTrue(notThePart.err().contains("checkpoint-2-of-2.dep"), "names the part's checkpoint: "
                + notThePart.err());
        ok(with(DEMO, "--part", "2/2", "--resume", parts.toString()));
        assertFalse(Files.exists(checkpoint));
        Path merged = tmp.resolve("merged");
        ok("merge", parts.resolve("part-1-of-2.dep").toString(), parts.resolve("part-2-of-2.dep").toString(), "--out",
                merged.toString());
        assertSameOutputs(whole, merged);
    }
}
