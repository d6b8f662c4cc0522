package doseengine.geometry.io.dicom;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.GridGeometry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads quantitative SPECT (an NM Image, PS3.3 A.5, reconstructed: Image Type value 3 RECON TOMO) or PET (a PET
 * Image series, PS3.3 A.21) into activity concentration in Bq/ml at the acquisition time.
 *
 * <p>SPECT is one multi-frame file whose frames are slices (PS3.3 C.8.4.8: Frame Increment Pointer (0028,0009)
 * names Slice Vector (0054,0080), the 1-based slice of each frame). It has no per-frame position: the Detector
 * Information Sequence (0054,0022) item gives Image Position/Orientation (Patient) of the first slice, and the
 * slices follow along the normal (row x column) at Spacing Between Slices (0018,0088), whose sign says which way
 * they stack (PS3.3 C.8.4.15; negative on some Siemens reconstructions). PET slices are single-frame images
 * sorted like CT ({@link SliceStack}).
 *
 * <p>Units: {@link ActivityUnits}. Decay correction (0054,1102) (PS3.3 C.8.9.1.1.6): START means values are
 * already corrected to the acquisition start, which is the time returned; ADMIN means they were corrected back
 * to the administration, so they are multiplied by 2^(-(t_acq - t_admin)/T_half) to give what was there at
 * acquisition; NONE means as measured. The acquisition time is the Series Date/Time for PET (the reference time
 * of START, PS3.3 C.8.9.1.1.1) and the Acquisition Date/Time for NM, each falling back on the other.
 */
public final class ActivityImageReader {
    /** The option a user names a series with when a folder holds several. */
    public static final String SERIES_OPTION = "--activity-series";
    /** The option a user gives the counts calibration with. */
    public static final String CALIBRATION_OPTION = "--calibration-factor";
    private static final String KIND = "SPECT (NM RECON) or PET";

    /**
     * What the file may lack and the caller knows.
     *
     * @param calibration     counts per second per MBq, for images in counts; null when not given
     * @param halfLifeSeconds the nuclide's half-life, used when the file has no Radionuclide Half Life; null
     */
    public record Options(CountsCalibration calibration, Double halfLifeSeconds) {
        public static Options none() { return new Options(null, null); }
    }

    private ActivityImageReader() {}

    public static ActivityImage read(Path folderOrFile, String seriesUid, Options options) {
        return read(DicomFolder.scan(folderOrFile), seriesUid, options);
    }

    /** The SPECT or PET series of a scanned folder; {@code seriesUid} chooses one, or null when there is one. */
    public static ActivityImage read(DicomFolder folder, String seriesUid, Options options) {
        DicomSeriesInfo info = SeriesChoice.choose(folder, KIND, SERIES_OPTION, s -> isActivity(folder, s),
                seriesUid);
        String label = info.modality() + " series " + info.seriesInstanceUid()
                + (info.seriesDescription() == null ? "" : " \"" + info.seriesDescription() + "\"");
        List<String> notes = new ArrayList<>(folder.notes());
        List<DicomFile> headers = folder.headers(info.seriesInstanceUid());
        Loaded loaded = "NM".equals(info.modality())
                ? readNm(label, headers, options, notes)
                : readPet(label, headers, options, notes);
        DicomDataset first = loaded.first;
        Radiopharmaceutical drug = radiopharmaceutical(first, options, notes);
        LocalDateTime acquisition = acquisitionTime(first, info.modality());
        if (acquisition == null) {
            notes.add("no acquisition or series date and time: the acquisition time is unknown");
        }
        decayToAcquisition(first, loaded.values, acquisition, drug, notes);
        requirePhysical(first.file(), label, loaded.values);
        return new ActivityImage(new FloatVolume(loaded.grid, loaded.values), first.string(Tag.FRAME_OF_REFERENCE_UID),
                acquisition, drug, info.seriesInstanceUid(), info.seriesDescription(), info.modality(), notes);
    }

    private record Loaded(DicomDataset first, VoxelGrid grid, float[] values) {}

