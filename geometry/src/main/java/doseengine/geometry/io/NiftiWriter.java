package doseengine.geometry.io;

import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes single-file NIfTI-1 images ({@code .nii}, or gzipped {@code .nii.gz}), little-endian, in the volume's
 * own type: float32, int16 or uint8. The sform and the qform both carry the full geometry (code 1, scanner
 * anatomical), converted from the grid's LPS to NIfTI's RAS, so readers that honour either agree; xyzt_units
 * says mm; scl_slope = 1, scl_inter = 0.
 */
public final class NiftiWriter {
    private NiftiWriter() {}

    public static void write(Path file, Volume volume) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".nii.gz");
        if (!gzip && !name.endsWith(".nii")) {
            throw new ImageFormatException(file, "a NIfTI-1 file name must end in .nii or .nii.gz");
        }
        VoxelEncoder.requireWritable(volume, file);
        byte[] header = header(volume, file);
        boolean done = false;
        try {
            try (OutputStream raw = Files.newOutputStream(file);
                 OutputStream out = gzip
                         ? Streams.gzip(raw)
                         : new BufferedOutputStream(raw, Streams.BUFFER_BYTES)) {
                out.write(header);
                VoxelEncoder.encode(volume, out, ByteOrder.LITTLE_ENDIAN);
            }
            done = true;
        } catch (IOException e) {
            throw Streams.writeFailure(file, e);
        } finally {
            if (!done) {
                deleteQuietly(file);
            }
        }
    }

    static byte[] header(Volume volume, Path file) {
        VoxelGrid g = volume.grid();
        int limit = Short.MAX_VALUE;
        if (g.nx() > limit || g.ny() > limit || g.nz() > limit) {
            throw new ImageFormatException(file, "dimensions " + g.nx() + " x " + g.ny() + " x " + g.nz()
                    + " exceed NIfTI-1's limit of " + limit + " per axis");
        }
        SampleType type = VoxelEncoder.typeOf(volume);
        short datatype = switch (type) {
            case FLOAT32 -> 16;
            case INT16 -> 4;
            default -> 2;
        };
        // LPS -> RAS: negate the x and y rows of the direction matrix and origin.
        double[] d = g.direction();
        double[] o = g.origin();
        double[] s = g.spacing();
        for (int c = 0; c < 6; c++) {
            d[c] = -d[c];
        }
        o[0] = -o[0];
        o[1] = -o[1];
        double[] sform = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                sform[4 * r + c] = d[3 * r + c] * s[c];
            }
            sform[4 * r + 3] = o[r];
        }
        double[] quatern = NiftiQuaternion.fromMatrix(d);
        short[] dims = {3, (short) g.nx(), (short) g.ny(), (short) g.nz(), 1, 1, 1, 1};
        return NiftiHeader.encode(dims, datatype, (short) (8 * type.bytes()), s, quatern, o, sform);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The write error already reported is the one the user needs.
        }
    }
}
