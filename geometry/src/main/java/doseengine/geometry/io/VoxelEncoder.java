package doseengine.geometry.io;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a {@link Volume}'s samples in its own type, one fixed-size chunk at a time. */
final class VoxelEncoder {
    private VoxelEncoder() {}

    /** The stored type that holds this volume's values exactly. */
    static SampleType typeOf(Volume volume) {
        if (volume instanceof FloatVolume) {
            return SampleType.FLOAT32;
        }
        if (volume instanceof ShortVolume) {
            return SampleType.INT16;
        }
        return SampleType.UINT8;
    }

    /**
     * Refuses to write a float volume with a NaN or infinite voxel: no reader of this project would accept the
     * file, so the error belongs where the bad value is made, not where it is read.
     */
    static void requireWritable(Volume volume, Path file) {
        if (volume instanceof FloatVolume f) {
            int bad = f.firstNonFinite();
            if (bad >= 0) {
                VoxelGrid g = f.grid();
                int i = bad % g.nx(), j = (bad / g.nx()) % g.ny(), k = bad / (g.nx() * g.ny());
                throw new ImageFormatException(file, String.format(Locale.ROOT,
                        "refusing to write voxel (%d,%d,%d) = %s; NaN and infinite voxel values are not written",
                        i, j, k, f.data()[bad]));
            }
        }
    }

    static void encode(Volume volume, OutputStream out, ByteOrder order) throws IOException {
        int n = volume.grid().voxelCount();
        byte[] chunk = new byte[VoxelDecoder.CHUNK_BYTES];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(order);
        int bytes = typeOf(volume).bytes();
        int perChunk = chunk.length / bytes;
        for (int done = 0; done < n; done += perChunk) {
            int count = Math.min(n - done, perChunk);
            buf.clear();
            if (volume instanceof FloatVolume f) {
                buf.asFloatBuffer().put(f.data(), done, count);
            } else if (volume instanceof ShortVolume s) {
                buf.asShortBuffer().put(s.data(), done, count);
            } else {
                System.arraycopy(((ByteVolume) volume).data(), done, chunk, 0, count);
            }
            out.write(chunk, 0, count * bytes);
        }
    }
}
