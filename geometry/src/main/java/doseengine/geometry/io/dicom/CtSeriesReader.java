package doseengine.geometry.io.dicom;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CT series (PS3.3 A.3 CT Image IOD) into Hounsfield units on one grid.
 *
 * <p>Slices are sorted and checked by {@link SliceStack}. Each slice's Modality LUT is its own Rescale Slope and
 * Intercept (PS3.3 C.11.1.1.2; 1 and 0 when absent): scanners change the intercept between slices of one series,
 * so it is never taken from the first slice alone. Localizers (Image Type LOCALIZER, PS3.3 C.8.2.1.1.1) that
 * share the series are left out with a note; they are projections, not slices.
 *
 * <p>Speed: headers come from the folder scan; pixels are decoded on every core straight into one primitive
 * array, slice by slice, with integer arithmetic when every rescale is integral (the usual case).
 */
public final class CtSeriesReader {
    /** The option a user names a series with when a folder holds several CTs. */
    public static final String SERIES_OPTION = "--ct-series";

    private CtSeriesReader() {}

    /** The CT series of a folder (searched recursively) or file; {@code seriesUid} chooses one, or null. */
    public static CtSeries read(Path folderOrFile, String seriesUid) {
        return read(DicomFolder.scan(folderOrFile), seriesUid);
    }

    /** The CT series of a scanned folder; {@code seriesUid} chooses one, or null when there is only one. */
    public static CtSeries read(DicomFolder folder, String seriesUid) {
        DicomSeriesInfo info = SeriesChoice.choose(folder, "CT", SERIES_OPTION, s -> "CT".equals(s.modality()),
                seriesUid);
        String label = "CT series " + info.seriesInstanceUid()
                + (info.seriesDescription() == null ? "" : " \"" + info.seriesDescription() + "\"");
        List<String> notes = new ArrayList<>(folder.notes());
        List<DicomFile> headers = new ArrayList<>();
        int localizers = 0;
        for (DicomFile h : folder.headers(info.seriesInstanceUid())) {
            String[] type = h.dataset().strings(Tag.IMAGE_TYPE);
            if (type != null && Arrays.asList(type).contains("LOCALIZER")) {
                localizers++;
            } else {
                headers.add(h);
            }
        }
        if (localizers > 0) {
            notes.add("left out " + localizers + " localizer image(s) of " + label);
        }
        if (headers.isEmpty()) {
            throw new DicomException(folder.source(), label + " holds only localizer images, no slices");
        }
        Map<Path, DicomFile> byFile = new HashMap<>();
        List<SlicePlane> planes = new ArrayList<>();
        for (DicomFile h : headers) {
            planes.add(plane(h));
            byFile.put(h.path(), h);
        }
        SliceStack stack = SliceStack.of(label, planes);
        List<DicomFile> sorted = new ArrayList<>();
        for (SlicePlane p : stack.slices()) {
            sorted.add(byFile.get(p.file()));
        }
        Volume hu = readHu(stack.grid(), sorted);
        DicomFile first = sorted.get(0);
        return new CtSeries(hu, reference(first.dataset()), info.seriesInstanceUid(), info.seriesDescription(),
                notes);
    }

    /** The plane of one single-frame slice header. */
    static SlicePlane plane(DicomFile h) {
        DicomDataset d = h.dataset();
        if (PixelData.frameCount(d) != 1) {
            throw new DicomException(h.path(), Tag.describe(Tag.NUMBER_OF_FRAMES) + " is "
                    + PixelData.frameCount(d) + ": multi-frame (enhanced) images are not read as slices; "
                    + "export the series as single-frame images");
        }
        Double tilt = d.decimal(Tag.GANTRY_DETECTOR_TILT);
        return new SlicePlane(h.path(), d.requireDecimals(Tag.IMAGE_POSITION_PATIENT, 3),
                d.requireDecimals(Tag.IMAGE_ORIENTATION_PATIENT, 6), d.requireInteger(Tag.ROWS),
                d.requireInteger(Tag.COLUMNS), d.requireDecimals(Tag.PIXEL_SPACING, 2), tilt == null ? 0 : tilt);
    }

