package doseengine.geometry.io;

import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads NIfTI-1 images: single files ({@code .nii}, {@code .nii.gz}) and header/image pairs
 * ({@code .hdr}/{@code .img}, each optionally gzipped), in either byte order.
 *
 * <p>Geometry, in the order of precedence of the NIfTI-1 standard: the sform affine when sform_code &gt; 0,
 * else the qform quaternion (with qfac from pixdim[0]) when qform_code &gt; 0, else pixdim alone ("method
 * 1": x = pixdim[1] i, y = pixdim[2] j, z = pixdim[3] k, taken as RAS like nifti1_io and ITK do). NIfTI
 * world coordinates are RAS+; a {@link VoxelGrid} is LPS, so the first two rows of the affine are negated.
 * Spatial units from xyzt_units (metres and microns are converted; "unknown" is taken as mm).
 *
 * <p>Values: scl_slope = 0 (or not a finite number, as nibabel writes) means unscaled, per the standard;
 * otherwise {@code value = scl_slope * stored + scl_inter}, and the image becomes a float volume. The volume
 * type follows {@link VoxelDecoder}. Extensions between byte 352 and vox_offset are skipped unread.
 */
public final class NiftiReader {
    private NiftiReader() {}

    /** Reads the image; every problem with the file is an {@link ImageFormatException} naming it. */
    public static Volume read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        Path headerFile = file;
        Path dataFile = file;
        if (base.endsWith(".hdr")) {
            dataFile = sibling(file, ".img");
        } else if (base.endsWith(".img")) {
            headerFile = sibling(file, ".hdr");
        } else if (!base.endsWith(".nii")) {
            throw new ImageFormatException(file, "not a NIfTI-1 file name (.nii, .nii.gz, .hdr or .img expected)");
        }
        Path current = headerFile;
        try (InputStream headerIn = open(headerFile)) {
            byte[] h = new byte[NiftiHeader.SIZE];
            int got = Streams.readFully(headerIn, h, h.length);
            if (got < h.length) {
                throw new ImageFormatException(headerFile, "truncated: the file holds " + got
                        + " bytes, a NIfTI-1 header needs " + NiftiHeader.SIZE);
            }
            NiftiHeader hdr = NiftiHeader.parse(h, headerFile);
            SampleType type = sampleType(hdr, headerFile);
            VoxelGrid grid = grid(hdr, headerFile);
            Rescale rescale = rescale(hdr, headerFile);
            long offset = voxOffset(hdr, headerFile);
            if (hdr.singleFile) {
                if (!base.endsWith(".nii") && !base.endsWith(".hdr")) {
                    throw new ImageFormatException(headerFile, "magic \"n+1\" puts the voxels in the header file, "
                            + "read it by that name");
                }
                return readData(headerIn, NiftiHeader.SIZE, headerFile, offset, grid, type, hdr, rescale);
            }
            if (base.endsWith(".nii")) {
                throw new ImageFormatException(headerFile, "magic \"ni1\" says the voxels are in a separate .img "
                        + "file, but this is a single-file .nii name");
            }
            current = dataFile;
            try (InputStream dataIn = open(dataFile)) {
                return readData(dataIn, 0, dataFile, offset, grid, type, hdr, rescale);
            }
        } catch (IOException e) {
            throw Streams.readFailure(current, e, isGzip(current) ? "gzip" : "");
        }
    }

    /**
     * Reads the voxels from {@code in}, which has already delivered {@code position} bytes, and checks that the
     * data is exactly as long as the header says.
     */
    private static Volume readData(InputStream in, long position, Path dataFile, long offset, VoxelGrid grid,
            SampleType type, NiftiHeader hdr, Rescale rescale) throws IOException {
        long need = (long) grid.voxelCount() * type.bytes();
        if (!isGzip(dataFile)) {
            // Sizes are known up front for a plain file: report the shortfall before reading anything.
            long have = Streams.size(dataFile) - offset;
            requireLength(dataFile, have, need, offset, grid, type);
        }
        long skipped = Streams.skipFully(in, offset - position);
        if (skipped < offset - position) {
            throw new ImageFormatException(dataFile, "truncated: the file ends at byte " + (position + skipped)
                    + ", before the voxel data at vox_offset " + offset);
        }
        Volume v = VoxelDecoder.decode(in, grid, type, hdr.order, rescale, dataFile);
        if (in.read() >= 0) {
            throw new ImageFormatException(dataFile, String.format(Locale.ROOT,
                    "header/data size mismatch: more than the %d bytes of voxel data the header describes "
                            + "(%d x %d x %d %s) follow vox_offset %d", need, grid.nx(), grid.ny(), grid.nz(), type,
                    offset));
        }
        return v;
    }

    private static void requireLength(Path file, long have, long need, long offset, VoxelGrid grid, SampleType type) {
        String what = String.format(Locale.ROOT, "%d x %d x %d %s need %d bytes after vox_offset %d", grid.nx(),
                grid.ny(), grid.nz(), type, need, offset);
        if (have < need) {
            throw new ImageFormatException(file, "truncated: " + what + ", the file holds " + Math.max(0, have));
        }
        if (have > need) {
            throw new ImageFormatException(file, "header/data size mismatch: " + what + ", the file holds " + have);
        }
    }

    private static SampleType sampleType(NiftiHeader h, Path file) {
        SampleType t = switch (h.datatype) {
            case 2 -> SampleType.UINT8;
            case 4 -> SampleType.INT16;
            case 8 -> SampleType.INT32;
            case 16 -> SampleType.FLOAT32;
            case 64 -> SampleType.FLOAT64;
            case 256 -> SampleType.INT8;
            case 512 -> SampleType.UINT16;
            case 768 -> SampleType.UINT32;
            default -> throw new ImageFormatException(file, "unsupported datatype " + h.datatype + " ("
                    + datatypeName(h.datatype) + "); supported: uint8, int8, int16, uint16, int32, uint32, "
                    + "float32, float64");
        };
        if (h.bitpix != 8 * t.bytes()) {
            throw new ImageFormatException(file, "bitpix " + h.bitpix + " contradicts datatype " + t + " ("
                    + 8 * t.bytes() + " bits)");
        }
        return t;
    }

    private static String datatypeName(int code) {
        return switch (code) {
            case 0 -> "unknown";
            case 1 -> "binary";
            case 32 -> "complex64";
            case 128 -> "rgb24";
            case 1024 -> "int64";
            case 1280 -> "uint64";
            case 1536 -> "float128";
            case 1792 -> "complex128";
            case 2048 -> "complex256";
            case 2304 -> "rgba32";
            default -> "not a NIfTI-1 datatype";
        };
    }

    private static VoxelGrid grid(NiftiHeader h, Path file) {
        int ndim = h.dim[0];
        if (ndim < 3 || ndim > 7) {
            throw new ImageFormatException(file, "dim[0] = " + ndim + ": only 3-D images (dim[0] = 3, or more with "
                    + "every extra dimension 1) are supported");
        }
        for (int d = 4; d <= ndim; d++) {
            if (h.dim[d] != 1) {
                throw new ImageFormatException(file, "dim[" + d + "] = " + h.dim[d] + ": only one 3-D volume "
                        + "per file is supported (a 4-D series must have dim[4] = 1)");
            }
        }
        int nx = h.dim[1], ny = h.dim[2], nz = h.dim[3];
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new ImageFormatException(file, "image dimensions " + nx + " x " + ny + " x " + nz
                    + " must be positive");
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new ImageFormatException(file, nx + " x " + ny + " x " + nz + " voxels exceed the "
                    + (Integer.MAX_VALUE - 8) + " one volume can hold");
        }
        double unit = unitMm(h, file);
        if (h.sformCode > 0) {
            double[] m = new double[9];
            double[] t = new double[3];
            for (int r = 0; r < 3; r++) {
                // RAS -> LPS: negate the x and y rows.
                double flip = r < 2 ? -unit : unit;
                for (int c = 0; c < 3; c++) {
                    m[3 * r + c] = flip * h.srow[4 * r + c];
                }
                t[r] = flip * h.srow[4 * r + 3];
            }
            return GridGeometry.fromAffine(file, "sform affine", nx, ny, nz, m, t);
        }
        double[] spacing = {h.pixdim[1] * unit, h.pixdim[2] * unit, h.pixdim[3] * unit};
        if (h.qformCode > 0) {
            double qfac = h.pixdim[0] < 0 ? -1 : 1;
            double[] r = NiftiQuaternion.toMatrix(h.quaternB, h.quaternC, h.quaternD, qfac);
            if (r == null) {
                throw new ImageFormatException(file, String.format(Locale.ROOT,
                        "qform quaternion (b,c,d) = (%s, %s, %s) is longer than 1: not a rotation",
                        h.quaternB, h.quaternC, h.quaternD));
            }
            for (int c = 0; c < 6; c++) {
                r[c] = -r[c];
            }
            double[] origin = {-h.qoffset[0] * unit, -h.qoffset[1] * unit, h.qoffset[2] * unit};
            return GridGeometry.fromSpacing(file, "qform rotation", nx, ny, nz, spacing, origin, r);
        }
        double[] lpsOfRasAxes = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        return GridGeometry.fromSpacing(file, "pixdim", nx, ny, nz, spacing, new double[3], lpsOfRasAxes);
    }

    private static double unitMm(NiftiHeader h, Path file) {
        return switch (h.xyztUnits & 0x07) {
            case 0, 2 -> 1; // unknown is taken as mm, as every reader does
            case 1 -> 1000; // metres
            case 3 -> 1e-3; // microns
            default -> throw new ImageFormatException(file, "xyzt_units " + h.xyztUnits
                    + " names no spatial unit (metre, mm or micron)");
        };
    }

    private static Rescale rescale(NiftiHeader h, Path file) {
        if (h.sclSlope == 0 || !Float.isFinite(h.sclSlope)) {
            return Rescale.IDENTITY;
        }
        if (!Float.isFinite(h.sclInter)) {
            throw new ImageFormatException(file, "scl_inter is " + h.sclInter + " with scl_slope " + h.sclSlope
                    + ": cannot scale the voxel values");
        }
        return new Rescale(h.sclSlope, h.sclInter);
    }

    private static long voxOffset(NiftiHeader h, Path file) {
        float v = h.voxOffset;
        long min = h.singleFile ? NiftiHeader.SINGLE_FILE_DATA_OFFSET : 0;
        if (!Float.isFinite(v) || v != Math.rint(v) || v < min) {
            throw new ImageFormatException(file, "vox_offset " + v + " must be a whole number of bytes >= " + min);
        }
        return (long) v;
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static Path sibling(Path file, String ext) {
        String n = file.getFileName().toString();
        boolean gz = n.toLowerCase(Locale.ROOT).endsWith(".gz");
        String stem = n.substring(0, n.length() - (gz ? 7 : 4));
        // Keep the case of the given extension: "X.HDR" pairs with "X.IMG".
        String given = n.substring(stem.length(), stem.length() + 4);
        String e = Character.isUpperCase(given.charAt(1)) ? ext.toUpperCase(Locale.ROOT) : ext;
        return file.resolveSibling(stem + e + (gz ? n.substring(n.length() - 3) : ""));
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return isGzip(file)
                    ? new GZIPInputStream(in, Streams.BUFFER_BYTES)
                    : new BufferedInputStream(in, Streams.BUFFER_BYTES);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
