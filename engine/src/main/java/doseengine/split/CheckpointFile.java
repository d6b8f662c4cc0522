package doseengine.split;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.transport.PartRun;
import doseengine.transport.RunPart;
import doseengine.tally.VoxelBatchTally;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkpoint: the state of a decay-count run (or of one part of it) after its first batches, written between
 * batches so that {@code --resume} runs only the rest. It is a {@link PartFile} of the batches done (the same
 * header, exact sums and per-batch records, so a damaged file is refused the same way), plus a {@code checkpoint}
 * object saying which run or part it belongs to and which batches remain:
 * {@code {"part": "K/N" or null, "first_batch", "end_batch" (of the run or part), "done_end", "seconds"}}.
 *
 * <p>Named {@code checkpoint.dep} for a whole run and {@code checkpoint-K-of-N.dep} for a part, so that parts
 * sharing a folder keep their own (and the merge's {@code part-*-of-N.dep} never takes one).
 */
public final class CheckpointFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFile() {}

    /** The file name of the checkpoint of a whole run ({@code part} null) or of a part. */
    public static String fileName(RunPart part) {
        return part == null ? "checkpoint.dep" : "checkpoint-" + part.k() + "-of-" + part.n() + ".dep";
    }

    /**
     * Writes the state (atomically: a temporary file beside, renamed).
     *
     * @param run     the run header ({@code run} of a part file), with {@code batches} and {@code decays_per_batch}
     * @param state   the run or part after its first batches
     * @param earlier the per-batch records of the batches resumed from (null when not resumed)
     */
    public static void write(Path file, ObjectNode run, PartRun state, JsonNode earlier) {
        int done = state.firstBatch() + state.tally().batches();
        ObjectNode header = JSON.createObjectNode();
        header.put("format", PartFile.FORMAT);
        header.set("run", run);
        header.set("part", PartHeader.of(state, done, earlier));
        ObjectNode c = header.putObject("checkpoint");
        if (state.part() == null) {
            c.putNull("part");
        } else {
            c.put("part", state.part().toString());
        }
        c.put("first_batch", state.firstBatch());
        c.put("end_batch", state.endBatch());
        c.put("done_end", done);
        c.put("seconds", state.outcome().seconds());
        PartFile.write(file, header, state.tally());
    }

    /** Reads a checkpoint; one line naming the file when it is damaged or not a checkpoint. */
    public static PartFile.Part read(Path file) {
        PartFile.Part p = PartFile.read(file);
        if (!p.isCheckpoint()) {
            throw new BadInputException(file + ": not a checkpoint (a finished part file?)");
        }
        JsonNode c = p.header().get("checkpoint");
        if (c.get("done_end").asInt() != p.endBatch() || c.get("first_batch").asInt() != p.firstBatch()
                || p.endBatch() > c.get("end_batch").asInt()) {
            throw new BadInputException(file + ": not a usable checkpoint: its batch ranges disagree");
        }
        return p;
    }

    /** The part a checkpoint belongs to ("K/N"), or null for a whole run. */
    public static String part(PartFile.Part checkpoint) {
        JsonNode p = checkpoint.header().get("checkpoint").get("part");
        return p == null || p.isNull() ? null : p.asText();
    }

    /** Transport seconds of the batches in a checkpoint. */
    public static double seconds(PartFile.Part checkpoint) {
        return checkpoint.header().get("checkpoint").get("seconds").asDouble();
    }

    /** The exact tally of the checkpoint's batches, on the run's grid and labels, to go on from. */
    public static VoxelBatchTally tally(PartFile.Part checkpoint, VoxelGrid grid, LabelMap labels) {
        VoxelBatchTally t = VoxelBatchTally.exact(grid, labels);
        t.addAll(checkpoint.voxels(), checkpoint.labels(), checkpoint.balance(), checkpoint.counters());
        return t;
    }

    /**
     * The first difference between the run header a checkpoint recorded and the one of the command line given now,
     * as "field: recorded vs now", or null when they are the same run. The options are compared in any order.
     */
    public static String difference(JsonNode recorded, JsonNode now) {
        return PartSet.firstDifference(canonical(now), canonical(recorded), "");
    }

    /** The run header with its {@code args} as sorted "option value" words, so that their order does not matter. */
    private static JsonNode canonical(JsonNode run) {
        ObjectNode c;
        try {
            // Through text, as the recorded header was: a long read back is an int node, which equals() tells apart.
            c = (ObjectNode) JSON.readTree(JSON.writeValueAsString(run));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> options = new ArrayList<>();
        JsonNode args = run.get("args");
        String current = null;
        for (JsonNode a : args) {
            String w = a.asText();
            if (w.startsWith("--")) {
                if (current != null) {
                    options.add(current);
                }
                current = w;
            } else {
                current = current == null ? w : current + " " + w;
            }
        }
        if (current != null) {
            options.add(current);
        }
        options.sort(null);
        ArrayNode sorted = c.putArray("args");
        options.forEach(sorted::add);
        return c;
    }
}