    /** The patient, study and frame of reference a derived RT object copies from its CT. */
    static DicomReference reference(DicomDataset d) {
        return new DicomReference(d.requireString(Tag.STUDY_INSTANCE_UID),
                d.requireString(Tag.FRAME_OF_REFERENCE_UID), d.string(Tag.PATIENT_NAME), d.string(Tag.PATIENT_ID),
                d.string(Tag.PATIENT_BIRTH_DATE), d.string(Tag.PATIENT_SEX), d.string(Tag.STUDY_DATE),
                d.string(Tag.STUDY_TIME), d.string(Tag.STUDY_ID), d.string(Tag.ACCESSION_NUMBER),
                d.string(Tag.REFERRING_PHYSICIAN_NAME), d.string(Tag.STUDY_DESCRIPTION));
    }

    /** Slope and intercept of a slice's Modality LUT (PS3.3 C.11.1.1.2), 1 and 0 when absent. */
    static double[] rescale(DicomDataset d) {
        Double slope = d.decimal(Tag.RESCALE_SLOPE);
        Double intercept = d.decimal(Tag.RESCALE_INTERCEPT);
        double s = slope == null ? 1 : slope;
        double b = intercept == null ? 0 : intercept;
        if (!Double.isFinite(s) || !Double.isFinite(b) || s == 0) {
            throw new DicomException(d.file(), Tag.describe(Tag.RESCALE_SLOPE) + " " + s + " / "
                    + Tag.describe(Tag.RESCALE_INTERCEPT) + " " + b + " is not a usable rescale");
        }
        return new double[] {s, b};
    }

    private static Volume readHu(VoxelGrid grid, List<DicomFile> sorted) {
        boolean integral = true;
        for (DicomFile h : sorted) {
            double[] r = rescale(h.dataset());
            integral &= r[0] == Math.rint(r[0]) && r[1] == Math.rint(r[1])
                    && Math.abs(r[0]) < 1 << 16 && Math.abs(r[1]) < 1 << 20;
        }
        if (integral) {
            ShortVolume v = readShort(grid, sorted);
            if (v != null) {
                return v;
            }
        }
        return narrowed(readFloat(grid, sorted));
    }

    /** Integer rescale straight into shorts; null when a value leaves short range (then floats are used). */
    private static ShortVolume readShort(VoxelGrid grid, List<DicomFile> sorted) {
        int plane = grid.nx() * grid.ny();
        short[] data = new short[grid.voxelCount()];
        List<Boolean> fits = Parallel.map(sorted.size(), k -> {
            DicomFile f = DicomFile.read(sorted.get(k).path());
            int[] stored = pixels(f, plane);
            double[] r = rescale(f.dataset());
            long slope = (long) r[0];
            long intercept = (long) r[1];
            int offset = k * plane;
            for (int p = 0; p < plane; p++) {
                long v = slope * stored[p] + intercept;
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    return false;
                }
                data[offset + p] = (short) v;
            }
            return true;
        });
        return fits.contains(Boolean.FALSE) ? null : new ShortVolume(grid, data);
    }

    private static FloatVolume readFloat(VoxelGrid grid, List<DicomFile> sorted) {
        int plane = grid.nx() * grid.ny();
        float[] data = new float[grid.voxelCount()];
        Parallel.map(sorted.size(), k -> {
            DicomFile f = DicomFile.read(sorted.get(k).path());
            int[] stored = pixels(f, plane);
            double[] r = rescale(f.dataset());
            int offset = k * plane;
            for (int p = 0; p < plane; p++) {
                data[offset + p] = (float) (r[0] * stored[p] + r[1]);
            }
            return null;
        });
        return new FloatVolume(grid, data);
    }

    /** A float volume whose values all are integers in short range becomes a ShortVolume (half the memory). */
    private static Volume narrowed(FloatVolume v) {
        float[] f = v.data();
        for (float x : f) {
            if (x != Math.rint(x) || x < Short.MIN_VALUE || x > Short.MAX_VALUE) {
                return v;
            }
        }
        short[] s = new short[f.length];
        for (int i = 0; i < f.length; i++) {
            s[i] = (short) f[i];
        }
        return new ShortVolume(v.grid(), s);
    }

    private static int[] pixels(DicomFile f, int plane) {
        int[] stored = PixelData.frame(f, 0);
        if (stored.length != plane) {
            throw new DicomException(f.path(), Tag.describe(Tag.PIXEL_DATA) + " holds " + stored.length
                    + " pixels where the series' slices have " + plane);
        }
        return stored;
    }
}
