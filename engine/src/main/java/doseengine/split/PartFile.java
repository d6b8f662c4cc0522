package doseengine.split;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.tally.BatchMoments;
import doseengine.tally.VoxelBatchTally;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A part file, {@code part-K-of-N.dep}: what one part of a split decay-count run contributes to the whole run,
 * exactly. Gzip of:
 * <ol>
 * <li>one line of UTF-8 JSON, the header: {@code format} ({@value #FORMAT}), {@code run} (what every part of the
 * run shares: physics version, command and its arguments, the inputs with their SHA-256, seed, decays, batches,
 * decays per batch, method, cutoffs, grid, label names) and {@code part} (K, N, the batch range [b0, b1), and per
 * batch its index, decays, and the backend and device that ran it);</li>
 * <li>the exact batch sums ({@link BatchMoments#writeExact}, little endian, 32 bytes per bin) of the voxels, the
 * named labels (when there are any) and the energy balance (3 bins);</li>
 * <li>per batch of the part, each named label's total and the deposited, escaped and emitted counters (longs,
 * little endian, fixed-point units);</li>
 * <li>the SHA-256 of everything above (uncompressed), so that a truncated or altered file is refused.</li>
 * </ol>
 * Written to a temporary file in the same folder and renamed, so a part file is either whole or absent.
 */
public final class PartFile {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A header longer than this is not one of ours. */
    private static final int MAX_HEADER_BYTES = 64 << 20;

    private PartFile() {}

    /** One part as read: its header and its exact sums. */
    public record Part(Path file, ObjectNode header, BatchMoments voxels, BatchMoments labels, BatchMoments balance,
                       List<long[]> counters) {
        public JsonNode run() { return header.get("run"); }

        public JsonNode part() { return header.get("part"); }

        public int k() { return part().get("k").asInt(); }

        public int n() { return part().get("n").asInt(); }

        public int firstBatch() { return part().get("first_batch").asInt(); }

        public int endBatch() { return part().get("end_batch").asInt(); }

        /** Whether this is a checkpoint of an unfinished run ({@link CheckpointFile}) rather than a finished part. */
        public boolean isCheckpoint() { return header.has("checkpoint"); }
    }

    /**
     * Writes the part: {@code header} must hold {@code run.voxels}, {@code run.label_names}, {@code part.first_batch}
     * and {@code part.end_batch} matching the tally.
     */
    public static void write(Path file, ObjectNode header, VoxelBatchTally tally) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would carry over to the part file.
            tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime()
                    + ".tmp");
            MessageDigest sha = sha256();
            try (OutputStream gz = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16),
                    1 << 16)) {
                DigestOutputStream out = new DigestOutputStream(gz, sha);
                out.write(JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                tally.voxelMoments().writeExact(out);
                if (tally.labelMoments() != null) {
                    tally.labelMoments().writeExact(out);
                }
                tally.balanceMoments().writeExact(out);
                for (long[] c : tally.batchCounters()) {
                    out.write(littleEndian(c));
                }
                out.flush();
                gz.write(sha.digest());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write the part file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write failed already; that is the error reported
                }
            }
        }
    }

    /** Reads a part file; one line naming the file when it is not a whole, unaltered part file. */
    public static Part read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such part file");
        }
        MessageDigest sha = sha256();
        try (InputStream raw = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
            DigestInputStream in = new DigestInputStream(raw, sha);
            ObjectNode header = readHeader(file, in);
            JsonNode run = header.get("run");
            JsonNode part = header.get("part");
            int voxels = run.get("voxels").asInt();
            int labels = run.get("label_names").size();
            long n = run.get("decays_per_batch").asLong();
            int batches = part.get("end_batch").asInt() - part.get("first_batch").asInt();
            if (voxels <= 0 || batches <= 0 || n <= 0) {
                throw corrupted(file, "its header holds no batches");
            }
            BatchMoments v = BatchMoments.readExact(in, voxels, batches, n);
            BatchMoments l = labels == 0 ? null : BatchMoments.readExact(in, labels, batches, n);
            BatchMoments b = BatchMoments.readExact(in, 3, batches, n);
            List<long[]> counters = new ArrayList<>();
            byte[] row = new byte[8 * (labels + 3)];
            for (int i = 0; i < batches; i++) {
                if (in.readNBytes(row, 0, row.length) < row.length) {
                    throw new java.io.EOFException("ends within the batch counters");
                }
                long[] c = new long[labels + 3];
                ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(c);
                counters.add(c);
            }
            byte[] expected = sha.digest();
            byte[] stored = raw.readNBytes(32);
            if (!Arrays.equals(expected, stored)) {
                throw corrupted(file, stored.length < 32 ? "it is truncated" : "its SHA-256 does not match its content");
            }
            if (raw.read() >= 0) {
                throw corrupted(file, "it goes on after its SHA-256");
            }
            return new Part(file, header, v, l, b, counters);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupted(file, "it is truncated or damaged (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static ObjectNode readHeader(Path file, InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0 || line.size() > MAX_HEADER_BYTES) {
                throw corrupted(file, "it has no header line (not a part file, or truncated)");
            }
            line.write(c);
        }
        JsonNode h;
        try {
            h = JSON.readTree(line.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw corrupted(file, "its header is not JSON");
        }
        if (!(h instanceof ObjectNode o) || !h.has("format") || !h.has("run") || !h.has("part")) {
            throw corrupted(file, "its header is not that of a part file");
        }
        if (h.get("format").asInt() != FORMAT) {
            throw new BadInputException(file + ": part file format " + h.get("format") + ", this program reads "
                    + FORMAT);
        }
        return o;
    }

    private static BadInputException corrupted(Path file, String why) {
        return new BadInputException(file + ": not a usable part file: " + why);
    }

    private static byte[] littleEndian(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return b.array();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
