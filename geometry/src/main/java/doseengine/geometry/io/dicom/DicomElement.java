package doseengine.geometry.io.dicom;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One data element (PS3.5 7.1): a tag, its VR and exactly one of: value bytes (always little endian, a
 * big-endian file is swapped when read), the items of a sequence (PS3.5 7.5), or the fragments of encapsulated
 * Pixel Data (PS3.5 A.4, fragment 0 being the Basic Offset Table).
 */
public final class DicomElement {
    private final int tag;
    private final Vr vr;
    private final byte[] value;
    private final List<DicomDataset> items;
    private final List<byte[]> fragments;

    private DicomElement(int tag, Vr vr, byte[] value, List<DicomDataset> items, List<byte[]> fragments) {
        this.tag = tag;
        this.vr = Objects.requireNonNull(vr);
        this.value = value;
        this.items = items;
        this.fragments = fragments;
    }

    /** An element holding value bytes (little endian). */
    public static DicomElement ofValue(int tag, Vr vr, byte[] value) {
        return new DicomElement(tag, vr, Objects.requireNonNull(value), null, null);
    }

    /** A sequence (VR SQ). */
    public static DicomElement ofItems(int tag, List<DicomDataset> items) {
        return new DicomElement(tag, Vr.SQ, null, List.copyOf(items), null);
    }

    /** Encapsulated pixel data: fragment 0 is the Basic Offset Table (possibly empty). */
    public static DicomElement ofFragments(int tag, Vr vr, List<byte[]> fragments) {
        return new DicomElement(tag, vr, null, null, List.copyOf(fragments));
    }

    public int tag() { return tag; }

    public Vr vr() { return vr; }

    /** The value bytes in little endian, or null for a sequence or encapsulated pixel data. */
    public byte[] value() { return value; }

    /** The items of a sequence, or null. */
    public List<DicomDataset> items() { return items; }

    /** The fragments of encapsulated pixel data (0 = Basic Offset Table), or null. */
    public List<byte[]> fragments() { return fragments; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DicomElement other)) {
            return false;
        }
        if (tag != other.tag || vr != other.vr || !Arrays.equals(value, other.value)
                || !Objects.equals(items, other.items)) {
            return false;
        }
        if (fragments == null || other.fragments == null) {
            return fragments == other.fragments;
        }
        if (fragments.size() != other.fragments.size()) {
            return false;
        }
        for (int i = 0; i < fragments.size(); i++) {
            if (!Arrays.equals(fragments.get(i), other.fragments.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * tag + (value != null ? Arrays.hashCode(value) : items != null ? items.hashCode() : 7);
    }

    @Override
    public String toString() {
        String what = value != null ? value.length + " bytes" : items != null ? items.size() + " items"
                : fragments.size() + " fragments";
        return Tag.describe(tag) + " " + vr + " " + what;
    }
}
