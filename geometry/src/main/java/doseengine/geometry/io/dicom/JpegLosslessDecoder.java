package doseengine.geometry.io.dicom;

import java.nio.file.Path;

/**
 * One single-component frame of JPEG Lossless (ITU-T T.81 process 14: SOF3, Huffman coding) back to its
 * samples, as DICOM carries it in transfer syntaxes 1.2.840.10008.1.2.4.70 (selection value 1) and .57 (any
 * selection value), PS3.5 A.4.1.
 *
 * <p>Reads the markers SOI, SOF3, DHT, DRI, SOS, RSTn, EOI (APPn, COM and DQT are skipped), predictors 1..7
 * (T.81 H.1.2.1), point transform, restart intervals and precision 2..16. Anything else - a lossy or JPEG-LS
 * frame, several components, a stream that ends early - is a {@link DicomException}, one line.
 */
public final class JpegLosslessDecoder {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOF3 = 0xC3;
    private static final int DHT = 0xC4;
    private static final int SOS = 0xDA;
    private static final int DRI = 0xDD;
    private static final int DNL = 0xDC;
    private static final int RST0 = 0xD0;
    /** Used by {@link #size(byte[])}, which has no file to name. */
    private static final Path NO_FILE = Path.of("JPEG stream");

    private JpegLosslessDecoder() {}

    /** {width, height, precision} from the SOF3 frame header; the stream is not decoded. */
    public static int[] size(byte[] jpeg) {
        return size(NO_FILE, jpeg);
    }

    /** {@link #size(byte[])} naming {@code file} in errors. */
    public static int[] size(Path file, byte[] jpeg) {
        Parser p = new Parser(file, jpeg);
        p.readUntilFrame();
        return new int[] {p.width, p.height, p.precision};
    }

    /**
     * @param file the file the frame came from (for the message)
     * @param jpeg the frame's encapsulated bytes, SOI to EOI (trailing padding after EOI is ignored)
     * @return width*height samples, row major, the point transform undone
     */
    public static int[] decode(Path file, byte[] jpeg) {
        Parser p = new Parser(file, jpeg);
        p.readUntilFrame();
        return p.readScanAndEnd();
    }

    /** Marker segments (T.81 B.2) of one frame. */
    private static final class Parser {
        private final Path file;
        private final byte[] in;
        private int pos;
        private int width;
        private int height;
        private int precision;
        private int componentId;
        private int restartInterval;
        private final HuffmanTable[] tables = new HuffmanTable[4];

        Parser(Path file, byte[] in) {
            this.file = file;
            this.in = in;
        }

        void readUntilFrame() {
            if (in.length < 2 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != SOI) {
                throw fail("does not start with the JPEG SOI marker FFD8 (T.81 B.2.1)");
            }
            pos = 2;
            while (true) {
                int marker = nextMarker();
                if (marker == SOF3) {
                    readFrameHeader();
                    return;
                }
                refuseOtherFrames(marker);
                if (marker == SOS || marker == EOI) {
                    throw fail("has no SOF3 frame header before " + markerName(marker));
                }
                readTableOrSkip(marker);
            }
        }

        int[] readScanAndEnd() {
            while (true) {
                int marker = nextMarker();
                if (marker == SOS) {
                    int[] samples = readScan();
                    readEnd();
                    return samples;
                }
                refuseOtherFrames(marker);
                if (marker == EOI) {
                    throw fail("ends (EOI) before any scan (SOS)");
                }
                readTableOrSkip(marker);
            }
        }

        /** After the one scan a single-component frame has: only tables, skipped segments and EOI. */
        private void readEnd() {
            while (true) {
                int marker = nextMarker();
                if (marker == EOI) {
                    return;
                }
                if (marker == SOS) {
                    throw fail("has a second scan; a single-component lossless frame has one");
                }
                if (marker == DNL) {
                    throw fail("uses a DNL marker (number of lines after the scan), which is not read");
                }
                refuseOtherFrames(marker);
                readTableOrSkip(marker);
            }
        }

