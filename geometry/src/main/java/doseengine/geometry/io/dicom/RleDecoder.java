package doseengine.geometry.io.dicom;

import java.nio.file.Path;

/** Placeholder: the RLE Lossless decoder (PS3.5 Annex G) is written separately and replaces this file. */
public final class RleDecoder {
    private RleDecoder() {}

    public static byte[] decode(Path file, byte[] frame, int rows, int cols, int bitsAllocated) {
        throw new DicomException(file, "not decoded yet");
    }
}
