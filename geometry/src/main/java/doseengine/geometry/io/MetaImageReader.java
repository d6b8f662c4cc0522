package doseengine.geometry.io;

import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads MetaImage (ITK MetaIO) images: a text header {@code .mhd} with the voxels in the file named by
 * {@code ElementDataFile} (relative to the header's folder), or an {@code .mha} with
 * {@code ElementDataFile = LOCAL} and the voxels right after the header.
 *
 * <p>Geometry: {@code ElementSpacing} (else {@code ElementSize}, else 1 mm), {@code Offset} (alias
 * {@code Position}, {@code Origin}; the centre of the first voxel, LPS mm, as in ITK), and
 * {@code TransformMatrix} (alias {@code Rotation}, {@code Orientation}). <b>TransformMatrix convention</b>, as
 * ITK's MetaImageIO reads and writes it: the nine numbers are the direction cosines of the i axis, then of the
 * j axis, then of the k axis, so element {@code 3*a + r} is row r of column a of the direction matrix (the
 * file lists the matrix transposed, when read row by row). {@code AnatomicalOrientation} is ignored, as ITK
 * ignores it on reading.
 *
 * <p>Data: {@code ElementType} MET_UCHAR, MET_CHAR, MET_SHORT, MET_USHORT, MET_INT, MET_UINT, MET_FLOAT,
 * MET_DOUBLE; one channel; byte order from {@code BinaryDataByteOrderMSB} or {@code ElementByteOrderMSB};
 * {@code CompressedData = True} is a zlib stream (a gzip stream is accepted too), its length given by
 * {@code CompressedDataSize} or running to the end of the file. {@code HeaderSize} skips that many bytes
 * of the data file ({@code -1}: the data are the last bytes of the file); for LOCAL data it counts from the
 * start of the .mha, as in MetaIO. {@code ElementToIntensityFunctionSlope/Offset} are ignored, as ITK does.
 */
public final class MetaImageReader {
    private static final String[] SUPPORTED_TYPES = {
        "MET_UCHAR", "MET_CHAR", "MET_SHORT", "MET_USHORT", "MET_INT", "MET_UINT", "MET_FLOAT", "MET_DOUBLE"};

    private MetaImageReader() {}

    /** Reads the image; every problem with the files is an {@link ImageFormatException} naming the file. */
    public static Volume read(Path file) {
        Path current = file;
        boolean compressed = false;
        try (InputStream headerIn = new BufferedInputStream(Files.newInputStream(file), Streams.BUFFER_BYTES)) {
            MetaImageHeader h = MetaImageHeader.read(headerIn, file);
            VoxelGrid grid = grid(h, file);
            SampleType type = sampleType(h, file);
            if (!h.bool("BinaryData", true)) {
                throw new ImageFormatException(file, "BinaryData = False (ASCII voxel values) is not supported");
            }
            long channels = h.integer("ElementNumberOfChannels", 1);
            if (channels != 1) {
                throw new ImageFormatException(file, "ElementNumberOfChannels = " + channels
                        + ": only scalar images (1 channel) are supported");
            }
            ByteOrder order = h.bool("BinaryDataByteOrderMSB", false) || h.bool("ElementByteOrderMSB", false)
                    ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            compressed = h.bool("CompressedData", false);
            long compressedSize = h.integer("CompressedDataSize", -1);
            if (compressed && h.has("CompressedDataSize") && compressedSize <= 0) {
                throw new ImageFormatException(file, "CompressedDataSize = " + compressedSize + " must be positive");
            }
            long headerSize = h.integer("HeaderSize", 0);
            if (headerSize < -1) {
                throw new ImageFormatException(file, "HeaderSize = " + headerSize + " must be -1 or more");
            }
            String dataName = h.required(MetaImageHeader.DATA_FILE_KEY);
            if (dataName.startsWith("LIST") || dataName.contains("%")) {
                throw new ImageFormatException(file, "ElementDataFile = " + dataName
                        + ": slice-per-file data is not supported; only one data file or LOCAL");
            }
            boolean local = dataName.equals("LOCAL");
            Path dataFile = local ? file : dataPath(file, dataName);
            current = dataFile;
            long fileSize = Streams.size(dataFile);
            long need = (long) grid.voxelCount() * type.bytes();
            long stored = compressed ? compressedSize : need; // -1 when the compressed length is not given
            long start = local ? h.length() : 0;
            long offset = dataOffset(file, dataFile, headerSize, stored, start, fileSize);
            long have = fileSize - offset;
            if (stored >= 0) {
                requireLength(dataFile, have, stored, offset, compressed, grid, type);
            }
            // Without CompressedDataSize the zlib stream runs to the end of the file.
            long limit = stored >= 0 ? stored : have;
            if (local) {
                return readData(headerIn, start, offset, limit, dataFile, grid, type, order, compressed);
            }
            try (InputStream dataIn = new BufferedInputStream(Files.newInputStream(dataFile), Streams.BUFFER_BYTES)) {
                return readData(dataIn, 0, offset, limit, dataFile, grid, type, order, compressed);
            }
        } catch (IOException e) {
            throw Streams.readFailure(current, e, compressed ? "zlib" : "");
        }
    }

    /**
     * Where the voxel data start in the data file: right after the header text (LOCAL) or at 0, at HeaderSize
     * when positive, or {@code stored} bytes before the end when HeaderSize is -1.
     */
    private static long dataOffset(Path file, Path dataFile, long headerSize, long stored, long start,
            long fileSize) {
        if (headerSize == -1) {
            if (stored < 0) {
                throw new ImageFormatException(file, "HeaderSize = -1 with compressed data needs "
                        + "CompressedDataSize to find where the data start");
            }
            if (fileSize - stored < start) {
                throw new ImageFormatException(dataFile, "truncated: HeaderSize = -1 places " + stored
                        + " bytes of voxel data at the end of the file, which holds only " + (fileSize - start));
            }
            return fileSize - stored;
        }
        if (headerSize > 0) {
            if (headerSize < start) {
                throw new ImageFormatException(file, "HeaderSize = " + headerSize
                        + " points inside the header text, which ends at byte " + start);
            }
            return headerSize;
        }
        return start;
    }

    private static Path dataPath(Path header, String name) {
        try {
            return header.resolveSibling(name);
        } catch (InvalidPathException e) {
            throw new ImageFormatException(header, "ElementDataFile = " + name + " is not a valid file name", e);
        }
    }

    private static Volume readData(InputStream in, long position, long offset, long stored, Path dataFile,
            VoxelGrid grid, SampleType type, ByteOrder order, boolean compressed) throws IOException {
        if (Streams.skipFully(in, offset - position) < offset - position) {
            throw new ImageFormatException(dataFile, "truncated: the file ends before the voxel data at byte "
                    + offset);
        }
        long need = (long) grid.voxelCount() * type.bytes();
        if (!compressed) {
            return VoxelDecoder.decode(in, grid, type, order, Rescale.IDENTITY, dataFile);
        }
        LimitedInputStream limited = new LimitedInputStream(in, stored);
        limited.mark(2);
        int b0 = limited.read(), b1 = limited.read();
        limited.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            InputStream gz = new GZIPInputStream(limited, Streams.BUFFER_BYTES);
            Volume v = VoxelDecoder.decode(gz, grid, type, order, Rescale.IDENTITY, dataFile);
            requireEnd(gz, dataFile, need, grid, type);
            return v;
        }
        Inflater inflater = new Inflater();
        try {
            InputStream z = new InflaterInputStream(limited, inflater, Streams.BUFFER_BYTES);
            Volume v = VoxelDecoder.decode(z, grid, type, order, Rescale.IDENTITY, dataFile);
            requireEnd(z, dataFile, need, grid, type);
            long left = limited.remaining() + inflater.getRemaining();
            if (left > 0) {
                throw new ImageFormatException(dataFile, "header/data size mismatch: " + left
                        + " compressed bytes follow the end of the zlib stream");
            }
            return v;
        } finally {
            inflater.end();
        }
    }

    private static void requireEnd(InputStream in, Path file, long need, VoxelGrid grid, SampleType type)
            throws IOException {
        if (in.read() >= 0) {
            throw new ImageFormatException(file, String.format(Locale.ROOT,
                    "header/data size mismatch: the compressed data hold more than the %d bytes that "
                            + "DimSize %d %d %d of %s needs", need, grid.nx(), grid.ny(), grid.nz(), type));
        }
    }

    private static void requireLength(Path file, long have, long stored, long offset, boolean compressed,
            VoxelGrid grid, SampleType type) {
        String what = compressed
                ? "CompressedDataSize = " + stored
                : String.format(Locale.ROOT, "DimSize %d %d %d of %s needs %d bytes", grid.nx(), grid.ny(), grid.nz(),
                        type, stored);
        if (have < stored) {
            throw new ImageFormatException(file, "truncated: " + what + " from byte " + offset
                    + ", the file holds " + Math.max(0, have));
        }
        if (have > stored) {
            throw new ImageFormatException(file, "header/data size mismatch: " + what + " from byte " + offset
                    + ", the file holds " + have);
        }
    }

    private static SampleType sampleType(MetaImageHeader h, Path file) {
        String t = h.required("ElementType");
        return switch (t) {
            case "MET_UCHAR" -> SampleType.UINT8;
            case "MET_CHAR" -> SampleType.INT8;
            case "MET_SHORT" -> SampleType.INT16;
            case "MET_USHORT" -> SampleType.UINT16;
            case "MET_INT" -> SampleType.INT32;
            case "MET_UINT" -> SampleType.UINT32;
            case "MET_FLOAT" -> SampleType.FLOAT32;
            case "MET_DOUBLE" -> SampleType.FLOAT64;
            default -> throw new ImageFormatException(file, "unsupported ElementType " + t + "; supported: "
                    + String.join(", ", SUPPORTED_TYPES));
        };
    }

    private static VoxelGrid grid(MetaImageHeader h, Path file) {
        String ndims = h.required("NDims");
        if (!ndims.equals("3")) {
            throw new ImageFormatException(file, "NDims = " + ndims + ": only 3-D images are supported");
        }
        String objectType = h.first("ObjectType");
        if (objectType != null && !objectType.equals("Image")) {
            throw new ImageFormatException(file, "ObjectType = " + objectType + ": only Image is supported");
        }
        double[] dims = h.numbers(3, "DimSize");
        if (dims == null) {
            throw new ImageFormatException(file, "the header has no DimSize");
        }
        long voxels = 1;
        for (double d : dims) {
            if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
                throw new ImageFormatException(file, "DimSize " + (long) dims[0] + " " + (long) dims[1] + " "
                        + (long) dims[2] + " must be positive whole numbers");
            }
            voxels *= (long) d;
        }
        if (voxels > Integer.MAX_VALUE - 8) {
            throw new ImageFormatException(file, voxels + " voxels exceed the " + (Integer.MAX_VALUE - 8)
                    + " one volume can hold");
        }
        double[] spacing = h.numbers(3, "ElementSpacing");
        if (spacing == null) {
            spacing = h.numbers(3, "ElementSize");
        }
        if (spacing == null) {
            spacing = new double[] {1, 1, 1}; // MetaIO's default
        }
        double[] origin = h.numbers(3, "Offset", "Position", "Origin");
        if (origin == null) {
            origin = new double[3];
        }
        double[] tm = h.numbers(9, "TransformMatrix", "Rotation", "Orientation");
        double[] direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        if (tm != null) {
            for (int axis = 0; axis < 3; axis++) {
                for (int r = 0; r < 3; r++) {
                    direction[3 * r + axis] = tm[3 * axis + r];
                }
            }
        }
        return GridGeometry.fromSpacing(file, "TransformMatrix", (int) dims[0], (int) dims[1], (int) dims[2],
                spacing, origin, direction);
    }

    /** Delivers at most {@code limit} bytes of the underlying stream: the compressed data and nothing after. */
    private static final class LimitedInputStream extends FilterInputStream {
        private long remaining;
        private long markedRemaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        long remaining() { return remaining; }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, remaining));
            if (r > 0) {
                remaining -= r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, remaining));
            remaining -= s;
            return s;
        }

        @Override
        public synchronized void mark(int readLimit) {
            in.mark(readLimit);
            markedRemaining = remaining;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.reset();
            remaining = markedRemaining;
        }
    }
}
