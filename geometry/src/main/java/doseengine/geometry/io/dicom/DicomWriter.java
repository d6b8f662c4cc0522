package doseengine.geometry.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a dataset as a Part 10 file (PS3.10 7.1) in explicit VR little endian (PS3.5 A.2), with defined
 * lengths everywhere (sequences and items too, PS3.5 7.5.1), so that every reader, old ones included, reads
 * it. Atomic: written beside the target and renamed, so a reader never sees half a file.
 */
public final class DicomWriter {
    /** The implementation version name in the meta group (PS3.7 D.3.3.2, SH). */
    public static final String IMPLEMENTATION_VERSION_NAME = "DOSEENGINE";

    private DicomWriter() {}

    public static void write(Path file, DicomDataset dataset) {
        String sopClass = dataset.string(Tag.SOP_CLASS_UID);
        String sopInstance = dataset.string(Tag.SOP_INSTANCE_UID);
        if (sopClass == null) {
            throw new DicomException(file, "cannot write without " + Tag.describe(Tag.SOP_CLASS_UID));
        }
        if (sopInstance == null) {
            throw new DicomException(file, "cannot write without " + Tag.describe(Tag.SOP_INSTANCE_UID));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
        writeDataset(file, body, dataset, true);

        DicomDataset meta = new DicomDataset()
                .putBytes(Tag.FILE_META_INFORMATION_VERSION, Vr.OB, new byte[] {0, 1})
                .putString(Tag.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, sopClass)
                .putString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, sopInstance)
                .putString(Tag.TRANSFER_SYNTAX_UID, Vr.UI, TransferSyntax.EXPLICIT_LITTLE.uid())
                .putString(Tag.IMPLEMENTATION_CLASS_UID, Vr.UI, Uids.IMPLEMENTATION_CLASS_UID)
                .putString(Tag.IMPLEMENTATION_VERSION_NAME, Vr.SH, IMPLEMENTATION_VERSION_NAME);
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream(256);
        writeDataset(file, metaBytes, meta, false);

        ByteArrayOutputStream out = new ByteArrayOutputStream(132 + 12 + metaBytes.size() + body.size());
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        // (0002,0000) File Meta Information Group Length: the bytes of the meta elements that follow it
        writeHeader(file, out, Tag.FILE_META_INFORMATION_GROUP_LENGTH, Vr.UL, 4);
        out.writeBytes(le32(metaBytes.size()));
        out.writeBytes(metaBytes.toByteArray());
        out.writeBytes(body.toByteArray());
        writeAtomically(file, out);
    }

    /**
     * The elements in tag order; in the main dataset group 0002 is skipped (it is the meta group's) and so are
     * group lengths (gggg,0000), retired in PS3.5 7.2 and wrong once a dataset is edited.
     */
    private static void writeDataset(Path file, ByteArrayOutputStream out, DicomDataset ds, boolean main) {
        for (DicomElement e : ds.elements()) {
            if (main && (Tag.group(e.tag()) == 0x0002 || Tag.element(e.tag()) == 0)) {
                continue;
            }
            writeElement(file, out, e);
        }
    }

    private static void writeElement(Path file, ByteArrayOutputStream out, DicomElement e) {
        if (e.fragments() != null) {
            throw new DicomException(file, Tag.describe(e.tag()) + " is encapsulated (compressed); explicit VR"
                    + " little endian needs it decoded first");
        }
        if (e.items() != null) {
            ByteArrayOutputStream items = new ByteArrayOutputStream();
            for (DicomDataset item : e.items()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                writeDataset(file, content, item, false);
                items.writeBytes(le16(0xFFFE));
                items.writeBytes(le16(0xE000));
                items.writeBytes(le32(content.size()));
                items.writeBytes(content.toByteArray());
            }
            writeHeader(file, out, e.tag(), Vr.SQ, items.size());
            out.writeBytes(items.toByteArray());
            return;
        }
        byte[] v = e.value();
        if (v.length % 2 != 0) {
            // PS3.5 7.1.1: even lengths; values built by putters already are, raw elements get their padding here
            byte pad = e.vr() == Vr.UI || !e.vr().text() ? 0 : (byte) ' ';
            v = java.util.Arrays.copyOf(v, v.length + 1);
            v[v.length - 1] = pad;
        }
        writeHeader(file, out, e.tag(), e.vr(), v.length);
        out.writeBytes(v);
    }

    /** Explicit VR header (PS3.5 7.1.2): 2-byte length, or 2 reserved bytes and a 4-byte length. */
    private static void writeHeader(Path file, ByteArrayOutputStream out, int tag, Vr vr, long length) {
        out.writeBytes(le16(Tag.group(tag)));
        out.writeBytes(le16(Tag.element(tag)));
        out.writeBytes(vr.name().getBytes(StandardCharsets.US_ASCII));
        if (vr.longLength()) {
            if (length >= 0xFFFFFFFFL) {
                throw new DicomException(file, Tag.describe(tag) + " is too long for a DICOM element");
            }
            out.writeBytes(new byte[2]);
            out.writeBytes(le32(length));
        } else {
            if (length > 0xFFFF) {
                throw new DicomException(file, Tag.describe(tag) + " " + vr + " holds " + length
                        + " bytes, more than the 65534 its 16-bit length allows (PS3.5 7.1.2)");
            }
            out.writeBytes(le16((int) length));
        }
    }

    private static void writeAtomically(Path file, ByteArrayOutputStream out) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (var stream = Files.newOutputStream(tmp)) {
                out.writeTo(stream);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new DicomException(file, "cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed and says so
                }
            }
        }
    }

    private static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

}
