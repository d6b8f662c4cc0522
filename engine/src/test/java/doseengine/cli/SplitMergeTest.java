package doseengine.cli;

import static doseengine.cli.RunOutputs.numbers;
import static doseengine.cli.RunOutputs.ok;
import static doseengine.cli.RunOutputs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import doseengine.kernels.opencl.OpenClTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --part K/N} and {@code merge}: the merged parts write what the whole run writes, bit for bit; parts of
 * different backends add up exactly in any order; parts that do not make one whole run are refused in one line.
 */
class SplitMergeTest {
    /** The torso at 16 mm, 3 x 10^4 decays: 10 batches of 3000. */
    private static final String[] DEMO = {"demo", "--voxel-mm", "16", "--decays", "3e4", "--threads", "2",
        "--seed", "7"};

    @TempDir
    Path tmp;

    private List<String> parts(Path dir, int n, String... backend) {
        List<String> files = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            CliRunner.Outcome o = ok(with(with(DEMO, backend), "--part", k + "/" + n, "--out", dir.toString()));
            Path f = dir.resolve("part-" + k + "-of-" + n + ".dep");
            assertTrue(Files.isRegularFile(f), o.out());
            assertTrue(o.out().contains("doseengine merge"), o.out());
            assertFalse(Files.exists(dir.resolve("dose.nii.gz")), "a part writes no outputs");
            files.add(f.toString());
        }
        return files;
    }

    @Test
    void mergedPartsEqualTheWholeRunBitForBit() throws IOException {
        Path whole = tmp.resolve("whole");
        ok(with(DEMO, "--backend", "java", "--out", whole.toString()));
        byte[] dose = Files.readAllBytes(whole.resolve("dose.nii.gz"));
        byte[] unc = Files.readAllBytes(whole.resolve("uncertainty.nii.gz"));
        JsonNode organs = numbers(whole);
        for (int n : new int[] {1, 2, 3, 7}) {
            List<String> files = parts(tmp.resolve("parts-" + n), n, "--backend", "java");
            java.util.Collections.reverse(files);
            Path merged = tmp.resolve("merged-" + n);
            List<String> args = new ArrayList<>(List.of("merge"));
            args.addAll(files);
            args.addAll(List.of("--out", merged.toString()));
            ok(args.toArray(String[]::new));
            assertArrayEquals(dose, Files.readAllBytes(merged.resolve("dose.nii.gz")), n + " parts: dose");
            assertArrayEquals(unc, Files.readAllBytes(merged.resolve("uncertainty.nii.gz")), n + " parts: uncertainty");
            assertEquals(organs, numbers(merged), n + " parts: organs.json");
        }
    }

    @Test
    void javaAndOpenClPartsAddUpExactlyInAnyOrderAndAgreeWithAJavaRun() throws IOException {
        int device = OpenClTestSupport.deviceIndex();
        Path dir = tmp.resolve("mixed");
        String[] java = {"--backend", "java"};
        String[] opencl = {"--backend", "opencl", "--device", Integer.toString(device)};
        ok(with(with(DEMO, java), "--part", "1/3", "--out", dir.toString()));
        ok(with(with(DEMO, opencl), "--part", "2/3", "--out", dir.toString()));
        ok(with(with(DEMO, java), "--part", "3/3", "--out", dir.toString()));
        String p1 = dir.resolve("part-1-of-3.dep").toString(), p2 = dir.resolve("part-2-of-3.dep").toString(),
                p3 = dir.resolve("part-3-of-3.dep").toString();
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        ok("merge", p1, p2, p3, "--out", a.toString());
        ok("merge", p3, p1, p2, "--out", b.toString());
        assertArrayEquals(Files.readAllBytes(a.resolve("dose.nii.gz")), Files.readAllBytes(b.resolve("dose.nii.gz")));
        assertArrayEquals(Files.readAllBytes(a.resolve("uncertainty.nii.gz")),
                Files.readAllBytes(b.resolve("uncertainty.nii.gz")));
        assertEquals(numbers(a), numbers(b));
        JsonNode mixed = numbers(a);
        assertTrue(mixed.get("backend").asText().contains("opencl"), mixed.get("backend").asText());
        // The backends' float paths differ, so the mixed run is not the Java run's twin; it is statistically
        // consistent with it: organ means within 4 combined standard errors.
        Path whole = tmp.resolve("java");
        ok(with(with(DEMO, java), "--out", whole.toString()));
        JsonNode javaRun = numbers(whole);
        int compared = 0;
        for (int i = 0; i < javaRun.get("labels").size(); i++) {
            JsonNode x = javaRun.get("labels").get(i), y = mixed.get("labels").get(i);
            assertEquals(x.get("name"), y.get("name"));
            double mx = x.get("mean_Gy").asDouble(), my = y.get("mean_Gy").asDouble();
            double sigma = Math.hypot(mx * x.get("rel_unc").asDouble(), my * y.get("rel_unc").asDouble());
            if (mx > 0 && x.get("rel_unc").asDouble() < 0.2) {
                assertEquals(mx, my, 4 * sigma, x.get("name").asText());
                compared++;
            }
        }
        assertTrue(compared >= 3, "only " + compared + " organs compared");
    }

    private void refused(String what, String... args) {
        refusedWithout(what, Path.of(args[args.length - 1]), args);
    }

    private void refusedWithout(String what, Path out, String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(2, o.exitCode(), what + ": " + o.err());
        assertEquals(1, o.err().strip().lines().count(), what + ": one line, got:\n" + o.err());
        assertTrue(o.err().startsWith("error: "), what + ": " + o.err());
        assertFalse(Files.exists(out), what + ": nothing written");
    }

    @Test
    void partsThatDoNotMakeOneRunAreRefusedInOneLine() throws IOException {
        Path dir = tmp.resolve("parts");
        List<String> three = parts(dir, 3, "--backend", "java");
        Path other = tmp.resolve("other");
        String[] seed8 = DEMO.clone();
        seed8[seed8.length - 1] = "8";
        ok(with(seed8, "--backend", "java", "--part", "2/3", "--out", other.toString()));
        String otherSeed = other.resolve("part-2-of-3.dep").toString();
        String out = tmp.resolve("out").toString();
        refused("different seeds", "merge", three.get(0), otherSeed, three.get(2), "--out", out);
        refused("missing part", "merge", three.get(0), three.get(2), "--out", out);
        refused("repeated part", "merge", three.get(0), three.get(1), three.get(1), three.get(2), "--out", out);

        byte[] whole = Files.readAllBytes(Path.of(three.get(1)));
        Path truncated = tmp.resolve("truncated.dep");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        refused("truncated", "merge", three.get(0), truncated.toString(), three.get(2), "--out", out);

        byte[] flipped = whole.clone();
        flipped[flipped.length / 2] ^= 0x10;
        Path damaged = tmp.resolve("damaged.dep");
        Files.write(damaged, flipped);
        refused("damaged gzip", "merge", three.get(0), damaged.toString(), three.get(2), "--out", out);

        // A valid gzip whose content was altered: only the trailing SHA-256 notices.
        byte[] content;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(three.get(1))))) {
            content = in.readAllBytes();
        }
        content[content.length - 100] ^= 1;
        ByteArrayOutputStream re = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(re)) {
            gz.write(content);
        }
        Path altered = tmp.resolve("altered.dep");
        Files.write(altered, re.toByteArray());
        CliRunner.Outcome o = CliRunner.run("merge", three.get(0), altered.toString(), three.get(2), "--out", out);
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("SHA-256"), o.err());
    }

    @Test
    void partIsRefusedWhereThereIsNothingToSplitAndForBadK() {
        String out = tmp.resolve("p").toString();
        refused("K > N", with(DEMO, "--part", "3/2", "--out", out));
        refused("K = 0", with(DEMO, "--part", "0/2", "--out", out));
        refused("led", with(DEMO, "--method", "led", "--part", "1/2", "--out", out));
        RunInputs in = RunInputs.write(tmp);
        refusedWithout("target", tmp.resolve("t"), in.args(tmp.resolve("t"), "--target-uncertainty", "0.05", "--target-label", "hot",
                "--part", "1/2"));
    }

    @Test
    void aChangedInputIsRefusedAtTheMerge() throws IOException {
        RunInputs in = RunInputs.write(tmp);
        Path dir = tmp.resolve("run-parts");
        for (int k = 1; k <= 2; k++) {
            ok(in.args(dir, "--decays", "2e4", "--threads", "2", "--part", k + "/2"));
        }
        Path whole = tmp.resolve("run-whole");
        ok(in.args(whole, "--decays", "2e4", "--threads", "2"));
        Path merged = tmp.resolve("run-merged");
        ok("merge", dir.resolve("part-1-of-2.dep").toString(), dir.resolve("part-2-of-2.dep").toString(), "--out",
                merged.toString());
        assertArrayEquals(Files.readAllBytes(whole.resolve("dose.nii.gz")), Files.readAllBytes(merged.resolve("dose.nii.gz")));
        assertEquals(numbers(whole), numbers(merged));
        Files.write(in.labels, Files.readAllBytes(in.labels), java.nio.file.StandardOpenOption.APPEND);
        refused("changed labels", "merge", dir.resolve("part-1-of-2.dep").toString(),
                dir.resolve("part-2-of-2.dep").toString(), "--out", tmp.resolve("run-merged-2").toString());
    }
}
