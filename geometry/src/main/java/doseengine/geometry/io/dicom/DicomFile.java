package doseengine.geometry.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A DICOM file as read: its file meta group (empty for a bare dataset), the dataset and the transfer syntax.
 * Reads Part 10 files (PS3.10 7.1: 128-byte preamble, "DICM", group 0002 in explicit VR little endian) and bare
 * datasets without preamble or meta, whose encoding is told from the first element's bytes.
 */
public record DicomFile(Path path, DicomDataset meta, DicomDataset dataset, TransferSyntax syntax) {
    /** What {@link #readHeader} reads first; a CT or MR header fits in a few kilobytes. */
    private static final int HEADER_CHUNK = 16 * 1024;
    private static final int PREAMBLE = 128;

    /** Reads everything, Pixel Data included. */
    public static DicomFile read(Path file) {
        return parse(file, false);
    }

    /** Reads all but Pixel Data (7FE0,0010) and what follows it: for scanning folders of thousands of files. */
    public static DicomFile readHeader(Path file) {
        return parse(file, true);
    }

    /**
     * Whether the file starts like DICOM: a preamble followed by "DICM", or a first element of group 0002 or
     * 0008 that parses as explicit VR (little or big endian) or implicit VR little endian.
     */
    public static boolean looksLikeDicom(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(PREAMBLE + 4);
            if (hasMagic(start, PREAMBLE)) {
                return true;
            }
            if (start.length < 8) {
                return false;
            }
            int groupLe = (start[0] & 0xFF) | (start[1] & 0xFF) << 8;
            int groupBe = (start[1] & 0xFF) | (start[0] & 0xFF) << 8;
            TransferSyntax ts = detect(file, start, 0, Files.size(file));
            int group = ts.bigEndian() ? groupBe : groupLe;
            return group == 0x0002 || group == 0x0008;
        } catch (IOException | DicomException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------ reading

    private static DicomFile parse(Path file, boolean header) {
        try {
            long size = Files.size(file);
            if (header && size > HEADER_CHUNK) {
                byte[] head;
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(HEADER_CHUNK);
                }
                try {
                    return decode(file, head, size, true, true);
                } catch (DatasetParser.NeedMoreBytes e) {
                    // the header is longer than the first chunk: read it all
                }
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new DicomException(file, "is " + size + " bytes, more than a DICOM file read here may hold");
            }
            byte[] all = Files.readAllBytes(file);
            return decode(file, all, all.length, header, false);
        } catch (NoSuchFileException e) {
            throw new DicomException(file, "no such file");
        } catch (IOException e) {
            throw new DicomException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static DicomFile decode(Path file, byte[] buf, long size, boolean header, boolean partial) {
        int metaStart = hasMagic(buf, PREAMBLE) ? PREAMBLE + 4 : hasMagic(buf, 0) ? 4
                : buf.length >= 2 && buf[0] == 2 && buf[1] == 0 ? 0 : -1;
        DicomDataset meta = new DicomDataset(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = 0;
        TransferSyntax ts;
        if (metaStart >= 0) {
            DatasetParser p = new DatasetParser(file, buf, metaStart, buf.length, size, partial);
            meta = p.parseMeta();
            start = p.position();
            String uid = meta.string(Tag.TRANSFER_SYNTAX_UID);
            // PS3.10 7.1 makes (0002,0010) mandatory; without it the dataset's own first bytes tell the encoding
            ts = uid != null ? TransferSyntax.of(file, uid) : detect(file, buf, start, size);
        } else {
            ts = detect(file, buf, 0, size);
        }
        DatasetParser.Encoding enc = new DatasetParser.Encoding(ts.explicitVr(), ts.bigEndian());
        DatasetParser body;
        if (ts.deflated()) {
            if (partial) {
                throw new DatasetParser.NeedMoreBytes();
            }
            byte[] inflated = inflate(file, buf, start);
            body = new DatasetParser(file, inflated, 0, inflated.length, inflated.length, false);
        } else {
            body = new DatasetParser(file, buf, start, buf.length, size, partial);
        }
        DicomDataset dataset = body.parseTop(enc, header);
        return new DicomFile(file, meta, dataset, ts);
    }

    /** PS3.5 A.5: everything after the meta group is raw deflate (RFC 1951, no zlib header). */
    private static byte[] inflate(Path file, byte[] buf, int start) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(buf, start, buf.length - start);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, 4 * (buf.length - start)));
            byte[] chunk = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DicomException(file, "deflated dataset ends before its deflate stream does (truncated)");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DicomException(file, "deflated dataset is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The encoding of a dataset without meta, from its first element (PS3.5 7.1): an explicit VR's two letters
     * after a plausible group (little, then big endian), else implicit VR little endian when the length fits.
     */
    static TransferSyntax detect(Path file, byte[] b, int off, long size) {
        if (b.length - off < 8) {
            throw new DicomException(file, "not DICOM: " + (b.length - off) + " bytes, too short for a data element");
        }
        int groupLe = (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
        int groupBe = (b[off + 1] & 0xFF) | (b[off] & 0xFF) << 8;
        boolean vr = Vr.of(b[off + 4] & 0xFF, b[off + 5] & 0xFF) != null;
        // both byte orders can give an even group (0x0008 / 0x0800): a dataset starts with the lower one
        if (vr && plausibleGroup(groupLe) && (groupLe <= groupBe || !plausibleGroup(groupBe))) {
            return TransferSyntax.EXPLICIT_LITTLE;
        }
        if (vr && plausibleGroup(groupBe)) {
            return TransferSyntax.EXPLICIT_BIG;
        }
        long length = (b[off + 4] & 0xFFL) | (b[off + 5] & 0xFFL) << 8 | (b[off + 6] & 0xFFL) << 16
                | (b[off + 7] & 0xFFL) << 24;
        if (plausibleGroup(groupLe) && (length == 0xFFFFFFFFL || length <= size - off - 8)) {
            return TransferSyntax.IMPLICIT_LITTLE;
        }
        int elementLe = (b[off + 2] & 0xFF) | (b[off + 3] & 0xFF) << 8;
        throw new DicomException(file, String.format("not DICOM: no 'DICM' at byte 128, and the first bytes"
                + " (%04X,%04X) are not a data element in explicit or implicit VR", groupLe, elementLe));
    }

    /** Standard groups are even (PS3.5 7.1); a dataset starts with a low one (0002-0028 in practice). */
    private static boolean plausibleGroup(int group) {
        return group >= 0x0002 && group <= 0x7FE0 && (group & 1) == 0;
    }

    private static boolean hasMagic(byte[] b, int at) {
        return b.length >= at + 4 && b[at] == 'D' && b[at + 1] == 'I' && b[at + 2] == 'C' && b[at + 3] == 'M';
    }
}