    private static boolean isActivity(DicomFolder folder, DicomSeriesInfo s) {
        if ("PT".equals(s.modality())) {
            return true;
        }
        if (!"NM".equals(s.modality())) {
            return false;
        }
        String[] type = folder.headers(s.seriesInstanceUid()).get(0).dataset().strings(Tag.IMAGE_TYPE);
        return type != null && type.length > 2 && type[2].startsWith("RECON");
    }

    // ------------------------------------------------------------------------------------------------ NM

    private static Loaded readNm(String label, List<DicomFile> headers, Options options, List<String> notes) {
        if (headers.size() != 1) {
            throw new DicomException(headers.get(0).path(), label + " has " + headers.size()
                    + " files; a SPECT reconstruction is read as one multi-frame NM image");
        }
        DicomFile file = DicomFile.read(headers.get(0).path());
        DicomDataset d = file.dataset();
        Path path = file.path();
        int frames = PixelData.frameCount(d);
        int rows = d.requireInteger(Tag.ROWS);
        int columns = d.requireInteger(Tag.COLUMNS);
        double[] pixelSpacing = d.requireDecimals(Tag.PIXEL_SPACING, 2);
        DicomDataset detector = positionedDetector(d);
        if (detector == null) {
            throw new DicomException(path, label + " has no position: no (0054,0022) Detector Information Sequence "
                    + "item with (0020,0032) Image Position (Patient) and (0020,0037) Image Orientation (Patient), "
                    + "so it cannot be placed on the CT; export the reconstruction with patient position");
        }
        double[] position = detector.requireDecimals(Tag.IMAGE_POSITION_PATIENT, 3);
        double[][] rc = ImagePlaneAxes.rowAndColumn(path, detector.requireDecimals(Tag.IMAGE_ORIENTATION_PATIENT, 6));
        Double spacing = d.decimal(Tag.SPACING_BETWEEN_SLICES);
        if (spacing == null) {
            spacing = d.decimal(Tag.SLICE_THICKNESS);
            if (spacing == null) {
                throw new DicomException(path, label + " gives neither (0018,0088) Spacing Between Slices nor "
                        + "(0018,0050) Slice Thickness: the slices cannot be placed");
            }
            notes.add("no (0018,0088) Spacing Between Slices: slices taken " + spacing
                    + " mm apart from (0018,0050) Slice Thickness");
        }
        if (!(spacing != 0) || !Double.isFinite(spacing)) {
            throw new DicomException(path, Tag.describe(Tag.SPACING_BETWEEN_SLICES) + " is " + spacing
                    + ": slices need a non-zero spacing");
        }
        double[] normal = ImagePlaneAxes.normal(rc[0], rc[1]);
        double sign = Math.signum(spacing);
        double[] k = {sign * normal[0], sign * normal[1], sign * normal[2]};
        VoxelGrid grid = GridGeometry.fromSpacing(path, "(0054,0022) Detector Information Sequence orientation",
                columns, rows, frames, new double[] {pixelSpacing[1], pixelSpacing[0], Math.abs(spacing)},
                position, ImagePlaneAxes.direction(rc[0], rc[1], k));
        int[] sliceOfFrame = sliceOfFrame(d, frames, notes);
        ActivityUnits.Scale scale = ActivityUnits.of(d, grid.voxelVolumeCm3(), options.calibration());
        notes.add(scale.note());
        int plane = rows * columns;
        float[] values = new float[grid.voxelCount()];
        Parallel.map(frames, f -> {
            int[] stored = PixelData.frame(file, f);
            int offset = sliceOfFrame[f] * plane;
            for (int p = 0; p < plane; p++) {
                values[offset + p] = (float) (scale.slope() * stored[p] + scale.intercept());
            }
            return null;
        });
        return new Loaded(d, grid, values);
    }

    private static DicomDataset positionedDetector(DicomDataset d) {
        List<DicomDataset> items = d.sequence(Tag.DETECTOR_INFORMATION_SEQUENCE);
        if (items != null) {
            for (DicomDataset item : items) {
                if (item.contains(Tag.IMAGE_POSITION_PATIENT) && item.contains(Tag.IMAGE_ORIENTATION_PATIENT)) {
                    return item;
                }
            }
        }
        return null;
    }

