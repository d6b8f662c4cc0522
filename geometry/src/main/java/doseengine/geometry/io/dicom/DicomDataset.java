package doseengine.geometry.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A dataset (PS3.5 7): elements ordered by tag (unsigned, as PS3.5 7.1 requires on the wire). Getters return
 * null for an absent or empty element; the {@code require...} variants throw a {@link DicomException} naming the
 * file and the attribute. Text is decoded with the Specific Character Set (0008,0005): ISO_IR 192 as UTF-8,
 * everything else as ISO 8859-1, which keeps the default repertoire (ASCII) and Latin-1 exact.
 */
public final class DicomDataset {
    private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
    private final Path file;
    private Charset charset;

    /** An empty dataset built in memory. */
    public DicomDataset() {
        this(null, StandardCharsets.ISO_8859_1);
    }

    DicomDataset(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
    }

    /** The file the dataset was read from (items inherit it), or null when built in memory. */
    public Path file() { return file; }

    Charset charset() { return charset; }

    // ---------------------------------------------------------------------------------------------- getters

    public boolean contains(int tag) { return elements.containsKey(tag); }

    public DicomElement element(int tag) { return elements.get(tag); }

    public Set<Integer> tags() { return Collections.unmodifiableSet(elements.keySet()); }

    /** The text, leading/trailing spaces and trailing NULs removed (multi-values stay joined by '\'). */
    public String string(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return null;
        }
        if (!e.vr().text() && e.vr() != Vr.UN && e.vr() != Vr.OB) {
            double[] numbers = decimals(tag);
            if (numbers == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (double n : numbers) {
                if (sb.length() > 0) {
                    sb.append('\\');
                }
                sb.append(n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n) : Double.toString(n));
            }
            return sb.toString();
        }
        String s = trim(new String(e.value(), charset));
        return s.isEmpty() ? null : s;
    }

    /** The values split on '\', each trimmed. */
    public String[] strings(int tag) {
        String s = string(tag);
        if (s == null) {
            return null;
        }
        String[] parts = s.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = trim(parts[i]);
        }
        return parts;
    }

    /** The first number of a DS, IS or binary numeric element. */
    public Double decimal(int tag) {
        double[] v = decimals(tag);
        return v == null || v.length == 0 ? null : v[0];
    }

    /** The numbers of a DS or IS (text) or a US, SS, UL, SL, FL, FD, SV, UV element. */
    public double[] decimals(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return null;
        }
        byte[] b = e.value();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (e.vr()) {
            case DS, IS -> parseNumbers(e);
            case US -> { double[] v = new double[b.length / 2]; for (int i = 0; i < v.length; i++) v[i] = bb.getShort(2 * i) & 0xFFFF; yield v; }
            case SS -> { double[] v = new double[b.length / 2]; for (int i = 0; i < v.length; i++) v[i] = bb.getShort(2 * i); yield v; }
            case UL -> { double[] v = new double[b.length / 4]; for (int i = 0; i < v.length; i++) v[i] = bb.getInt(4 * i) & 0xFFFFFFFFL; yield v; }
            case SL -> { double[] v = new double[b.length / 4]; for (int i = 0; i < v.length; i++) v[i] = bb.getInt(4 * i); yield v; }
            case FL -> { double[] v = new double[b.length / 4]; for (int i = 0; i < v.length; i++) v[i] = bb.getFloat(4 * i); yield v; }
            case FD -> { double[] v = new double[b.length / 8]; for (int i = 0; i < v.length; i++) v[i] = bb.getDouble(8 * i); yield v; }
            case SV -> { double[] v = new double[b.length / 8]; for (int i = 0; i < v.length; i++) v[i] = bb.getLong(8 * i); yield v; }
            case UV -> { double[] v = new double[b.length / 8]; for (int i = 0; i < v.length; i++) v[i] = unsigned(bb.getLong(8 * i)); yield v; }
            default -> throw new DicomException(file, Tag.describe(tag) + " is " + e.vr() + ", not a number");
        };
    }

    /** The first value of an IS, US, SS, UL or SL element. */
    public Integer integer(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return null;
        }
        switch (e.vr()) {
            case IS, US, SS, UL, SL -> { }
            default -> throw new DicomException(file, Tag.describe(tag) + " is " + e.vr() + ", not an integer");
        }
        double[] v = decimals(tag);
        if (v == null || v.length == 0) {
            return null;
        }
        if (v[0] > Integer.MAX_VALUE || v[0] < Integer.MIN_VALUE) {
            throw new DicomException(file, Tag.describe(tag) + " " + (long) v[0] + " is out of range");
        }
        return (int) v[0];
    }

    /** The items of a sequence: an empty list for an empty SQ, null when absent. */
    public List<DicomDataset> sequence(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null) {
            return null;
        }
        if (e.items() == null) {
            if (e.value() != null && e.value().length == 0) {
                return List.of();
            }
            throw new DicomException(file, Tag.describe(tag) + " is " + e.vr() + ", not a sequence");
        }
        return e.items();
    }

    /** The value bytes (little endian), null when absent or empty. */
    public byte[] bytes(int tag) {
        DicomElement e = elements.get(tag);
        return e == null || e.value() == null || e.value().length == 0 ? null : e.value();
    }

    public String requireString(int tag) {
        String s = string(tag);
        if (s == null) {
            throw missing(tag);
        }
        return s;
    }

    public double requireDecimal(int tag) {
        Double d = decimal(tag);
        if (d == null) {
            throw missing(tag);
        }
        return d;
    }

    public double[] requireDecimals(int tag, int count) {
        double[] v = decimals(tag);
        if (v == null) {
            throw missing(tag);
        }
        if (v.length != count) {
            throw new DicomException(file, Tag.describe(tag) + " has " + v.length + " values, expected " + count);
        }
        return v;
    }

    public int requireInteger(int tag) {
        Integer i = integer(tag);
        if (i == null) {
            throw missing(tag);
        }
        return i;
    }

    public List<DicomDataset> requireSequence(int tag) {
        List<DicomDataset> items = sequence(tag);
        if (items == null) {
            throw missing(tag);
        }
        return items;
    }

    private DicomException missing(int tag) {
        return new DicomException(file, Tag.describe(tag) + " is missing or empty");
    }

    // ---------------------------------------------------------------------------------------------- setters

    /** Text joined by '\', padded to even length with space (UI with NUL, PS3.5 6.2 and 9.1). */
    public DicomDataset putString(int tag, Vr vr, String... values) {
        if (!vr.text()) {
            throw new IllegalArgumentException(Tag.describe(tag) + ": " + vr + " is not a text VR");
        }
        String joined = String.join("\\", values);
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            charset = charsetFor(joined);
        }
        byte[] text = joined.getBytes(charset);
        return put(DicomElement.ofValue(tag, vr, pad(text, vr == Vr.UI ? (byte) 0 : (byte) ' ')));
    }

    /** DS values, each at most 16 characters, as exact as fits ({@link DecimalString}). */
    public DicomDataset putDecimals(int tag, double... v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = DecimalString.format(v[i]);
        }
        return putString(tag, Vr.DS, s);
    }

    /** IS values (PS3.5 6.2: at most 12 characters, range of a signed 32-bit integer). */
    public DicomDataset putIntegerString(int tag, long... v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(Tag.describe(tag) + ": IS cannot hold " + v[i]);
            }
            s[i] = Long.toString(v[i]);
        }
        return putString(tag, Vr.IS, s);
    }

    public DicomDataset putUnsignedShorts(int tag, int... v) {
        ByteBuffer bb = buffer(2 * v.length);
        for (int x : v) {
            if (x < 0 || x > 0xFFFF) {
                throw new IllegalArgumentException(Tag.describe(tag) + ": US cannot hold " + x);
            }
            bb.putShort((short) x);
        }
        return put(DicomElement.ofValue(tag, Vr.US, bb.array()));
    }

    public DicomDataset putShorts(int tag, int... v) {
        ByteBuffer bb = buffer(2 * v.length);
        for (int x : v) {
            if (x < Short.MIN_VALUE || x > Short.MAX_VALUE) {
                throw new IllegalArgumentException(Tag.describe(tag) + ": SS cannot hold " + x);
            }
            bb.putShort((short) x);
        }
        return put(DicomElement.ofValue(tag, Vr.SS, bb.array()));
    }

    public DicomDataset putUnsignedInts(int tag, long... v) {
        ByteBuffer bb = buffer(4 * v.length);
        for (long x : v) {
            if (x < 0 || x > 0xFFFFFFFFL) {
                throw new IllegalArgumentException(Tag.describe(tag) + ": UL cannot hold " + x);
            }
            bb.putInt((int) x);
        }
        return put(DicomElement.ofValue(tag, Vr.UL, bb.array()));
    }

    public DicomDataset putFloats(int tag, float... v) {
        ByteBuffer bb = buffer(4 * v.length);
        for (float x : v) {
            bb.putFloat(x);
        }
        return put(DicomElement.ofValue(tag, Vr.FL, bb.array()));
    }

    public DicomDataset putDoubles(int tag, double... v) {
        ByteBuffer bb = buffer(8 * v.length);
        for (double x : v) {
            bb.putDouble(x);
        }
        return put(DicomElement.ofValue(tag, Vr.FD, bb.array()));
    }

    /** Raw bytes (OB, OW, UN...), little endian, padded to even length with a zero byte. */
    public DicomDataset putBytes(int tag, Vr vr, byte[] v) {
        if (vr == Vr.SQ || vr.text()) {
            throw new IllegalArgumentException(Tag.describe(tag) + ": putBytes takes a binary VR, not " + vr);
        }
        return put(DicomElement.ofValue(tag, vr, pad(v.clone(), (byte) 0)));
    }

    public DicomDataset putSequence(int tag, List<DicomDataset> items) {
        return put(DicomElement.ofItems(tag, items));
    }

    /** AT values: each tag as group then element, 16 bits each (PS3.5 6.2). */
    public DicomDataset putAttributeTag(int tag, int... tags) {
        ByteBuffer bb = buffer(4 * tags.length);
        for (int t : tags) {
            bb.putShort((short) Tag.group(t)).putShort((short) Tag.element(t));
        }
        return put(DicomElement.ofValue(tag, Vr.AT, bb.array()));
    }

    public DicomDataset remove(int tag) {
        elements.remove(tag);
        return this;
    }

    /** Adds or replaces an element as it is (the reader's and copiers' way in). */
    public DicomDataset put(DicomElement e) {
        if (e.tag() == Tag.SPECIFIC_CHARACTER_SET && e.value() != null) {
            charset = charsetFor(trim(new String(e.value(), StandardCharsets.ISO_8859_1)));
        }
        elements.put(e.tag(), e);
        return this;
    }

    /** The elements in tag order. */
    public Iterable<DicomElement> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    public int size() { return elements.size(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof DicomDataset other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() { return elements.hashCode(); }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Integer, DicomElement> e : elements.entrySet()) {
            lines.add(e.getValue().toString());
        }
        return String.join("\n", lines);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Trailing NULs and leading/trailing spaces go (PS3.5 6.2: padding, not value). */
    static String trim(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\0' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    /** ISO_IR 192 is UTF-8 (PS3.3 C.12.1.1.2); everything else is read byte for byte. */
    static Charset charsetFor(String specificCharacterSet) {
        return specificCharacterSet != null && specificCharacterSet.contains("ISO_IR 192")
                ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    private double[] parseNumbers(DicomElement e) {
        String s = trim(new String(e.value(), StandardCharsets.US_ASCII));
        if (s.isEmpty()) {
            return null;
        }
        String[] parts = s.split("\\\\", -1);
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                v[i] = e.vr() == Vr.IS ? Long.parseLong(p.startsWith("+") ? p.substring(1) : p) : Double.parseDouble(p);
            } catch (NumberFormatException ex) {
                throw new DicomException(file, Tag.describe(e.tag()) + " value " + (i + 1) + " '" + p
                        + "' is not a valid " + e.vr());
            }
            if (!Double.isFinite(v[i])) {
                throw new DicomException(file, Tag.describe(e.tag()) + " value " + (i + 1) + " '" + p
                        + "' is not a finite number");
            }
        }
        return v;
    }

    private static double unsigned(long x) {
        double d = (double) (x & Long.MAX_VALUE);
        return x < 0 ? d + 0x1p63 : d;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] pad(byte[] b, byte with) {
        if (b.length % 2 == 0) {
            return b;
        }
        byte[] p = java.util.Arrays.copyOf(b, b.length + 1);
        p[b.length] = with;
        return p;
    }

}
