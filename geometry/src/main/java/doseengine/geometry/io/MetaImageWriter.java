package doseengine.geometry.io;

import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes MetaImage files the way ITK does: {@code .mhd} with the voxels in a sibling {@code .raw} ({@code .zraw}
 * when compressed), or {@code .mha} with the voxels after the header (LOCAL). Little-endian, in the volume's
 * own type (MET_FLOAT, MET_SHORT or MET_UCHAR); compressed data is one zlib stream whose length is written as
 * {@code CompressedDataSize}. TransformMatrix follows ITK's convention (see {@link MetaImageReader}).
 */
public final class MetaImageWriter {
    private MetaImageWriter() {}

    public static void write(Path file, Volume volume, boolean compress) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean local = lower.endsWith(".mha");
        if (!local && !lower.endsWith(".mhd")) {
            throw new ImageFormatException(file, "a MetaImage file name must end in .mhd or .mha");
        }
        VoxelEncoder.requireWritable(volume, file);
        Path current = file;
        Path data = null;
        Path scratch = null;
        boolean done = false;
        try {
            if (!local) {
                String dataName = name.substring(0, name.length() - 4) + (compress ? ".zraw" : ".raw");
                data = file.resolveSibling(dataName);
                current = data;
                long size = writeData(data, volume, compress);
                current = file;
                Files.write(file, header(volume.grid(), VoxelEncoder.typeOf(volume), compress, size, dataName));
            } else if (!compress) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), Streams.BUFFER_BYTES)) {
                    out.write(header(volume.grid(), VoxelEncoder.typeOf(volume), false, 0, "LOCAL"));
                    VoxelEncoder.encode(volume, out, ByteOrder.LITTLE_ENDIAN);
                }
            } else {
                // The header, which comes first, states the compressed length: compress to a scratch file
                // beside the target, then copy it behind the header.
                scratch = Files.createTempFile(file.toAbsolutePath().getParent(), name, ".zlib.tmp");
                current = scratch;
                long size = writeData(scratch, volume, true);
                current = file;
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(header(volume.grid(), VoxelEncoder.typeOf(volume), true, size, "LOCAL"));
                    Files.copy(scratch, out);
                }
            }
            done = true;
        } catch (IOException e) {
            throw Streams.writeFailure(current, e);
        } finally {
            if (scratch != null) {
                NiftiWriter.deleteQuietly(scratch);
            }
            if (!done) {
                NiftiWriter.deleteQuietly(file);
                if (data != null) {
                    NiftiWriter.deleteQuietly(data);
                }
            }
        }
    }

    /** Writes the samples, zlib-compressed when asked, and returns the number of bytes written. */
    private static long writeData(Path target, Volume volume, boolean compress) throws IOException {
        Deflater deflater = new Deflater(Streams.COMPRESSION_LEVEL);
        try (CountingOutputStream counted = new CountingOutputStream(Files.newOutputStream(target))) {
            try (OutputStream out = compress
                    ? new DeflaterOutputStream(counted, deflater, Streams.BUFFER_BYTES)
                    : new BufferedOutputStream(counted, Streams.BUFFER_BYTES)) {
                VoxelEncoder.encode(volume, out, ByteOrder.LITTLE_ENDIAN);
            }
            return counted.count;
        } finally {
            deflater.end();
        }
    }

    static byte[] header(VoxelGrid g, SampleType type, boolean compressed, long compressedSize, String dataFile) {
        double[] d = g.direction();
        double[] o = g.origin();
        StringBuilder tm = new StringBuilder();
        for (int axis = 0; axis < 3; axis++) {
            for (int r = 0; r < 3; r++) {
                tm.append(axis + r == 0 ? "" : " ").append(number(d[3 * r + axis]));
            }
        }
        StringBuilder h = new StringBuilder();
        line(h, "ObjectType", "Image");
        line(h, "NDims", "3");
        line(h, "BinaryData", "True");
        line(h, "BinaryDataByteOrderMSB", "False");
        line(h, "CompressedData", compressed ? "True" : "False");
        if (compressed) {
            line(h, "CompressedDataSize", Long.toString(compressedSize));
        }
        line(h, "TransformMatrix", tm.toString());
        line(h, "Offset", number(o[0]) + " " + number(o[1]) + " " + number(o[2]));
        line(h, "CenterOfRotation", "0 0 0");
        line(h, "AnatomicalOrientation", orientation(d));
        line(h, "ElementSpacing", number(g.spacingX()) + " " + number(g.spacingY()) + " " + number(g.spacingZ()));
        line(h, "DimSize", g.nx() + " " + g.ny() + " " + g.nz());
        line(h, "ElementType", switch (type) {
            case FLOAT32 -> "MET_FLOAT";
            case INT16 -> "MET_SHORT";
            default -> "MET_UCHAR";
        });
        line(h, MetaImageHeader.DATA_FILE_KEY, dataFile);
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * MetaIO's three-letter orientation: for each axis the patient side it runs <em>from</em> (an LPS identity
     * grid is "RAI"). Axes are matched to patient axes by the permutation with the largest total |cosine|, so
     * an oblique grid still gets three different letters.
     */
    static String orientation(double[] d) {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        int[] best = perms[0];
        double bestScore = -1;
        for (int[] p : perms) {
            double score = Math.abs(d[3 * p[0]]) + Math.abs(d[3 * p[1] + 1]) + Math.abs(d[3 * p[2] + 2]);
            if (score > bestScore + 1e-12) {
                bestScore = score;
                best = p;
            }
        }
        String from = "RAI", to = "LPS";
        StringBuilder s = new StringBuilder();
        for (int axis = 0; axis < 3; axis++) {
            int r = best[axis];
            s.append(d[3 * r + axis] >= 0 ? from.charAt(r) : to.charAt(r));
        }
        return s.toString();
    }

    /** Shortest text that reads back as the same double; whole numbers without a decimal point. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    private static void line(StringBuilder h, String key, String value) {
        h.append(key).append(" = ").append(value).append('\n');
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
