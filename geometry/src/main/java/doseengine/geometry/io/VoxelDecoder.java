package doseengine.geometry.io;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a stream of stored samples into a {@link Volume}, one fixed-size chunk at a time, so reading a
 * 600 MB CT costs the voxel array plus {@link #CHUNK_BYTES}, never a second full copy.
 *
 * <p>The volume type follows the stored type, so nothing is rounded or clipped on the way in:
 * unscaled uint8 becomes a {@link ByteVolume}; unscaled int8 and int16 a {@link ShortVolume}; every other
 * type (uint16 and (u)int32 do not fit a short, float64 is narrowed) and every rescaled image a
 * {@link FloatVolume}. Float volumes are checked for NaN and infinite voxels, which no dose calculation can
 * use; the first one is reported by its (i,j,k) index.
 */
final class VoxelDecoder {
    /** Chunk size: a multiple of every sample size, large enough that per-call overhead vanishes. */
    static final int CHUNK_BYTES = 1 << 20;

    private VoxelDecoder() {}

    /**
     * Reads exactly {@code grid.voxelCount()} samples from {@code in}.
     *
     * @throws ImageFormatException when the stream ends early or a float voxel is not finite
     * @throws IOException from the stream (the caller names the file)
     */
    static Volume decode(InputStream in, VoxelGrid grid, SampleType type, ByteOrder order, Rescale rescale,
            Path file) throws IOException {
        int n = grid.voxelCount();
        Volume volume;
        if (rescale.isIdentity() && type == SampleType.UINT8) {
            volume = new ByteVolume(grid);
        } else if (rescale.isIdentity() && (type == SampleType.INT8 || type == SampleType.INT16)) {
            volume = new ShortVolume(grid);
        } else {
            volume = new FloatVolume(grid);
        }
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(order);
        int perChunk = CHUNK_BYTES / type.bytes();
        for (int done = 0; done < n; ) {
            int count = Math.min(n - done, perChunk);
            int want = count * type.bytes();
            int got = Streams.readFully(in, chunk, want);
            if (got < want) {
                long have = (long) done * type.bytes() + got;
                throw new ImageFormatException(file, String.format(Locale.ROOT,
                        "truncated: voxel data ends after %d of the %d bytes the header describes (%d x %d x %d %s)",
                        have, (long) n * type.bytes(), grid.nx(), grid.ny(), grid.nz(), type));
            }
            convert(buf, type, rescale, count, volume, done);
            done += count;
        }
        if (volume instanceof FloatVolume f) {
            requireFinite(f, file);
        }
        return volume;
    }

    private static void convert(ByteBuffer buf, SampleType type, Rescale rescale, int count, Volume target,
            int offset) {
        buf.clear();
        if (target instanceof ByteVolume b) {
            System.arraycopy(buf.array(), 0, b.data(), offset, count);
            return;
        }
        if (target instanceof ShortVolume s) {
            short[] d = s.data();
            if (type == SampleType.INT16) {
                buf.asShortBuffer().get(d, offset, count);
            } else {
                byte[] a = buf.array();
                for (int v = 0; v < count; v++) {
                    d[offset + v] = a[v];
                }
            }
            return;
        }
        float[] f = ((FloatVolume) target).data();
        if (type == SampleType.FLOAT32 && rescale.isIdentity()) {
            buf.asFloatBuffer().get(f, offset, count);
            return;
        }
        double slope = rescale.slope(), inter = rescale.intercept();
        for (int v = 0; v < count; v++) {
            double stored = switch (type) {
                case UINT8 -> buf.get(v) & 0xFF;
                case INT8 -> buf.get(v);
                case INT16 -> buf.getShort(2 * v);
                case UINT16 -> buf.getShort(2 * v) & 0xFFFF;
                case INT32 -> buf.getInt(4 * v);
                case UINT32 -> buf.getInt(4 * v) & 0xFFFFFFFFL;
                case FLOAT32 -> buf.getFloat(4 * v);
                case FLOAT64 -> buf.getDouble(8 * v);
            };
            f[offset + v] = (float) (slope * stored + inter);
        }
    }

    private static void requireFinite(FloatVolume volume, Path file) {
        int bad = volume.firstNonFinite();
        if (bad >= 0) {
            VoxelGrid g = volume.grid();
            int i = bad % g.nx(), j = (bad / g.nx()) % g.ny(), k = bad / (g.nx() * g.ny());
            throw new ImageFormatException(file, String.format(Locale.ROOT,
                    "voxel (%d,%d,%d) is %s as a 32-bit float; NaN and infinite voxel values are refused",
                    i, j, k, volume.data()[bad]));
        }
    }
}