        private void refuseOtherFrames(int marker) {
            if (marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC) {
                throw fail("is " + markerName(marker) + "; only lossless Huffman JPEG (SOF3, process 14) is read"
                        + " - convert the files to uncompressed, e.g. `dcmdjpeg IN OUT`");
            }
            if (marker == 0xF7 || marker == 0xF8) {
                throw fail("is JPEG-LS (" + markerName(marker) + "), not JPEG lossless (SOF3)"
                        + " - convert the files to uncompressed, e.g. `dcmdjpls IN OUT`");
            }
            if (marker == 0xCC) {
                throw fail("uses arithmetic coding (DAC marker); only Huffman lossless JPEG is read");
            }
        }

        private void readTableOrSkip(int marker) {
            if (marker >= RST0 && marker <= RST0 + 7 || marker == SOI) {
                throw fail("has " + markerName(marker) + " outside a scan");
            }
            int length = segmentLength(marker);
            int end = pos + length - 2;
            if (marker == DHT) {
                readHuffmanTables(end);
            } else if (marker == DRI) {
                if (length != 4) {
                    throw fail("DRI segment of length " + length + ", not 4");
                }
                restartInterval = u16(pos);
            }
            // APPn, COM, DQT and others carry nothing a lossless decoder needs (T.81 B.2.4).
            pos = end;
        }

        /** SOF3 (T.81 B.2.2): P, Y, X, Nf and one component. */
        private void readFrameHeader() {
            int length = segmentLength(SOF3);
            if (length < 8) {
                throw fail("SOF3 segment of length " + length + " is too short");
            }
            precision = in[pos] & 0xFF;
            height = u16(pos + 1);
            width = u16(pos + 3);
            int components = in[pos + 5] & 0xFF;
            if (components != 1) {
                throw fail("has " + components + " components; only single-component (grayscale) frames are read");
            }
            if (length != 8 + 3 * components) {
                throw fail("SOF3 segment length " + length + " does not fit " + components + " component");
            }
            componentId = in[pos + 6] & 0xFF;
            if (precision < 2 || precision > 16) {
                throw fail("sample precision " + precision + " is outside 2..16 (T.81 B.2.2)");
            }
            if (height == 0) {
                throw fail("frame height 0 (lines defined by DNL) is not read");
            }
            if (width == 0) {
                throw fail("frame width 0");
            }
            pos += length - 2;
        }

        /** DHT (T.81 B.2.4.2): one or more tables; lossless uses the DC class for the difference categories. */
        private void readHuffmanTables(int end) {
            while (pos < end) {
                int tcTh = in[pos++] & 0xFF;
                int id = tcTh & 0x0F;
                if (id > 3 || (tcTh >> 4) > 1) {
                    throw fail("DHT table class/id byte " + Integer.toHexString(tcTh) + " is invalid");
                }
                if (pos + 16 > end) {
                    throw fail("DHT segment ends inside a table's code counts");
                }
                int[] counts = new int[17];
                int total = 0;
                for (int len = 1; len <= 16; len++) {
                    counts[len] = in[pos++] & 0xFF;
                    total += counts[len];
                }
                if (pos + total > end) {
                    throw fail("DHT segment ends inside a table's " + total + " symbols");
                }
                int[] symbols = new int[total];
                for (int i = 0; i < total; i++) {
                    symbols[i] = in[pos++] & 0xFF;
                }
                tables[id] = HuffmanTable.build(this, counts, symbols);
            }
            if (pos != end) {
                throw fail("DHT segment length does not match its tables");
            }
        }

