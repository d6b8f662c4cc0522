package doseengine.geometry.io.dicom;

import java.nio.file.Path;

/**
 * One frame of RLE Lossless (transfer syntax 1.2.840.10008.1.2.5) back to native little-endian pixel bytes,
 * DICOM PS3.5 Annex G, for one sample per pixel.
 *
 * <p>The frame starts with a 64-byte header (PS3.5 G.5): the number of segments and 15 segment offsets, all
 * unsigned 32-bit little endian. Each segment holds one byte plane of the image, the most significant byte
 * first (PS3.5 G.2), PackBits encoded (PS3.5 G.3.1). Strict: a segment count that does not match Bits
 * Allocated, an offset outside the frame or a segment that does not decode to exactly rows*cols bytes is a
 * {@link DicomException}, never a picture of garbage.
 */
public final class RleDecoder {
    private static final int HEADER_BYTES = 64;
    private static final int MAX_SEGMENTS = 15;

    private RleDecoder() {}

    /**
     * @param file          the file the frame came from (for the message)
     * @param frame         the frame's encapsulated bytes (its fragments concatenated)
     * @param rows          (0028,0010) Rows
     * @param cols          (0028,0011) Columns
     * @param bitsAllocated (0028,0100) Bits Allocated: 8, 16 or 32
     * @return rows*cols samples of bitsAllocated/8 bytes each, little endian
     */
    public static byte[] decode(Path file, byte[] frame, int rows, int cols, int bitsAllocated) {
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new DicomException(file, "RLE Lossless with Bits Allocated " + bitsAllocated
                    + " is not read (8, 16 or 32)");
        }
        if (rows <= 0 || cols <= 0) {
            throw new DicomException(file, "RLE Lossless frame of " + rows + " x " + cols + " pixels");
        }
        if (frame.length < HEADER_BYTES) {
            throw new DicomException(file, "RLE frame of " + frame.length
                    + " bytes is shorter than the 64-byte RLE header (PS3.5 G.5)");
        }
        int bytesPerSample = bitsAllocated / 8;
        long segmentCount = readUint32(frame, 0);
        // PS3.5 G.2: one segment per byte of a sample, per sample per pixel; we read one sample per pixel.
        if (segmentCount != bytesPerSample) {
            throw new DicomException(file, "RLE header says " + segmentCount + " segments, but Bits Allocated "
                    + bitsAllocated + " with one sample per pixel needs " + bytesPerSample + " (PS3.5 G.2)");
        }
        long[] offsets = new long[bytesPerSample + 1];
        for (int s = 0; s < bytesPerSample; s++) {
            offsets[s] = readUint32(frame, 4 + 4 * s);
        }
        offsets[bytesPerSample] = frame.length;
        if (offsets[0] != HEADER_BYTES) {
            throw new DicomException(file, "RLE segment 1 starts at offset " + offsets[0]
                    + ", not right after the 64-byte header (PS3.5 G.5)");
        }
        for (int s = 1; s < bytesPerSample; s++) {
            if (offsets[s] <= offsets[s - 1] || offsets[s] >= frame.length) {
                throw new DicomException(file, "RLE segment " + (s + 1) + " offset " + offsets[s]
                        + " is out of range (segment " + s + " starts at " + offsets[s - 1] + ", frame has "
                        + frame.length + " bytes)");
            }
        }

        int pixels = Math.multiplyExact(rows, cols);
        byte[] out = new byte[Math.multiplyExact(pixels, bytesPerSample)];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < bytesPerSample; s++) {
            unpackBits(file, frame, (int) offsets[s], (int) offsets[s + 1], plane, s + 1);
            // Segment 0 is the most significant byte (PS3.5 G.2); native little endian puts it last.
            int byteInSample = bytesPerSample - 1 - s;
            for (int i = 0, o = byteInSample; i < pixels; i++, o += bytesPerSample) {
                out[o] = plane[i];
            }
        }
        return out;
    }

    /**
     * PackBits (PS3.5 G.3.1): header n in 0..127 copies the next n+1 bytes, -127..-1 repeats the next byte
     * 1-n times, -128 does nothing. The segment must fill {@code plane} exactly; one byte may be left over
     * because segments are padded to even length (PS3.5 G.5).
     */
    private static void unpackBits(Path file, byte[] in, int start, int end, byte[] plane, int segmentNumber) {
        int pos = start;
        int filled = 0;
        int wanted = plane.length;
        while (pos < end && filled < wanted) {
            int n = in[pos++];
            if (n >= 0) {
                int count = n + 1;
                if (pos + count > end) {
                    throw new DicomException(file, "RLE segment " + segmentNumber + " ends inside a literal run of "
                            + count + " bytes (PS3.5 G.3.1)");
                }
                if (filled + count > wanted) {
                    throw tooMany(file, segmentNumber, filled + count, wanted);
                }
                System.arraycopy(in, pos, plane, filled, count);
                pos += count;
                filled += count;
            } else if (n != -128) {
                int count = 1 - n;
                if (pos >= end) {
                    throw new DicomException(file, "RLE segment " + segmentNumber
                            + " ends before the byte of a replicate run (PS3.5 G.3.1)");
                }
                if (filled + count > wanted) {
                    throw tooMany(file, segmentNumber, filled + count, wanted);
                }
                byte value = in[pos++];
                for (int i = 0; i < count; i++) {
                    plane[filled++] = value;
                }
            }
        }
        if (filled < wanted) {
            throw new DicomException(file, "RLE segment " + segmentNumber + " decodes to " + filled
                    + " bytes, the image needs " + wanted + " (rows*columns)");
        }
        // Whatever is left must be padding: at most one byte, or no-op headers (-128).
        int left = end - pos;
        if (left > 1) {
            for (int p = pos; p < end; p++) {
                if (in[p] != (byte) 0x80) {
                    throw new DicomException(file, "RLE segment " + segmentNumber + " holds " + left
                            + " more bytes after the " + wanted + " the image needs (rows*columns)");
                }
            }
        }
    }

    private static DicomException tooMany(Path file, int segmentNumber, int atLeast, int wanted) {
        return new DicomException(file, "RLE segment " + segmentNumber + " decodes to at least " + atLeast
                + " bytes, more than the " + wanted + " the image needs (rows*columns)");
    }

    private static long readUint32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