    /**
     * The 0-based slice of each frame, from the Slice Vector the Frame Increment Pointer names (PS3.3 C.7.6.6.1.1,
     * C.8.4.8.1). Any other vector it names must hold one value: several energy windows, gates or time slots
     * are several images, not one activity distribution.
     */
    private static int[] sliceOfFrame(DicomDataset d, int frames, List<String> notes) {
        byte[] pointers = d.bytes(Tag.FRAME_INCREMENT_POINTER);
        int[] identity = new int[frames];
        Arrays.setAll(identity, f -> f);
        if (pointers == null) {
            notes.add("no (0028,0009) Frame Increment Pointer: frames taken as slices in order");
            return identity;
        }
        boolean slices = false;
        for (int at = 0; at + 4 <= pointers.length; at += 4) {
            int tag = (pointers[at] & 0xFF | (pointers[at + 1] & 0xFF) << 8) << 16
                    | pointers[at + 2] & 0xFF | (pointers[at + 3] & 0xFF) << 8;
            if (tag == Tag.SLICE_VECTOR) {
                slices = true;
                continue;
            }
            double[] vector = d.decimals(tag);
            if (vector != null && Arrays.stream(vector).distinct().count() > 1) {
                throw new DicomException(d.file(), "(0028,0009) Frame Increment Pointer steps through "
                        + Tag.describe(tag) + " too: a gated, dynamic or multi-window image is several activity "
                        + "images; export the one reconstruction to use");
            }
        }
        if (!slices) {
            throw new DicomException(d.file(), "(0028,0009) Frame Increment Pointer does not name (0054,0080) "
                    + "Slice Vector: the frames are not slices of a reconstruction");
        }
        double[] vector = d.decimals(Tag.SLICE_VECTOR);
        if (vector == null || vector.length != frames) {
            throw new DicomException(d.file(), Tag.describe(Tag.SLICE_VECTOR) + " has "
                    + (vector == null ? 0 : vector.length) + " values for " + frames + " frames");
        }
        int[] slice = new int[frames];
        boolean[] seen = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            int s = (int) vector[f] - 1;
            if (s < 0 || s >= frames || seen[s]) {
                throw new DicomException(d.file(), Tag.describe(Tag.SLICE_VECTOR) + " value " + (long) vector[f]
                        + " of frame " + (f + 1) + " is out of 1.." + frames + " or repeated");
            }
            seen[s] = true;
            slice[f] = s;
        }
        return slice;
    }

    // ------------------------------------------------------------------------------------------------ PET

    private static Loaded readPet(String label, List<DicomFile> headers, Options options, List<String> notes) {
        Map<Path, DicomFile> byFile = new HashMap<>();
        List<SlicePlane> planes = new ArrayList<>();
        for (DicomFile h : headers) {
            planes.add(CtSeriesReader.plane(h));
            byFile.put(h.path(), h);
        }
        SliceStack stack = SliceStack.of(label, planes);
        VoxelGrid grid = stack.grid();
        int plane = grid.nx() * grid.ny();
        float[] values = new float[grid.voxelCount()];
        List<String> scaleNotes = Parallel.map(stack.slices().size(), k -> {
            DicomFile f = DicomFile.read(stack.slices().get(k).file());
            ActivityUnits.Scale scale = ActivityUnits.of(f.dataset(), grid.voxelVolumeCm3(), options.calibration());
            int[] stored = PixelData.frame(f, 0);
            if (stored.length != plane) {
                throw new DicomException(f.path(), Tag.describe(Tag.PIXEL_DATA) + " holds " + stored.length
                        + " pixels where the series' slices have " + plane);
            }
            int offset = k * plane;
            for (int p = 0; p < plane; p++) {
                values[offset + p] = (float) (scale.slope() * stored[p] + scale.intercept());
            }
            return scale.note();
        });
        notes.add(scaleNotes.get(0) + (scaleNotes.size() > 1 ? ", each slice its own" : ""));
        return new Loaded(byFile.get(stack.slices().get(0).file()).dataset(), grid, values);
    }

    // ------------------------------------------------------------------------------------ time and decay

    static LocalDateTime acquisitionTime(DicomDataset d, String modality) {
        LocalDateTime series = dateAndTime(d, Tag.SERIES_DATE, Tag.SERIES_TIME);
        LocalDateTime acquisition = d.string(Tag.ACQUISITION_DATE_TIME) != null
                ? DicomDateTimes.dateTime(d.file(), Tag.describe(Tag.ACQUISITION_DATE_TIME),
                d.string(Tag.ACQUISITION_DATE_TIME))
                : dateAndTime(d, Tag.ACQUISITION_DATE, Tag.ACQUISITION_TIME);
        return "PT".equals(modality) ? (series != null ? series : acquisition)
                : (acquisition != null ? acquisition : series);
    }

    private static LocalDateTime dateAndTime(DicomDataset d, int dateTag, int timeTag) {
        String date = d.string(dateTag);
        String time = d.string(timeTag);
        if (date == null || time == null) {
            return null;
        }
        return LocalDateTime.of(DicomDateTimes.date(d.file(), Tag.describe(dateTag), date),
                DicomDateTimes.time(d.file(), Tag.describe(timeTag), time));
    }

    static Radiopharmaceutical radiopharmaceutical(DicomDataset d, Options options, List<String> notes) {
        List<DicomDataset> items = d.sequence(Tag.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE);
        if (items == null || items.isEmpty()) {
            notes.add("no (0054,0016) Radiopharmaceutical Information Sequence");
            return new Radiopharmaceutical(null, null, null, options.halfLifeSeconds());
        }
        DicomDataset item = items.get(0);
        // Radionuclide (0018,0030) is retired but still written; Radiopharmaceutical (0018,0031) is free text that
        // usually names the nuclide ("Lu-177 DOTATATE"): the last resort before nothing.
        String nuclide = item.string(Tag.RADIONUCLIDE) != null ? item.string(Tag.RADIONUCLIDE)
                : item.string(Tag.RADIOPHARMACEUTICAL);
        List<DicomDataset> codes = item.sequence(Tag.RADIONUCLIDE_CODE_SEQUENCE);
        if (codes != null && !codes.isEmpty()) {
            DicomDataset code = codes.get(0);
            nuclide = code.string(Tag.CODE_MEANING) != null ? code.string(Tag.CODE_MEANING)
                    : code.string(Tag.CODE_VALUE) != null ? code.string(Tag.CODE_VALUE) : nuclide;
        }
        LocalDateTime injection = null;
        String startDateTime = item.string(Tag.RADIOPHARMACEUTICAL_START_DATE_TIME);
        String startTime = item.string(Tag.RADIOPHARMACEUTICAL_START_TIME);
        if (startDateTime != null) {
            injection = DicomDateTimes.dateTime(d.file(), Tag.describe(Tag.RADIOPHARMACEUTICAL_START_DATE_TIME),
                    startDateTime);
        } else if (startTime != null) {
            int dateTag = d.string(Tag.SERIES_DATE) != null ? Tag.SERIES_DATE : Tag.ACQUISITION_DATE;
            String date = d.string(dateTag);
            if (date != null) {
                LocalDate day = DicomDateTimes.date(d.file(), Tag.describe(dateTag), date);
                injection = LocalDateTime.of(day, DicomDateTimes.time(d.file(),
                        Tag.describe(Tag.RADIOPHARMACEUTICAL_START_TIME), startTime));
                notes.add("injection time from (0018,1072) Radiopharmaceutical Start Time on the "
                        + Tag.describe(dateTag) + " " + date);
            }
        }
        Double totalDose = item.decimal(Tag.RADIONUCLIDE_TOTAL_DOSE);
        Double halfLife = item.decimal(Tag.RADIONUCLIDE_HALF_LIFE);
        if (halfLife == null) {
            halfLife = options.halfLifeSeconds();
            if (halfLife != null) {
                notes.add("half-life " + halfLife + " s as given; the file has no (0018,1075) Radionuclide Half Life");
            }
        } else if (options.halfLifeSeconds() != null && Math.abs(options.halfLifeSeconds() - halfLife) > 1e-6 * halfLife) {
            notes.add("half-life " + halfLife + " s from (0018,1075) Radionuclide Half Life, not the "
                    + options.halfLifeSeconds() + " s given");
        }
        // The unit of (0018,1074) differs by module: MBq in the NM Isotope Module (PS3.3 C.8.4.10), Bq in the PET
        // Isotope Module (C.8.9.2).
        double toMBq = "NM".equals(d.string(Tag.MODALITY)) ? 1 : 1e-6;
        return new Radiopharmaceutical(nuclide, injection, totalDose == null ? null : totalDose * toMBq, halfLife);
    }

    private static void decayToAcquisition(DicomDataset d, float[] values, LocalDateTime acquisition,
                                           Radiopharmaceutical drug, List<String> notes) {
        String correction = d.string(Tag.DECAY_CORRECTION);
        if (correction == null) {
            notes.add("no (0054,1102) Decay Correction: values taken as the activity at acquisition");
            return;
        }
        switch (correction) {
            case "START" -> notes.add("decay correction START: values are at the acquisition start"
                    + (acquisition == null ? "" : " " + acquisition) + ", nothing to undo");
            case "NONE" -> notes.add("decay correction NONE: values are as measured during the acquisition");
            case "ADMIN" -> {
                String why = "(0054,1102) Decay Correction is ADMIN (values corrected back to the injection) but ";
                if (acquisition == null) {
                    throw new DicomException(d.file(), why + "the acquisition time is unknown");
                }
                if (drug.injectionTime() == null) {
                    throw new DicomException(d.file(), why + "the injection time is missing ((0018,1078) "
                            + "Radiopharmaceutical Start DateTime or (0018,1072) Start Time)");
                }
                if (drug.halfLifeSeconds() == null) {
                    throw new DicomException(d.file(), why + "the half-life is unknown: the file has no (0018,1075) "
                            + "Radionuclide Half Life; give the nuclide's half-life");
                }
                Duration elapsed = Duration.between(drug.injectionTime(), acquisition);
                if (elapsed.isNegative()) {
                    throw new DicomException(d.file(), why + "the injection (" + drug.injectionTime()
                            + ") is after the acquisition (" + acquisition + ")");
                }
                double factor = Radiopharmaceutical.decayFactor(elapsed, drug.halfLifeSeconds());
                for (int v = 0; v < values.length; v++) {
                    values[v] = (float) (values[v] * factor);
                }
                notes.add(String.format(Locale.ROOT, "decay correction ADMIN undone: values multiplied by %.6f "
                        + "(%.3f h from injection %s to acquisition %s, half-life %s s)", factor,
                        elapsed.toMillis() / 3.6e6, drug.injectionTime(), acquisition, drug.halfLifeSeconds()));
            }
            default -> throw new DicomException(d.file(), "(0054,1102) Decay Correction '" + correction
                    + "' is not START, ADMIN or NONE");
        }
    }

    /** Activity is finite and not negative; anything else would be integrated into a dose that means nothing. */
    private static void requirePhysical(Path file, String label, float[] values) {
        int negative = 0;
        float min = 0;
        for (int v = 0; v < values.length; v++) {
            float x = values[v];
            if (!Float.isFinite(x)) {
                throw new DicomException(file, label + " has a non-finite value at voxel " + v);
            }
            if (x < 0) {
                negative++;
                min = Math.min(min, x);
            }
        }
        if (negative > 0) {
            throw new DicomException(file, String.format(Locale.ROOT, "%s has %d negative voxels (down to %.4g "
                    + "Bq/ml): activity cannot be negative; reconstruct with a non-negative method (OSEM) or clip "
                    + "them first", label, negative, min));
        }
    }
}