        /** SOS (T.81 B.2.3) and the entropy-coded segments after it. */
        private int[] readScan() {
            int length = segmentLength(SOS);
            if (length < 6 || pos + length - 2 > in.length) {
                throw fail("SOS segment of length " + length + " is malformed");
            }
            int ns = in[pos] & 0xFF;
            if (ns != 1 || length != 6 + 2 * ns) {
                throw fail("scan has " + ns + " components; a single-component frame has 1");
            }
            int cs = in[pos + 1] & 0xFF;
            if (cs != componentId) {
                throw fail("scan component " + cs + " is not the frame's component " + componentId);
            }
            int td = (in[pos + 2] & 0xFF) >> 4;
            int predictor = in[pos + 3] & 0xFF;
            int se = in[pos + 4] & 0xFF;
            int ah = (in[pos + 5] & 0xFF) >> 4;
            int pointTransform = in[pos + 5] & 0x0F;
            pos += length - 2;
            if (predictor < 1 || predictor > 7) {
                throw fail("predictor (selection value) " + predictor + " is outside 1..7 (T.81 H.1.2.1)");
            }
            if (se != 0 || ah != 0) {
                throw fail("SOS Se=" + se + " Ah=" + ah + " are not 0 as a lossless scan needs (T.81 H.2.2)");
            }
            if (pointTransform >= precision) {
                throw fail("point transform " + pointTransform + " is not below the precision " + precision);
            }
            if (td > 3 || tables[td] == null) {
                throw fail("scan uses Huffman table " + td + ", which no DHT segment defined");
            }
            Scan scan = new Scan(this, tables[td], predictor, pointTransform);
            int[] samples = scan.decode();
            pos = scan.pos;
            return samples;
        }

