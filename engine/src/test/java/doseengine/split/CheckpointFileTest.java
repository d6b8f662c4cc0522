package doseengine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.TransportParameters;
import doseengine.tally.BatchMoments;
import doseengine.tally.VoxelBatchTally;
import doseengine.transport.BackendChoice;
import doseengine.transport.BatchPlan;
import doseengine.transport.PartRun;
import doseengine.transport.RunOutcome;
import doseengine.transport.RunPart;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written after some batches and read back holds the same exact statistics and per-batch records, and
 * the batches after it, added to the restored tally, give the statistics of the uninterrupted tally bit for bit.
 */
class CheckpointFileTest {
    private static final VoxelGrid GRID = VoxelGrid.centredCube(4, 3, 2, 10);
    private static final long BATCH = 1000;

    @TempDir
    Path tmp;

    private static LabelMap labels() {
        ShortVolume s = new ShortVolume(GRID);
        s.data()[0] = 1;
        s.data()[1] = 1;
        s.data()[5] = 2;
        return new LabelMap(s, Map.of(1, "kidney", 2, "tumour"));
    }

    /** One batch of random energies (some near the 2^33 MeV bound, to use the high words) folded into the tallies. */
    private static void batch(Random r, VoxelBatchTally... tallies) {
        long[] units = new long[GRID.voxelCount()];
        for (int v = 0; v < units.length; v++) {
            units[v] = r.nextInt(4) == 0 ? 0 : r.nextInt(3) == 0 ? (1L << 58) + r.nextInt(1 << 20) : r.nextInt(1 << 30);
        }
        long escaped = r.nextInt(1 << 20), emitted = (1L << 61) + r.nextInt(1 << 20);
        for (VoxelBatchTally t : tallies) {
            long[] u = t.tally().units();
            System.arraycopy(units, 0, u, 0, units.length);
            u[t.tally().escapedSlot()] = escaped;
            u[t.tally().emittedSlot()] = emitted;
            t.endBatch(BATCH);
        }
    }

