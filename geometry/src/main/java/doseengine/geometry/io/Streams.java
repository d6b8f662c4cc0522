package doseengine.geometry.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/** Small stream helpers shared by the readers and writers, and the one place I/O failures get their words. */
final class Streams {
    /** Buffer of the compressed streams; the decoders read in {@link VoxelDecoder#CHUNK_BYTES} anyway. */
    static final int BUFFER_BYTES = 1 << 16;
    /**
     * Deflate level of written .nii.gz and compressed MetaImage files: level 1 is several times faster than
     * the default 6 on CT and dose data and only a little larger, and a 600 MB volume is written often.
     */
    static final int COMPRESSION_LEVEL = 1;

    private Streams() {}

    /** A gzip stream at {@link #COMPRESSION_LEVEL}. */
    static OutputStream gzip(OutputStream raw) throws IOException {
        return new GZIPOutputStream(raw, BUFFER_BYTES) {
            {
                def.setLevel(COMPRESSION_LEVEL);
            }
        };
    }

    /** Reads up to {@code len} bytes into the start of {@code b}; fewer only at end of stream. */
    static int readFully(InputStream in, byte[] b, int len) throws IOException {
        int got = 0;
        while (got < len) {
            int r = in.read(b, got, len - got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        return got;
    }

    /** Skips {@code n} bytes; returns how many could be skipped before the end of the stream. */
    static long skipFully(InputStream in, long n) throws IOException {
        byte[] scratch = null;
        long done = 0;
        while (done < n) {
            long s = in.skip(n - done);
            if (s > 0) {
                done += s;
                continue;
            }
            // skip() may return 0 before the end (compressed streams): read to tell the end from a pause.
            if (scratch == null) {
                scratch = new byte[8192];
            }
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw readFailure(file, e, "");
        }
    }

    /**
     * The user-facing error for an I/O failure while reading {@code file}.
     *
     * @param compression "gzip" or "zlib" when the failing stream was compressed, else ""
     */
    static ImageFormatException readFailure(Path file, IOException e, String compression) {
        if (e instanceof NoSuchFileException) {
            return new ImageFormatException(file, "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ImageFormatException(file, "permission denied", e);
        }
        if (e instanceof ZipException) {
            return new ImageFormatException(file, "corrupt " + (compression.isEmpty() ? "compressed" : compression)
                    + " data (" + e.getMessage() + ")", e);
        }
        if (e instanceof EOFException && !compression.isEmpty()) {
            return new ImageFormatException(file, "truncated: the " + compression
                    + " stream ends before its end marker", e);
        }
        if (e instanceof EOFException) {
            return new ImageFormatException(file, "truncated: the file ends early", e);
        }
        return new ImageFormatException(file, "cannot read: " + e, e);
    }

    /** The user-facing error for an I/O failure while writing {@code file}. */
    static ImageFormatException writeFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ImageFormatException(file, "cannot write: the directory does not exist", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ImageFormatException(file, "cannot write: permission denied", e);
        }
        return new ImageFormatException(file, "cannot write: " + e, e);
    }
}
