package doseengine.geometry.io.dicom;

import java.nio.file.Path;

/** Placeholder: the JPEG lossless (ITU T.81 process 14) decoder is written separately and replaces this file. */
public final class JpegLosslessDecoder {
    private JpegLosslessDecoder() {}

    public static int[] decode(Path file, byte[] jpeg) {
        throw new DicomException(file, "not decoded yet");
    }

    public static int[] size(byte[] jpeg) {
        throw new DicomException(null, "not decoded yet");
    }
}