        /** The next marker, skipping fill bytes FF (T.81 B.1.1.2); anything else between segments is corrupt. */
        private int nextMarker() {
            if (pos >= in.length) {
                throw fail("ends after " + in.length + " bytes without the EOI marker (truncated?)");
            }
            if ((in[pos] & 0xFF) != 0xFF) {
                throw fail(String.format("has byte %02X at offset %d where a marker (FFxx) belongs", in[pos] & 0xFF, pos));
            }
            while (pos < in.length && (in[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= in.length) {
                throw fail("ends inside a marker (truncated?)");
            }
            int marker = in[pos++] & 0xFF;
            if (marker == 0) {
                throw fail("has a stuffed byte FF00 at offset " + (pos - 2) + " where a marker belongs");
            }
            return marker;
        }

        private int segmentLength(int marker) {
            if (pos + 2 > in.length) {
                throw fail("ends inside the " + markerName(marker) + " segment (truncated?)");
            }
            int length = u16(pos);
            if (length < 2 || pos + length > in.length) {
                throw fail(markerName(marker) + " segment says " + length + " bytes, "
                        + (in.length - pos) + " are left (truncated?)");
            }
            pos += 2;
            return length;
        }

        private int u16(int at) {
            return (in[at] & 0xFF) << 8 | (in[at + 1] & 0xFF);
        }

        DicomException fail(String problem) {
            return new DicomException(file, "JPEG lossless frame " + problem);
        }
    }

    private static String markerName(int marker) {
        String hex = String.format("FF%02X", marker);
        return switch (marker) {
            case 0xC0 -> "SOF0 baseline lossy JPEG (" + hex + ")";
            case 0xC1 -> "SOF1 extended lossy JPEG (" + hex + ")";
            case 0xC2 -> "SOF2 progressive lossy JPEG (" + hex + ")";
            case 0xC3 -> "SOF3 (" + hex + ")";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical JPEG SOF" + (marker - 0xC0) + " (" + hex + ")";
            case 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> "arithmetic-coded JPEG SOF" + (marker - 0xC0) + " (" + hex + ")";
            case 0xF7 -> "SOF55 (" + hex + ")";
            case 0xF8 -> "LSE (" + hex + ")";
            case 0xDA -> "SOS (" + hex + ")";
            case 0xD9 -> "EOI (" + hex + ")";
            case 0xD8 -> "SOI (" + hex + ")";
            case 0xC4 -> "DHT (" + hex + ")";
            case 0xDD -> "DRI (" + hex + ")";
            default -> marker >= 0xD0 && marker <= 0xD7 ? "RST" + (marker - 0xD0) + " (" + hex + ")" : "marker " + hex;
        };
    }

    /**
     * A Huffman table as one lookup indexed by the next {@code maxLength} bits (T.81 C: codes assigned in order
     * of length), so a difference category costs one array read instead of a bit-by-bit search.
     */
    private static final class HuffmanTable {
        /** (code length << 8 | symbol), 0 where no code starts with these bits. */
        final int[] lookup;
        final int maxLength;

        private HuffmanTable(int[] lookup, int maxLength) {
            this.lookup = lookup;
            this.maxLength = maxLength;
        }

        static HuffmanTable build(Parser p, int[] counts, int[] symbols) {
            int maxLength = 0;
            for (int len = 1; len <= 16; len++) {
                if (counts[len] > 0) {
                    maxLength = len;
                }
            }
            if (maxLength == 0) {
                throw p.fail("DHT table has no codes");
            }
            int[] lookup = new int[1 << maxLength];
            int code = 0;
            int k = 0;
            for (int len = 1; len <= maxLength; len++) {
                for (int i = 0; i < counts[len]; i++) {
                    if (code >= 1 << len) {
                        throw p.fail("DHT table has more codes of length " + len + " than fit (T.81 C)");
                    }
                    int symbol = symbols[k++];
                    if (symbol > 16) {
                        throw p.fail("DHT table has symbol " + symbol + ", not a lossless difference category 0..16");
                    }
                    int shift = maxLength - len;
                    int from = code << shift;
                    int entry = len << 8 | symbol;
                    for (int j = 0; j < 1 << shift; j++) {
                        lookup[from + j] = entry;
                    }
                    code++;
                }
                code <<= 1;
            }
            return new HuffmanTable(lookup, maxLength);
        }
    }

    /** The entropy-coded data of one single-component scan and the prediction of T.81 H.1.2.1. */
    private static final class Scan {
        private final Parser parser;
        private final byte[] in;
        private final HuffmanTable table;
        private final int predictor;
        private final int pointTransform;
        int pos;
        /** Bits not yet used, right aligned, {@code bitCount} of them; the last {@code padBits} are made up. */
        private long bits;
        private int bitCount;
        private int padBits;

        Scan(Parser parser, HuffmanTable table, int predictor, int pointTransform) {
            this.parser = parser;
            this.in = parser.in;
            this.pos = parser.pos;
            this.table = table;
            this.predictor = predictor;
            this.pointTransform = pointTransform;
        }

        int[] decode() {
            int width = parser.width;
            int height = parser.height;
            int total = width * height;
            int[] out = new int[total];
            int interval = parser.restartInterval == 0 ? total : parser.restartInterval;
            int initial = 1 << (parser.precision - pointTransform - 1);
            int[] lookup = table.lookup;
            int maxLength = table.maxLength;
            int lookupMask = (1 << maxLength) - 1;
            int expectedRst = 0;
            int i = 0;
            while (i < total) {
                int intervalStart = i;
                int intervalEnd = Math.min(total, i + interval);
                // Prediction restarts with each interval (T.81 H.1.2.1): the first sample from 2^(P-Pt-1), the
                // rest of that line from the left neighbour, the first sample of later lines from above.
                int firstLineEnd = (intervalStart / width + 1) * width;
                for (; i < intervalEnd; i++) {
                    if (bitCount < 32) {
                        fill();
                    }
                    int entry = lookup[(int) (bits >>> (bitCount - maxLength)) & lookupMask];
                    if (entry == 0) {
                        throw parser.fail("has an invalid Huffman code at sample " + i + " (corrupt data)");
                    }
                    bitCount -= entry >>> 8;
                    int ssss = entry & 0xFF;
                    int diff;
                    if (ssss == 0) {
                        diff = 0;
                    } else if (ssss == 16) {
                        diff = 32768; // T.81 H.1.2.2: category 16 has no additional bits
                    } else {
                        bitCount -= ssss;
                        int v = (int) (bits >>> bitCount) & ((1 << ssss) - 1);
                        diff = v < 1 << (ssss - 1) ? v - (1 << ssss) + 1 : v;
                    }
                    int prediction;
                    int x = i % width;
                    if (i == intervalStart) {
                        prediction = initial;
                    } else if (i < firstLineEnd) {
                        prediction = out[i - 1];
                    } else if (x == 0) {
                        prediction = out[i - width];
                    } else {
                        prediction = predict(out, i, width);
                    }
                    out[i] = (prediction + diff) & 0xFFFF; // differences are modulo 2^16 (T.81 H.1.2.1)
                }
                if (bitCount < padBits) {
                    throw parser.fail("entropy-coded data ends before all " + width + " x " + height
                            + " samples are decoded (truncated?)");
                }
                if (i < total) {
                    readRestart(expectedRst);
                    expectedRst = (expectedRst + 1) & 7;
                }
            }
            finishEntropyData();
            if (pointTransform > 0) {
                for (int k = 0; k < total; k++) {
                    out[k] <<= pointTransform;
                }
            }
            return out;
        }

        private int predict(int[] out, int i, int width) {
            int ra = out[i - 1];
            int rb = out[i - width];
            int rc = out[i - width - 1];
            return switch (predictor) {
                case 1 -> ra;
                case 2 -> rb;
                case 3 -> rc;
                case 4 -> ra + rb - rc;
                case 5 -> ra + ((rb - rc) >> 1);
                case 6 -> rb + ((ra - rc) >> 1);
                default -> (ra + rb) >> 1;
            };
        }

        /**
         * Tops the bit buffer up to more than 56 bits. FF00 is a stuffed FF (T.81 F.1.2.3); at a marker the
         * buffer is padded with zero bits, counted in {@code padBits}, so that reading them shows as truncation.
         */
        private void fill() {
            while (bitCount <= 56) {
                int b;
                if (padBits > 0 || pos >= in.length) {
                    b = 0;
                    padBits += 8;
                } else {
                    b = in[pos] & 0xFF;
                    if (b == 0xFF) {
                        int next = pos + 1 < in.length ? in[pos + 1] & 0xFF : -1;
                        if (next == 0) {
                            pos += 2;
                        } else {
                            b = 0;
                            padBits += 8; // a marker (or the end): stop here, leave it for the parser
                        }
                    } else {
                        pos++;
                    }
                }
                bits = bits << 8 | b;
                bitCount += 8;
            }
        }

        /** The end of an interval: what is left of the data must be the padding to a byte boundary. */
        private void discardToMarker() {
            int realBits = bitCount - padBits;
            if (realBits >= 8) {
                // The buffer read ahead whole bytes; hand them back to the byte position.
                int extraBytes = realBits / 8;
                pos = rewind(extraBytes);
            }
            bits = 0;
            bitCount = 0;
            padBits = 0;
        }

        /** Moves the read position back over {@code bytes} data bytes, counting a stuffed FF00 as one. */
        private int rewind(int bytes) {
            int p = pos;
            for (int k = 0; k < bytes; k++) {
                if (p >= 2 && (in[p - 1] & 0xFF) == 0 && (in[p - 2] & 0xFF) == 0xFF) {
                    p -= 2;
                } else {
                    p -= 1;
                }
            }
            return p;
        }

        private void readRestart(int expected) {
            discardToMarker();
            if (pos + 1 >= in.length) {
                throw parser.fail("ends where restart marker RST" + expected + " belongs (truncated?)");
            }
            int marker = in[pos + 1] & 0xFF;
            if ((in[pos] & 0xFF) != 0xFF || marker != RST0 + expected) {
                throw parser.fail(String.format("has %02X%02X at offset %d where restart marker RST%d belongs"
                        + " (restart interval %d)", in[pos] & 0xFF, marker, pos, expected, parser.restartInterval));
            }
            pos += 2;
        }

        private void finishEntropyData() {
            discardToMarker();
            // The next thing must be a marker (EOI), which the parser reads.
            if (pos < in.length && (in[pos] & 0xFF) != 0xFF) {
                throw parser.fail(String.format("has data byte %02X at offset %d after all samples, where a marker"
                        + " belongs", in[pos] & 0xFF, pos));
            }
        }
    }
}
