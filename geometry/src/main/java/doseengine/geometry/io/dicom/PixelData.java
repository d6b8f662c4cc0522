package doseengine.geometry.io.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored values of one frame (PS3.3 C.7.6.3, PS3.5 8): one sample per pixel, 8, 16 or 32 bits allocated,
 * unsigned values masked to Bits Stored and signed ones sign-extended from it. Native Pixel Data is checked to
 * hold every frame; encapsulated frames (PS3.5 A.4) go to the JPEG lossless or RLE decoder. Modality rescale
 * is left to the series readers.
 */
public final class PixelData {
    private PixelData() {}

    /** Number of Frames (0028,0008), 1 when absent (PS3.3 C.7.6.6). */
    public static int frameCount(DicomDataset d) {
        Integer n = d.integer(Tag.NUMBER_OF_FRAMES);
        if (n == null) {
            return 1;
        }
        if (n < 1) {
            throw new DicomException(d.file(), Tag.describe(Tag.NUMBER_OF_FRAMES) + " is " + n + ", not a count");
        }
        return n;
    }

    /** The stored values of frame {@code index} (0-based), row major. */
    public static int[] frame(DicomFile f, int index) {
        DicomDataset d = f.dataset();
        Path file = f.path();
        Layout layout = Layout.of(d, file);
        int frames = frameCount(d);
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frames);
        }
        DicomElement pixels = d.element(Tag.PIXEL_DATA);
        if (pixels == null) {
            throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " is missing"
                    + (d.contains(Tag.FLOAT_PIXEL_DATA) || d.contains(Tag.DOUBLE_FLOAT_PIXEL_DATA)
                    ? " (float pixel data is not read)" : ""));
        }
        if (pixels.fragments() == null) {
            return native_(file, layout, pixels.value(), frames, index);
        }
        byte[] encoded = encapsulatedFrame(file, pixels.fragments(), frames, index);
        return switch (f.syntax()) {
            case RLE_LOSSLESS -> {
                byte[] decoded = RleDecoder.decode(file, encoded, layout.rows, layout.cols, layout.bitsAllocated);
                yield layout.values(decoded, 0);
            }
            case JPEG_LOSSLESS_SV1 -> {
                int[] samples = JpegLosslessDecoder.decode(file, encoded);
                if (samples.length != layout.pixels()) {
                    throw new DicomException(file, "frame " + index + " decodes to " + samples.length
                            + " samples, " + Tag.describe(Tag.ROWS) + " x " + Tag.describe(Tag.COLUMNS)
                            + " says " + layout.pixels());
                }
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = layout.stored(samples[i]);
                }
                yield samples;
            }
            default -> throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " is encapsulated but "
                    + f.syntax().uid() + " is not a compressed transfer syntax");
        };
    }

    private static int[] native_(Path file, Layout layout, byte[] value, int frames, int index) {
        long frameBytes = (long) layout.pixels() * layout.bytesPerSample();
        long needed = frameBytes * frames;
        // PS3.5 8.1.1: the value is padded to even length, so one byte more than needed is allowed
        if (value.length < needed || value.length > needed + 1) {
            throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " holds " + value.length + " bytes; "
                    + frames + " frame(s) of " + layout.rows + " x " + layout.cols + " x " + layout.bitsAllocated
                    + " bits need " + needed);
        }
        return layout.values(value, (int) (frameBytes * index));
    }

    /**
     * PS3.5 A.4: with a Basic Offset Table a frame starts at its offset (counted from the first fragment's
     * item tag); without one, one fragment per frame when the counts match, else a single frame is every
     * fragment concatenated.
     */
    static byte[] encapsulatedFrame(Path file, List<byte[]> fragments, int frames, int index) {
        if (fragments.isEmpty()) {
            throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " has no Basic Offset Table item");
        }
        byte[] table = fragments.get(0);
        List<byte[]> data = fragments.subList(1, fragments.size());
        if (data.isEmpty()) {
            throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " has no fragments");
        }
        if (table.length > 0) {
            if (table.length != 4 * frames) {
                throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " Basic Offset Table has "
                        + table.length / 4 + " offsets for " + frames + " frame(s)");
            }
            long start = u32(table, 4 * index);
            long end = index + 1 < frames ? u32(table, 4 * (index + 1)) : Long.MAX_VALUE;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long at = 0;
            boolean found = false;
            for (byte[] fragment : data) {
                if (at == start) {
                    found = true;
                }
                if (at >= start && at < end) {
                    out.writeBytes(fragment);
                }
                at += 8 + fragment.length;
            }
            if (!found) {
                throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " Basic Offset Table offset " + start
                        + " of frame " + index + " is not the start of a fragment");
            }
            return out.toByteArray();
        }
        if (data.size() == frames) {
            return data.get(index);
        }
        if (frames == 1) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            data.forEach(out::writeBytes);
            return out.toByteArray();
        }
        throw new DicomException(file, Tag.describe(Tag.PIXEL_DATA) + " has " + data.size() + " fragments for "
                + frames + " frames and no Basic Offset Table to split them");
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /** The Image Pixel module's attributes that say how values are stored (PS3.3 C.7.6.3). */
    private record Layout(int rows, int cols, int bitsAllocated, int bitsStored, boolean signed) {
        static Layout of(DicomDataset d, Path file) {
            Integer samples = d.integer(Tag.SAMPLES_PER_PIXEL);
            if (samples != null && samples != 1) {
                throw new DicomException(file, Tag.describe(Tag.SAMPLES_PER_PIXEL) + " is " + samples
                        + "; only single-sample (grayscale) images are read");
            }
            int rows = d.requireInteger(Tag.ROWS);
            int cols = d.requireInteger(Tag.COLUMNS);
            int allocated = d.requireInteger(Tag.BITS_ALLOCATED);
            if (allocated != 8 && allocated != 16 && allocated != 32) {
                throw new DicomException(file, Tag.describe(Tag.BITS_ALLOCATED) + " is " + allocated
                        + "; 8, 16 or 32 are read");
            }
            Integer storedOrNull = d.integer(Tag.BITS_STORED);
            int stored = storedOrNull == null ? allocated : storedOrNull;
            if (stored < 1 || stored > allocated) {
                throw new DicomException(file, Tag.describe(Tag.BITS_STORED) + " is " + stored + " with "
                        + Tag.describe(Tag.BITS_ALLOCATED) + " " + allocated);
            }
            Integer rep = d.integer(Tag.PIXEL_REPRESENTATION);
            if (rep != null && rep != 0 && rep != 1) {
                throw new DicomException(file, Tag.describe(Tag.PIXEL_REPRESENTATION) + " is " + rep + ", not 0 or 1");
            }
            if (rows < 1 || cols < 1) {
                throw new DicomException(file, Tag.describe(Tag.ROWS) + " x " + Tag.describe(Tag.COLUMNS) + " is "
                        + rows + " x " + cols);
            }
            return new Layout(rows, cols, allocated, stored, rep != null && rep == 1);
        }

        int pixels() { return rows * cols; }

        int bytesPerSample() { return bitsAllocated / 8; }

        /** Masks to Bits Stored, sign-extending a signed value from its top stored bit. */
        int stored(int raw) {
            if (bitsStored == 32) {
                return raw;
            }
            int shift = 32 - bitsStored;
            return signed ? (raw << shift) >> shift : raw & (int) ((1L << bitsStored) - 1);
        }

        int[] values(byte[] b, int offset) {
            int n = pixels();
            int[] v = new int[n];
            switch (bitsAllocated) {
                case 8 -> {
                    for (int i = 0; i < n; i++) v[i] = stored(b[offset + i] & 0xFF);
                }
                case 16 -> {
                    for (int i = 0, j = offset; i < n; i++, j += 2) v[i] = stored((b[j] & 0xFF) | (b[j + 1] & 0xFF) << 8);
                }
                default -> {
                    for (int i = 0, j = offset; i < n; i++, j += 4) {
                        v[i] = stored((b[j] & 0xFF) | (b[j + 1] & 0xFF) << 8 | (b[j + 2] & 0xFF) << 16 | b[j + 3] << 24);
                    }
                }
            }
            return v;
        }
    }
}
