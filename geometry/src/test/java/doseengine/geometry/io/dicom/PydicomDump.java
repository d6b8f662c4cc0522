package doseengine.geometry.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What pydicom reads from a file, as lines the tests compare with the codec: every element, nested ones by
 * their path ({@code 30060020/0/30060026}), and every frame's stored pixel values as little-endian int32.
 */
final class PydicomDump {
    /** One element: path of tags and item indexes, kind (T text, N numbers, Q item count, B bytes), values. */
    record Line(String path, char kind, List<String> values) {}

    private static final String SCRIPT = """
            import sys, pydicom, numpy as np
            from pydicom.multival import MultiValue
            path, out, pix = sys.argv[1], sys.argv[2], sys.argv[3]
            ds = pydicom.dcmread(path, force=True)
            TEXT = {'AE','AS','CS','DA','DS','DT','IS','LO','PN','SH','TM','UC','UI','UR'}
            NUM = {'US','SS','UL','SL','FL','FD'}
            lines = []
            def values(v):
                return list(v) if isinstance(v, (MultiValue, list, tuple)) else [v]
            def dump(d, prefix):
                for elem in d:
                    key = prefix + '%08X' % elem.tag
                    if elem.tag == 0x7FE00010:
                        continue
                    if elem.VR == 'SQ':
                        lines.append(key + '\\tQ\\t' + str(len(elem.value)))
                        for i, item in enumerate(elem.value):
                            dump(item, key + '/' + str(i) + '/')
                    elif elem.VR in TEXT:
                        if elem.value is None or elem.value == '':
                            lines.append(key + '\\tT')
                        else:
                            vs = [str(x).strip(' \\x00').encode('utf-8').hex() for x in values(elem.value)]
                            lines.append(key + '\\tT\\t' + '\\t'.join(vs))
                    elif elem.VR in NUM:
                        if elem.value is None or elem.value == '' or elem.value == b'':
                            lines.append(key + '\\tN')
                        else:
                            lines.append(key + '\\tN\\t' + '\\t'.join(repr(float(x)) for x in values(elem.value)))
                    elif elem.VR in ('OB', 'UN') and isinstance(elem.value, bytes) and len(elem.value) <= 4096:
                        lines.append(key + '\\tB\\t' + elem.value.hex())
            dump(ds, '')
            open(out, 'w').write('\\n'.join(lines) + '\\n')
            if 'PixelData' in ds and 'Rows' in ds:
                a = ds.pixel_array.astype('<i4')
                a.tofile(pix)
            """;

    private PydicomDump() {}

    static List<Line> dump(Path file, Path dir) throws IOException {
        Path out = dir.resolve("dump.txt");
        ExternalTools.python(SCRIPT, file.toString(), out.toString(), dir.resolve("pixels.i32").toString());
        List<Line> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            List<String> v = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                v.add(f[1].equals("T") ? new String(HexFormat.of().parseHex(f[i]), StandardCharsets.UTF_8) : f[i]);
            }
            lines.add(new Line(f[0], f[1].charAt(0), v));
        }
        return lines;
    }

    /** pydicom's pixel values of every frame, or null when it wrote none. */
    static int[] pixels(Path dir) throws IOException {
        Path p = dir.resolve("pixels.i32");
        if (!Files.exists(p)) {
            return null;
        }
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[bb.remaining() / 4];
        bb.asIntBuffer().get(v);
        return v;
    }

    /** The dataset a path's element lives in and its tag. */
    static DicomElement find(DicomDataset top, String path) {
        String[] parts = path.split("/");
        DicomDataset d = top;
        for (int i = 0; i + 2 < parts.length; i += 2) {
            List<DicomDataset> items = d.sequence(Integer.parseUnsignedInt(parts[i], 16));
            if (items == null) {
                return null;
            }
            d = items.get(Integer.parseInt(parts[i + 1]));
        }
        return d.element(Integer.parseUnsignedInt(parts[parts.length - 1], 16));
    }

    static DicomDataset parentOf(DicomDataset top, String path) {
        String[] parts = path.split("/");
        DicomDataset d = top;
        for (int i = 0; i + 2 < parts.length; i += 2) {
            d = d.sequence(Integer.parseUnsignedInt(parts[i], 16)).get(Integer.parseInt(parts[i + 1]));
        }
        return d;
    }

    static int tagOf(String path) {
        String[] parts = path.split("/");
        return Integer.parseUnsignedInt(parts[parts.length - 1], 16);
    }
}
