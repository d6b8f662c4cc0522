package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compressed frames and their expected samples, made at test time by tools independent of the codec: dcmtk
 * compresses (dcmcjpeg, dcmcrle) and decompresses (dcmdjpeg), pydicom cuts the frame out of the encapsulated
 * Pixel Data (PS3.5 A.4) and reads the uncompressed twin's samples.
 */
final class PixelCodecFixtures {
    private PixelCodecFixtures() {}

    /** The encapsulated bytes of one frame, the reference samples and the header values that describe them. */
    record Frame(byte[] encapsulated, int[] samples, byte[] nativeBytes, int rows, int cols, int bitsAllocated,
            int bitsStored, int pixelRepresentation) {}

    /**
     * Cuts frame {@code index} out of {@code compressed} and reads that frame's samples from {@code reference}
     * (uncompressed). Samples come as int32 (the stored value, sign-extended for signed data as pydicom reads
     * it) and as the native little-endian bytes of Bits Allocated.
     */
    private static final String EXTRACT = """
            import sys, numpy as np, pydicom
            from pydicom.encaps import generate_pixel_data_frame
            comp, ref, frame_out, i32_out, raw_out, index = sys.argv[1:7]
            index = int(index)
            c = pydicom.dcmread(comp)
            n = int(c.get('NumberOfFrames', 1) or 1)
            frames = list(generate_pixel_data_frame(c.PixelData, n))
            open(frame_out, 'wb').write(frames[index])
            r = pydicom.dcmread(ref)
            a = r.pixel_array
            if n > 1:
                a = a[index]
            open(i32_out, 'wb').write(a.astype('<i4').tobytes())
            open(raw_out, 'wb').write(a.astype(a.dtype.newbyteorder('<')).tobytes())
            print(c.Rows, c.Columns, c.BitsAllocated, c.BitsStored, c.PixelRepresentation)
            """;

    static Path testFile(String name) {
        return ExternalTools.pydicomTestFiles().resolve(name);
    }

    /** A pydicom sample as explicit VR little endian (dcmtk's compressors read it; some samples are deflated). */
    static Path explicitLittle(Path source, Path dir) {
        Path out = dir.resolve("explicit-" + source.getFileName());
        run(List.of(ExternalTools.tool("dcmconv", "dcmtk"), "+te", source.toString(), out.toString()));
        return out;
    }

    /** Runs a dcmtk tool: {@code tool options... in out}. */
    static Path dcmtk(String tool, Path in, Path out, String... options) {
        List<String> cmd = new ArrayList<>(List.of(ExternalTools.tool(tool, "dcmtk")));
        cmd.addAll(List.of(options));
        cmd.add(in.toString());
        cmd.add(out.toString());
        run(cmd);
        return out;
    }

    static Frame extract(Path compressed, Path reference, int index, Path dir) throws IOException {
        Path frame = dir.resolve("frame-" + index + ".bin");
        Path i32 = dir.resolve("samples-" + index + ".i32");
        Path raw = dir.resolve("samples-" + index + ".raw");
        ExternalTools.Result r = ExternalTools.python(EXTRACT, compressed.toString(), reference.toString(),
                frame.toString(), i32.toString(), raw.toString(), Integer.toString(index));
        String[] h = r.stdout().trim().split("\\s+");
        return new Frame(Files.readAllBytes(frame), ints(Files.readAllBytes(i32)), Files.readAllBytes(raw),
                Integer.parseInt(h[0]), Integer.parseInt(h[1]), Integer.parseInt(h[2]), Integer.parseInt(h[3]),
                Integer.parseInt(h[4]));
    }

    static int[] ints(byte[] littleEndianInt32) {
        int[] v = new int[littleEndianInt32.length / 4];
        ByteBuffer.wrap(littleEndianInt32).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    private static void run(List<String> cmd) {
        ExternalTools.Result r = ExternalTools.run(cmd);
        assertEquals(0, r.exitCode(), () -> cmd + " failed: " + r.stderr() + r.stdout());
    }
}