    private static void assertSameStatistics(BatchMoments a, BatchMoments b) {
        assertEquals(a.batches(), b.batches());
        assertEquals(a.decays(), b.decays());
        for (int i = 0; i < a.bins(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.sum(i)), Double.doubleToRawLongBits(b.sum(i)), "S1 of bin " + i);
            assertEquals(Double.doubleToRawLongBits(a.sumOfSquares(i)), Double.doubleToRawLongBits(b.sumOfSquares(i)),
                    "S2 of bin " + i);
        }
    }

    private static PartRun state(VoxelBatchTally tally, RunPart part, int batches) {
        StopRule stop = new StopRule.DecayCount(batches * BATCH);
        RunSettings s = new RunSettings(TransportMethod.MONTE_CARLO, BackendChoice.Resolved.java(2, null), stop, 9, 2,
                TransportParameters.defaults());
        RunOutcome o = new RunOutcome(tally.decays(), tally.batches(), 2, 1.5, RunOutcome.Stop.DECAYS_DONE, null,
                Double.NaN);
        return new PartRun(part, tally, s, o, 0.25, BatchPlan.of(stop, GRID.voxelCount()), 1);
    }

    private static ObjectNode runHeader(int batches) {
        ObjectNode run = new ObjectMapper().createObjectNode();
        run.put("seed", 9);
        run.put("voxels", GRID.voxelCount());
        run.putArray("label_names").add("kidney").add("tumour");
        run.put("batches", batches);
        run.put("decays_per_batch", BATCH);
        run.putArray("args").add("--seed").add("9").add("--decays").add("10000");
        return run;
    }

    @Test
    void roundTripThenTheRestOfTheBatchesGiveTheUninterruptedStatistics() {
        Random r = new Random(3);
        VoxelBatchTally whole = VoxelBatchTally.exact(GRID, labels());
        VoxelBatchTally interrupted = VoxelBatchTally.exact(GRID, labels());
        for (int b = 0; b < 4; b++) {
            batch(r, whole, interrupted);
        }
        Path file = tmp.resolve(CheckpointFile.fileName(null));
        CheckpointFile.write(file, runHeader(10), state(interrupted, null, 10), null);
        PartFile.Part cp = CheckpointFile.read(file);
        assertTrue(cp.isCheckpoint());
        assertNull(CheckpointFile.part(cp));
        assertEquals(0, cp.firstBatch());
        assertEquals(4, cp.endBatch(), "which batches are done");
        assertEquals(10, cp.header().get("checkpoint").get("end_batch").asInt());
        assertEquals(1.5, CheckpointFile.seconds(cp));
        assertEquals(4, cp.part().get("batches").size());

        VoxelBatchTally restored = CheckpointFile.tally(cp, GRID, labels());
        assertSameStatistics(interrupted.voxelMoments(), restored.voxelMoments());
        assertSameStatistics(interrupted.labelMoments(), restored.labelMoments());
        assertSameStatistics(interrupted.balanceMoments(), restored.balanceMoments());
        for (int b = 4; b < 10; b++) {
            batch(r, whole, restored);
        }
        assertSameStatistics(whole.voxelMoments(), restored.voxelMoments());
        assertSameStatistics(whole.labelMoments(), restored.labelMoments());
        assertSameStatistics(whole.balanceMoments(), restored.balanceMoments());
        assertEquals(whole.batchCounters().size(), restored.batchCounters().size());
        for (int b = 0; b < 10; b++) {
            assertTrue(Arrays.equals(whole.batchCounters().get(b), restored.batchCounters().get(b)), "batch " + b);
        }
    }

    @Test
    void aPartsCheckpointKeepsItsPartAndTheRecordsOfTheBatchesItResumedFrom() {
        Random r = new Random(4);
        RunPart part = new RunPart(2, 3); // batches 3..5 of 10
        VoxelBatchTally t = VoxelBatchTally.exact(GRID, labels());
        batch(r, t);
        Path file = tmp.resolve(CheckpointFile.fileName(part));
        assertEquals("checkpoint-2-of-3.dep", file.getFileName().toString());
        CheckpointFile.write(file, runHeader(10), state(t, part, 10), null);
        PartFile.Part first = CheckpointFile.read(file);
        assertEquals("2/3", CheckpointFile.part(first));
        assertEquals(3, first.firstBatch());
        assertEquals(4, first.endBatch());
        ObjectNode earlier = first.part().get("batches").get(0).deepCopy();
        ((ObjectNode) first.part().get("batches").get(0)).put("device", "the first machine");
        VoxelBatchTally resumed = CheckpointFile.tally(first, GRID, labels());
        batch(r, resumed);
        CheckpointFile.write(file, runHeader(10), state(resumed, part, 10), first.part().get("batches"));
        PartFile.Part second = CheckpointFile.read(file);
        assertEquals(5, second.endBatch());
        assertEquals("the first machine", second.part().get("batches").get(0).get("device").asText(),
                "a resumed batch keeps the record of the machine that ran it");
        assertEquals(earlier.get("index"), second.part().get("batches").get(0).get("index"));
        assertEquals(4, second.part().get("batches").get(1).get("index").asInt());
    }

    @Test
    void aDamagedCheckpointOrAPartFileIsRefusedInOneLine() throws IOException {
        Random r = new Random(5);
        VoxelBatchTally t = VoxelBatchTally.exact(GRID, labels());
        batch(r, t);
        Path file = tmp.resolve("checkpoint.dep");
        CheckpointFile.write(file, runHeader(10), state(t, null, 10), null);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = tmp.resolve("truncated.dep");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 20));
        BadInputException e = assertThrows(BadInputException.class, () -> CheckpointFile.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        // A finished part is not a checkpoint, and a checkpoint is not a part for the merge.
        ObjectNode header = new ObjectMapper().createObjectNode();
        header.put("format", PartFile.FORMAT);
        header.set("run", runHeader(10));
        header.set("part", PartHeader.of(state(t, new RunPart(1, 10), 10), 1, null));
        Path part = tmp.resolve("part-1-of-10.dep");
        PartFile.write(part, header, t);
        assertFalse(PartFile.read(part).isCheckpoint());
        assertTrue(assertThrows(BadInputException.class, () -> CheckpointFile.read(part)).getMessage()
                .contains("not a checkpoint"));
        assertTrue(assertThrows(BadInputException.class, () -> PartSet.of(java.util.List.of(PartFile.read(file))))
                .getMessage().contains("--resume"));
    }

    @Test
    void theRunHeadersCompareTheOptionsInAnyOrder() {
        ObjectNode a = runHeader(10);
        ObjectNode b = runHeader(10);
        b.putArray("args").add("--decays").add("10000").add("--seed").add("9");
        assertNull(CheckpointFile.difference(a, b));
        b.put("seed", 10);
        assertTrue(CheckpointFile.difference(a, b).startsWith("seed 9 vs 10"), CheckpointFile.difference(a, b));
    }
}
