package doseengine.geometry.io.dicom;

import java.nio.file.Path;
import java.util.Map;

/**
 * The transfer syntaxes the engine reads (PS3.5 10 and annex A). Any other is refused with one line naming it
 * and how to convert: lossy or rarely seen compressions are not worth a decoder in a dose engine.
 */
public enum TransferSyntax {
    IMPLICIT_LITTLE("1.2.840.10008.1.2", false, false, false),
    EXPLICIT_LITTLE("1.2.840.10008.1.2.1", true, false, false),
    DEFLATED_EXPLICIT_LITTLE("1.2.840.10008.1.2.1.99", true, false, false),
    EXPLICIT_BIG("1.2.840.10008.1.2.2", true, true, false),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", true, false, true),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", true, false, true);

    private final String uid;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean encapsulated;

    TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean encapsulated) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.encapsulated = encapsulated;
    }

    public String uid() { return uid; }

    public boolean explicitVr() { return explicitVr; }

    public boolean bigEndian() { return bigEndian; }

    /** Whether Pixel Data is encapsulated in fragments (PS3.5 A.4). */
    public boolean encapsulated() { return encapsulated; }

    /** Whether everything after the meta group is raw deflate (RFC 1951) data (PS3.5 A.5). */
    public boolean deflated() { return this == DEFLATED_EXPLICIT_LITTLE; }

    /** Names of syntaxes seen in the wild that are not read (PS3.6 table A-1). */
    private static final Map<String, String> NOT_READ = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level"),
            Map.entry("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level"),
            Map.entry("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1"),
            Map.entry("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1"),
            Map.entry("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video"),
            Map.entry("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video"),
            Map.entry("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2"),
            Map.entry("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1"),
            Map.entry("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1"),
            Map.entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.94", "JPIP Referenced"),
            Map.entry("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate"),
            Map.entry("1.2.840.10008.1.2.6.1", "RFC 2557 MIME encapsulation"),
            Map.entry("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression"));

    /** The syntax of a UID, or a {@link DicomException} naming the syntax and how to convert the file. */
    public static TransferSyntax of(Path file, String uid) {
        String trimmed = uid == null ? "" : DicomDataset.trim(uid);
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(trimmed)) {
                return ts;
            }
        }
        String name = NOT_READ.getOrDefault(trimmed, "transfer syntax");
        throw new DicomException(file, name + " (" + trimmed + ") is not read; convert the files to uncompressed,"
                + " e.g. `gdcmconv --raw IN OUT` or `dcmdjpeg IN OUT`");
    }
}
