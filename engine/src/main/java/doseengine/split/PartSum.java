package doseengine.split;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.tally.BatchMoments;
import doseengine.tally.VoxelBatchTally;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The exact sum of one or more parts of a split run, in memory: what a distributed runner (the Spark driver of the
 * {@code cluster} module) moves between machines instead of part files. It holds what a part file holds
 * ({@link PartFile}): the run header every part shares, the part headers, the exact batch sums of the voxels,
 * labels and energy balance, and the per-batch counters.
 *
 * <p>{@link #plus} is associative and commutative in everything that reaches the outputs: the sums are 128-bit
 * integers ({@link BatchMoments#addAll}), and the part headers and per-batch counters are kept in batch order
 * whatever the order of the additions. So any reduction tree over the parts gives the numbers the whole run gives,
 * bit for bit.
 */
public final class PartSum {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode run;
    /** Part headers, sorted by first batch. */
    private final List<JsonNode> parts;
    private final BatchMoments voxels, labels, balance;
    /** Per batch in batch order: each label's total, deposited, escaped, emitted (fixed-point units). */
    private final List<long[]> counters;

    private PartSum(JsonNode run, List<JsonNode> parts, BatchMoments voxels, BatchMoments labels,
                    BatchMoments balance, List<long[]> counters) {
        this.run = run;
        this.parts = List.copyOf(parts);
        this.voxels = voxels;
        this.labels = labels;
        this.balance = balance;
        this.counters = counters;
    }

    /**
     * One part: {@code header} as a part file's ({@code format}, {@code run}, {@code part}), {@code tally} its exact
     * statistics.
     */
    public static PartSum of(ObjectNode header, VoxelBatchTally tally) {
        if (!tally.isExact()) {
            throw new IllegalArgumentException("parts add up only with exact statistics");
        }
        return new PartSum(header.get("run"), List.of(header.get("part")), tally.voxelMoments(),
                tally.labelMoments(), tally.balanceMoments(), tally.batchCounters());
    }

    /** What every part shares (the {@code run} header of a part file). */
    public JsonNode run() {
        return run;
    }

    /** The headers of the parts summed, in batch order. */
    public List<JsonNode> parts() {
        return parts;
    }

    /**
     * The exact sum of this and {@code other}, parts of the same run holding different batches; one line when they
     * are not.
     */
    public PartSum plus(PartSum other) {
        String diff = PartSet.firstDifference(run, other.run, "");
        if (diff != null) {
            throw new BadInputException("parts of different runs cannot be summed: " + diff);
        }
        if (n(parts.get(0)) != n(other.parts.get(0))) {
            throw new BadInputException("parts of " + n(parts.get(0)) + " and of " + n(other.parts.get(0))
                    + " cannot be summed: all parts must split the run the same way");
        }
        // Batch order whatever the order of the operands, so that the counters and headers do not depend on it.
        boolean thisFirst = firstBatch(parts.get(0)) < firstBatch(other.parts.get(0));
        PartSum a = thisFirst ? this : other, b = thisFirst ? other : this;
        List<JsonNode> all = new ArrayList<>(a.parts);
        all.addAll(b.parts);
        all.sort(Comparator.comparingInt(PartSum::firstBatch));
        for (int i = 1; i < all.size(); i++) {
            if (firstBatch(all.get(i)) < endBatch(all.get(i - 1))) {
                throw new BadInputException("parts " + k(all.get(i - 1)) + " and " + k(all.get(i)) + " of "
                        + n(all.get(i)) + " overlap: each part may be summed once");
            }
        }
        List<long[]> c = new ArrayList<>();
        for (JsonNode p : all) {
            PartSum owner = a.parts.contains(p) ? a : b;
            int offset = 0;
            for (JsonNode q : owner.parts) {
                if (q == p) {
                    break;
                }
                offset += endBatch(q) - firstBatch(q);
            }
            c.addAll(owner.counters.subList(offset, offset + endBatch(p) - firstBatch(p)));
        }
        return new PartSum(run, all, sum(a.voxels, b.voxels), a.labels == null ? null : sum(a.labels, b.labels),
                sum(a.balance, b.balance), c);
    }

    /**
     * Checks that the parts summed are the whole run: every part K of N once, every batch once. One line naming
     * what is missing otherwise.
     */
    public void requireWhole() {
        int n = n(parts.get(0));
        int batches = run.get("batches").asInt();
        List<Integer> ks = new ArrayList<>();
        parts.forEach(p -> ks.add(k(p)));
        int held = counters.size();
        if (parts.size() != n || held != batches) {
            List<Integer> missing = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                if (!ks.contains(k)) {
                    missing.add(k);
                }
            }
            throw new BadInputException("the sum holds parts " + ks + " of " + n + " (" + held + " of " + batches
                    + " batches): missing " + missing);
        }
    }

    /** Adds the summed batches into {@code tally} (exact, on the run's grid and labels). */
    public void addTo(VoxelBatchTally tally) {
        tally.addAll(voxels, labels, balance, counters);
    }

    /** Gzip (fastest level: the sums are mostly zeros) of the header line, the exact sums and the counters. */
    public byte[] toBytes() {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", PartFile.FORMAT);
        header.set("run", run);
        ArrayNode ps = header.putArray("parts");
        parts.forEach(ps::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new FastGzip(bytes)) {
            out.write(JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            voxels.writeExact(out);
            if (labels != null) {
                labels.writeExact(out);
            }
            balance.writeExact(out);
            ByteBuffer row = ByteBuffer.allocate(8 * (counters.isEmpty() ? 0 : counters.get(0).length))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (long[] c : counters) {
                row.clear();
                row.asLongBuffer().put(c);
                out.write(row.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #toBytes} wrote. */
    public static PartSum fromBytes(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int ch;
            while ((ch = in.read()) != '\n') {
                if (ch < 0) {
                    throw new IOException("no header line");
                }
                line.write(ch);
            }
            JsonNode header = JSON.readTree(line.toString(StandardCharsets.UTF_8));
            JsonNode run = header.get("run");
            List<JsonNode> parts = new ArrayList<>();
            header.get("parts").forEach(parts::add);
            int batches = 0;
            for (JsonNode p : parts) {
                batches += endBatch(p) - firstBatch(p);
            }
            int voxelCount = run.get("voxels").asInt();
            int labelCount = run.get("label_names").size();
            long n = run.get("decays_per_batch").asLong();
            BatchMoments v = BatchMoments.readExact(in, voxelCount, batches, n);
            BatchMoments l = labelCount == 0 ? null : BatchMoments.readExact(in, labelCount, batches, n);
            BatchMoments b = BatchMoments.readExact(in, 3, batches, n);
            List<long[]> counters = new ArrayList<>();
            byte[] row = new byte[8 * (labelCount + 3)];
            for (int i = 0; i < batches; i++) {
                if (in.readNBytes(row, 0, row.length) < row.length) {
                    throw new java.io.EOFException("ends within the batch counters");
                }
                long[] c = new long[labelCount + 3];
                ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(c);
                counters.add(c);
            }
            if (in.read() >= 0) {
                throw new IOException("goes on after the batch counters");
            }
            return new PartSum(run, parts, v, l, b, counters);
        } catch (IOException e) {
            throw new UncheckedIOException("not a part sum: " + e.getMessage(), e);
        }
    }

    private static BatchMoments sum(BatchMoments a, BatchMoments b) {
        BatchMoments s = BatchMoments.exact(a.bins());
        s.addAll(a);
        s.addAll(b);
        return s;
    }

    private static int k(JsonNode part) { return part.get("k").asInt(); }

    private static int n(JsonNode part) { return part.get("n").asInt(); }

    private static int firstBatch(JsonNode part) { return part.get("first_batch").asInt(); }

    private static int endBatch(JsonNode part) { return part.get("end_batch").asInt(); }

    /** Gzip at the fastest level: a sum crosses the network once per reduction step. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
