package doseengine.geometry.io.dicom;

/**
 * The value representations of PS3.5 6.2. Each knows whether explicit VR encoding uses the 4-byte length form
 * (PS3.5 7.1.2: OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV) and the size of the unit a big-endian
 * file swaps (PS3.5 7.3: multi-byte numbers are stored in the transfer syntax's byte order; text is not).
 */
public enum Vr {
    AE(false, 1), AS(false, 1), AT(false, 2), CS(false, 1), DA(false, 1), DS(false, 1), DT(false, 1),
    FL(false, 4), FD(false, 8), IS(false, 1), LO(false, 1), LT(false, 1), OB(true, 1), OD(true, 8),
    OF(true, 4), OL(true, 4), OV(true, 8), OW(true, 2), PN(false, 1), SH(false, 1), SL(false, 4),
    SQ(true, 1), SS(false, 2), ST(false, 1), SV(true, 8), TM(false, 1), UC(true, 1), UI(false, 1),
    UL(false, 4), UN(true, 1), UR(true, 1), US(false, 2), UT(true, 1), UV(true, 8);

    private final boolean longLength;
    private final int swapUnit;

    Vr(boolean longLength, int swapUnit) {
        this.longLength = longLength;
        this.swapUnit = swapUnit;
    }

    /** Whether explicit VR encoding has 2 reserved bytes and a 32-bit length (PS3.5 7.1.2, table 7.1-1). */
    public boolean longLength() { return longLength; }

    /** Bytes per unit a big-endian value is swapped in (1: not swapped); AT swaps its two 16-bit halves. */
    public int swapUnit() { return swapUnit; }

    /** Whether the value is text (PS3.5 6.2: character strings, padded with space or, for UI, NUL). */
    public boolean text() {
        return switch (this) {
            case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
            default -> false;
        };
    }

    private static final Vr[] BY_CODE = new Vr[26 * 26];

    static {
        for (Vr vr : values()) {
            String n = vr.name();
            BY_CODE[(n.charAt(0) - 'A') * 26 + (n.charAt(1) - 'A')] = vr;
        }
    }

    /** The VR spelled by two bytes of an explicit VR element, or null when they spell none. */
    public static Vr of(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return BY_CODE[(first - 'A') * 26 + (second - 'A')];
    }
}
