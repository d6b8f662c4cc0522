package doseengine.geometry.io;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes 3-D images by file name: NIfTI-1 and MetaImage.
 *
 * <p>Reading gives the narrowest volume that holds the stored values exactly: uint8 gives a
 * {@link ByteVolume}; int8 and int16 a {@link ShortVolume}; uint16, (u)int32, float32 and float64 a
 * {@link FloatVolume} (float64 and int32 beyond 2^24 are rounded to float); any image with a NIfTI scl_slope
 * other than 0 or 1, or scl_inter other than 0, a {@link FloatVolume}. Writing keeps the volume's type:
 * float32, int16 or uint8.
 *
 * <p>Geometry is LPS mm with the origin at the centre of the first voxel ({@link doseengine.geometry.VoxelGrid});
 * each format's conversion is documented in its reader. Every problem with a file is an
 * {@link ImageFormatException} whose message names the file.
 */
public final class ImageFiles {
    /** File name endings {@link #read} understands. */
    public static final String READ_EXTENSIONS = ".nii, .nii.gz, .hdr/.img (NIfTI-1 pair), .mhd, .mha";
    /** File name endings {@link #write} understands. */
    public static final String WRITE_EXTENSIONS = ".nii, .nii.gz, .mhd (with .raw), .mha";

    private ImageFiles() {}

    public static Volume read(Path file) {
        return switch (format(file, true)) {
            case NIFTI -> NiftiReader.read(file);
            case METAIMAGE -> MetaImageReader.read(file);
        };
    }

    /** Writes uncompressed MetaImage, or NIfTI gzipped when the name ends in .gz. */
    public static void write(Path file, Volume volume) {
        switch (format(file, false)) {
            case NIFTI -> NiftiWriter.write(file, volume);
            case METAIMAGE -> MetaImageWriter.write(file, volume, false);
        }
    }

    private enum Format { NIFTI, METAIMAGE }

    private static Format format(Path file, boolean reading) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
            return Format.NIFTI;
        }
        if (reading && (n.endsWith(".hdr") || n.endsWith(".img") || n.endsWith(".hdr.gz") || n.endsWith(".img.gz"))) {
            return Format.NIFTI;
        }
        if (n.endsWith(".mhd") || n.endsWith(".mha")) {
            return Format.METAIMAGE;
        }
        throw new ImageFormatException(file, "unknown image format; supported file names end in "
                + (reading ? READ_EXTENSIONS : WRITE_EXTENSIONS));
    }
}
