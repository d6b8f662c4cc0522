package doseengine.split;

import com.fasterxml.jackson.databind.JsonNode;
import doseengine.geometry.BadInputException;
import doseengine.tally.VoxelBatchTally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Part files checked to be the whole of one run: the same {@code run} header (seed, decays, inputs and their
 * digests, settings), the same N, every K from 1 to N once, every batch of the run exactly once. Every refusal is
 * one line naming the files.
 */
public final class PartSet {
    private final List<PartFile.Part> parts;

    private PartSet(List<PartFile.Part> parts) {
        this.parts = parts;
    }

    /** Checks the parts (in any order). */
    public static PartSet of(List<PartFile.Part> parts) {
        if (parts.isEmpty()) {
            throw new BadInputException("merge needs at least one part file");
        }
        for (PartFile.Part p : parts) {
            if (p.isCheckpoint()) {
                throw new BadInputException(p.file() + " is the checkpoint of an unfinished run, not a part: finish "
                        + "it with --resume first");
            }
        }
        PartFile.Part first = parts.get(0);
        for (PartFile.Part p : parts.subList(1, parts.size())) {
            String diff = firstDifference(first.run(), p.run(), "");
            if (diff != null) {
                throw new BadInputException(p.file() + " and " + first.file() + " are parts of different runs: "
                        + diff);
            }
            if (p.n() != first.n()) {
                throw new BadInputException(p.file() + " is part " + p.k() + " of " + p.n() + ", " + first.file()
                        + " part " + first.k() + " of " + first.n() + ": all parts must split the run the same way");
            }
        }
        int batches = first.run().get("batches").asInt();
        PartFile.Part[] holder = new PartFile.Part[batches];
        for (PartFile.Part p : parts) {
            if (p.firstBatch() < 0 || p.endBatch() > batches || p.firstBatch() >= p.endBatch()) {
                throw new BadInputException(p.file() + ": batches " + p.firstBatch() + ".." + (p.endBatch() - 1)
                        + " are not within the run's " + batches);
            }
            for (int b = p.firstBatch(); b < p.endBatch(); b++) {
                if (holder[b] != null) {
                    throw new BadInputException("batch " + b + " is in both " + holder[b].file() + " and " + p.file()
                            + ": each part may be given once");
                }
                holder[b] = p;
            }
        }
        for (int b = 0; b < batches; b++) {
            if (holder[b] == null) {
                int e = b;
                while (e + 1 < batches && holder[e + 1] == null) {
                    e++;
                }
                throw new BadInputException("batches " + b + ".." + e + " of " + batches + " are in none of the "
                        + parts.size() + " part files: a part of " + first.n() + " is missing");
            }
        }
        List<PartFile.Part> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(PartFile.Part::k));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).k() != i + 1) {
                throw new BadInputException("the parts are not 1.." + first.n() + " of " + first.n() + " (" + sorted.get(i)
                        .file() + " is part " + sorted.get(i).k() + ")");
            }
        }
        return new PartSet(List.copyOf(parts));
    }

    /** What every part shares. */
    public JsonNode run() {
        return parts.get(0).run();
    }

    public List<PartFile.Part> parts() {
        return parts;
    }

    /** Adds every part's exact sums into {@code tally} (exact, on the run's grid and labels), in the given order. */
    public void addTo(VoxelBatchTally tally) {
        for (PartFile.Part p : parts) {
            tally.addAll(p.voxels(), p.labels(), p.balance(), p.counters());
        }
    }

    /** The first field where two headers differ, as "field: a vs b"; null when equal. */
    static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (other == null) {
                    return p + " missing in one";
                }
                String d = firstDifference(e.getValue(), other, p);
                if (d != null) {
                    return d;
                }
            }
            return path + " has fields the other lacks";
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
        }
        String sa = a.toString(), sb = b.toString();
        return path + " " + abbreviate(sb) + " vs " + abbreviate(sa);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
