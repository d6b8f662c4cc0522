package doseengine.geometry.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses data elements from bytes (PS3.5 7): explicit or implicit VR, little or big endian, defined and
 * undefined lengths (PS3.5 7.5), encapsulated Pixel Data (PS3.5 A.4). Strict: an odd length, a length past the
 * end, an unknown explicit VR or a stray delimiter is a {@link DicomException} naming the file and the tag,
 * never a guess. Values are stored little endian (big-endian files swapped per VR, PS3.5 7.3).
 *
 * <p>When it holds only the start of a file ({@code partial}), running out of bytes raises {@link NeedMoreBytes}
 * so the caller can read the rest; this lets {@link DicomFile#readHeader} read a few kilobytes, not megabytes.
 */
final class DatasetParser {
    /** Element encoding: implicit VR inside an undefined-length UN is always little endian (PS3.5 6.2.2). */
    record Encoding(boolean explicit, boolean bigEndian) {
        static final Encoding IMPLICIT_LE = new Encoding(false, false);
        static final Encoding EXPLICIT_LE = new Encoding(true, false);
    }

    /** The bytes held end before the element does; read the whole file and parse again. */
    static final class NeedMoreBytes extends RuntimeException {
        NeedMoreBytes() {
            super(null, null, false, false);
        }
    }

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final NeedMoreBytes NEED_MORE = new NeedMoreBytes();

    private final Path file;
    private final byte[] buf;
    private final int limit;
    private final long fileSize;
    private final boolean partial;
    private int pos;
    private boolean pixelDataReached;

    /**
     * @param fileSize the size the bytes come from (for messages and for checking Pixel Data's length when
     *                 only the start is held)
     */
    DatasetParser(Path file, byte[] buf, int start, int limit, long fileSize, boolean partial) {
        this.file = file;
        this.buf = buf;
        this.pos = start;
        this.limit = limit;
        this.fileSize = fileSize;
        this.partial = partial;
    }

    int position() { return pos; }

    /** Whether {@link #parseTop} stopped at (7FE0,0010) without reading it. */
    boolean pixelDataReached() { return pixelDataReached; }

    /** The file meta group (PS3.10 7.1): explicit VR little endian elements of group 0002. */
    DicomDataset parseMeta() {
        DicomDataset meta = new DicomDataset(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        while (pos + 4 <= limit && u16(pos, false) == 0x0002) {
            readElement(meta, Encoding.EXPLICIT_LE);
        }
        if (pos + 4 > limit && partial) {
            throw NEED_MORE;
        }
        return meta;
    }

    /** The main dataset up to the end of the bytes, or up to Pixel Data when {@code stopAtPixelData}. */
    DicomDataset parseTop(Encoding enc, boolean stopAtPixelData) {
        DicomDataset ds = new DicomDataset(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        while (pos < limit) {
            if (stopAtPixelData && pos + 4 <= limit && tag(pos, enc) == Tag.PIXEL_DATA) {
                checkPixelDataFits(enc);
                pixelDataReached = true;
                return ds;
            }
            readElement(ds, enc);
        }
        if (partial) {
            throw NEED_MORE;
        }
        return ds;
    }

    // ------------------------------------------------------------------------------------------ elements

    /** Reads one element into {@code ds}; returns false at an Item Delimitation Item (consumed). */
    private boolean readElement(DicomDataset ds, Encoding enc) {
        int start = pos;
        need(8, "an element");
        int tag = tag(pos, enc);
        if (tag == Tag.ITEM_DELIMITATION_ITEM) {
            pos += 8;
            return false;
        }
        if (Tag.group(tag) == 0x0000) {
            // PS3.7 E.1: group 0000 is the DIMSE command set, never part of a stored dataset
            throw fail(Tag.describe(tag) + " at byte " + start + " is a command element; not a DICOM dataset or corrupt");
        }
        if (Tag.group(tag) == 0xFFFE) {
            throw fail("unexpected " + Tag.describe(tag) + " at byte " + start + " where an element should start");
        }
        Vr vr;
        long length;
        if (enc.explicit()) {
            vr = Vr.of(buf[pos + 4] & 0xFF, buf[pos + 5] & 0xFF);
            if (vr == null) {
                throw fail(Tag.describe(tag) + " at byte " + start + " has VR bytes " + hex(buf[pos + 4])
                        + " " + hex(buf[pos + 5]) + ", not a DICOM VR");
            }
            if (vr.longLength()) {
                need(12, Tag.describe(tag));
                length = u32(pos + 8, enc.bigEndian());
                pos += 12;
            } else {
                length = u16(pos + 6, enc.bigEndian());
                pos += 8;
            }
        } else {
            vr = DicomDictionary.vrOf(tag);
            length = u32(pos + 4, false);
            pos += 8;
        }
        if (length == UNDEFINED) {
            ds.put(readUndefined(tag, vr, enc, ds));
            return true;
        }
        int len = checkLength(tag, length);
        if (vr == Vr.SQ) {
            ds.put(DicomElement.ofItems(tag, readItems(tag, pos + len, enc, ds)));
            return true;
        }
        byte[] value = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        if (enc.bigEndian()) {
            swap(tag, vr, value);
        }
        ds.put(DicomElement.ofValue(tag, vr, value));
        return true;
    }

    /**
     * Undefined length: a sequence (SQ, or any element in implicit VR, whose undefined length only a sequence
     * may have), UN holding an implicit VR little endian sequence (PS3.5 6.2.2), or encapsulated Pixel Data.
     */
    private DicomElement readUndefined(int tag, Vr vr, Encoding enc, DicomDataset parent) {
        if (tag == Tag.PIXEL_DATA && (vr == Vr.OB || vr == Vr.OW || !enc.explicit())) {
            return DicomElement.ofFragments(tag, vr == Vr.OW && enc.explicit() ? Vr.OW : Vr.OB, readFragments(tag, enc));
        }
        if (vr == Vr.SQ || !enc.explicit()) {
            return DicomElement.ofItems(tag, readItems(tag, -1, enc, parent));
        }
        if (vr == Vr.UN) {
            return DicomElement.ofItems(tag, readItems(tag, -1, Encoding.IMPLICIT_LE, parent));
        }
        throw fail(Tag.describe(tag) + " " + vr + " has undefined length, which only SQ, UN and Pixel Data may have");
    }

    /** Items up to {@code end} (defined length) or to a Sequence Delimitation Item ({@code end} = -1). */
    private List<DicomDataset> readItems(int seqTag, int end, Encoding enc, DicomDataset parent) {
        List<DicomDataset> items = new ArrayList<>();
        while (end < 0 || pos < end) {
            need(8, "an item of " + Tag.describe(seqTag));
            int tag = tag(pos, enc);
            long length = u32(pos + 4, enc.bigEndian());
            if (tag == Tag.SEQUENCE_DELIMITATION_ITEM && end < 0) {
                pos += 8;
                return items;
            }
            if (tag != Tag.ITEM) {
                throw fail(Tag.describe(seqTag) + ": expected an item (FFFE,E000) at byte " + pos + ", found "
                        + Tag.describe(tag));
            }
            pos += 8;
            DicomDataset item = new DicomDataset(file, parent.charset());
            if (length == UNDEFINED) {
                boolean delimited = false;
                while (!delimited) {
                    if (end >= 0 && pos >= end) {
                        throw fail(Tag.describe(seqTag) + ": item without Item Delimitation runs past the sequence's end");
                    }
                    delimited = !readElement(item, enc);
                }
            } else {
                int itemEnd = pos + checkLength(seqTag, length);
                while (pos < itemEnd) {
                    if (!readElement(item, enc)) {
                        throw fail(Tag.describe(seqTag) + ": Item Delimitation inside an item of defined length");
                    }
                }
                if (pos != itemEnd) {
                    throw fail(Tag.describe(seqTag) + ": an element runs past the end of its item");
                }
            }
            items.add(item);
        }
        if (pos != end) {
            throw fail(Tag.describe(seqTag) + ": an item runs past the end of the sequence");
        }
        return items;
    }

    /** Encapsulated Pixel Data fragments (PS3.5 A.4): items of defined even length, then the delimiter. */
    private List<byte[]> readFragments(int tag, Encoding enc) {
        List<byte[]> fragments = new ArrayList<>();
        while (true) {
            need(8, "a fragment of " + Tag.describe(tag));
            int itemTag = tag(pos, enc);
            long length = u32(pos + 4, enc.bigEndian());
            pos += 8;
            if (itemTag == Tag.SEQUENCE_DELIMITATION_ITEM) {
                return fragments;
            }
            if (itemTag != Tag.ITEM || length == UNDEFINED) {
                throw fail(Tag.describe(tag) + ": fragment " + fragments.size() + " is "
                        + Tag.describe(itemTag) + (length == UNDEFINED ? " of undefined length" : "")
                        + ", not an item of defined length");
            }
            int len = checkLength(tag, length);
            fragments.add(Arrays.copyOfRange(buf, pos, pos + len));
            pos += len;
        }
    }

    // ------------------------------------------------------------------------------------------ checks

    /** PS3.5 7.1.1: value lengths are even; and they must not run past the end of the file. */
    private int checkLength(int tag, long length) {
        if ((length & 1) != 0) {
            throw fail(Tag.describe(tag) + " has odd length " + length + " at byte " + pos
                    + " (PS3.5 7.1.1 requires even lengths)");
        }
        if (length > limit - pos) {
            if (partial) {
                throw NEED_MORE;
            }
            throw fail("truncated: " + Tag.describe(tag) + " says " + length + " bytes, " + (limit - pos) + " left");
        }
        return (int) length;
    }

    /** In a header read, Pixel Data is not read but its length is still checked against the file's size. */
    private void checkPixelDataFits(Encoding enc) {
        need(enc.explicit() ? 12 : 8, Tag.describe(Tag.PIXEL_DATA));
        Vr vr = enc.explicit() ? Vr.of(buf[pos + 4] & 0xFF, buf[pos + 5] & 0xFF) : Vr.OW;
        if (vr == null) {
            throw fail(Tag.describe(Tag.PIXEL_DATA) + " has VR bytes " + hex(buf[pos + 4]) + " " + hex(buf[pos + 5])
                    + ", not a DICOM VR");
        }
        int header = !enc.explicit() ? 8 : vr.longLength() ? 12 : 8;
        long length = !enc.explicit() ? u32(pos + 4, false)
                : vr.longLength() ? u32(pos + 8, enc.bigEndian()) : u16(pos + 6, enc.bigEndian());
        if (length == UNDEFINED) {
            return;
        }
        long left = fileSize - pos - header;
        if ((length & 1) != 0) {
            throw fail(Tag.describe(Tag.PIXEL_DATA) + " has odd length " + length + " (PS3.5 7.1.1 requires even lengths)");
        }
        if (length > left) {
            throw fail("truncated: " + Tag.describe(Tag.PIXEL_DATA) + " says " + length + " bytes, " + left + " left");
        }
    }

    private void need(int n, String what) {
        if (limit - pos < n) {
            if (partial) {
                throw NEED_MORE;
            }
            throw fail("truncated: " + (limit - pos) + " bytes left at byte " + pos + " where " + what
                    + " should start");
        }
    }

    private DicomException fail(String problem) {
        return new DicomException(file, problem);
    }

    /** PS3.5 7.3: multi-byte binary values are swapped to little endian by the size of their unit. */
    private void swap(int tag, Vr vr, byte[] v) {
        int unit = vr.swapUnit();
        if (unit == 1) {
            return;
        }
        if (v.length % unit != 0) {
            throw fail(Tag.describe(tag) + " " + vr + " has length " + v.length + ", not a multiple of " + unit);
        }
        for (int i = 0; i < v.length; i += unit) {
            for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                byte t = v[a];
                v[a] = v[b];
                v[b] = t;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ bytes

    private int tag(int at, Encoding enc) {
        return u16(at, enc.bigEndian()) << 16 | u16(at + 2, enc.bigEndian());
    }

    private int u16(int at, boolean big) {
        int a = buf[at] & 0xFF, b = buf[at + 1] & 0xFF;
        return big ? a << 8 | b : b << 8 | a;
    }

    private long u32(int at, boolean big) {
        long lo = u16(at, big), hi = u16(at + 2, big);
        return big ? lo << 16 | hi : hi << 16 | lo;
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
