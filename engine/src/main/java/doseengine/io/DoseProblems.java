package doseengine.io;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.GridMismatchException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.ct.CtConversion;
import doseengine.geometry.ct.CtConverter;
import doseengine.geometry.ct.HuRangePolicy;
import doseengine.geometry.ct.HuToDensity;
import doseengine.geometry.ct.HuToMaterial;
import doseengine.geometry.io.ImageFiles;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.resample.ActivityResampler;
import doseengine.geometry.resample.LabelResampler;
import doseengine.geometry.resample.ResampledActivity;
import doseengine.phantoms.Phantom;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import doseengine.transport.DoseProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link DoseProblem} on the CT's grid: from the input files of {@code doseengine run}, or from a phantom
 * (the demo).
 *
 * <ul>
 * <li>CT: a NIfTI or MetaImage file, or a DICOM CT series ({@link CtInput}); DICOM is described in docs/dicom.md.
 * CT (HU) to density and material with the Schneider 2000 calibration or the user's tables; CT numbers
 * outside a table are clamped to its end and counted in the notes; NaN or infinite CT numbers are refused.</li>
 * <li>Activity: converted to time-integrated activity (MBq h) in its own unit ({@link ActivityUnit}), on its own
 * grid; then, if its grid differs from the CT's, resampled onto the CT grid conserving the total
 * ({@link ActivityResampler}: refused when more than 0.1 % of it falls outside the CT). Negative, NaN or infinite
 * voxels and an all-zero image are refused.</li>
 * <li>Activity: an image file in the unit of the request, or a DICOM SPECT/PET in Bq/ml at its acquisition time
 * ({@link DicomActivityInput}).</li>
 * <li>Structures: an RT Structure Set on a DICOM CT ({@link RtStructInput}, overlapping structures allowed), or:</li>
 * <li>Labels: integer values 0..32767 (0 = background). On another grid they are resampled onto the CT grid by
 * nearest neighbour ({@link LabelResampler}); a label image none of whose labelled voxels lies in the CT grid is
 * refused. Names come from {@code --label-names}, else from a JSON file beside the labels with the same stem
 * ({@code labels.nii.gz} -> {@code labels.json}), else from {@code labels.json} in the same folder; without any,
 * each value v is named {@code label_v}. Values without a name are left out of the statistics (noted).</li>
 * </ul>
 */
public final class DoseProblems {
    /**
     * The inputs; everything but ct, activity, unit and nuclide may be null. {@code ct} and {@code activity} are
     * image files or DICOM (a folder or a file of the series); {@code rtstruct} and {@code labels} exclude each
     * other.
     *
     * @param ctSeries         the CT series UID when a DICOM folder holds several
     * @param activitySeries   the SPECT/PET series UID when a DICOM folder holds several
     * @param countsPerSecondPerMBq the calibration of a DICOM activity image in counts
     * @param structures       the RTSTRUCT ROIs to keep, or null for all
     */
    public record Request(Path ct, String ctSeries, Path activity, String activitySeries, ActivityUnit unit,
                          Double tiaHours, Double countsPerSecondPerMBq, Path labels, Path labelNames, Path rtstruct,
                          List<String> structures, String nuclide, Path densityCalibration,
                          Path materialCalibration) {
        /** The inputs of a run on image files only. */
        public Request(Path ct, Path activity, ActivityUnit unit, Double tiaHours, Path labels, Path labelNames,
                       String nuclide, Path densityCalibration, Path materialCalibration) {
            this(ct, null, activity, null, unit, tiaHours, null, labels, labelNames, null, null, nuclide,
                    densityCalibration, materialCalibration);
        }
    }

    /**
     * A problem with what its inputs said beside the voxels.
     *
     * @param ctReference the CT's DICOM study and frame of reference (null when the CT was not DICOM)
     * @param facts       what the report's inputs should show (the DICOM series read, the radiopharmaceutical)
     * @param warnings    what the user must see (a nuclide that is not the run's, another frame of reference)
     * @param injectedMBq the administered activity a DICOM activity image records, or null
     */
    public record Patient(DoseProblem problem, DicomReference ctReference, Map<String, String> facts,
                          List<String> warnings, Double injectedMBq) {}

    private DoseProblems() {}

    public static DoseProblem read(Request r) {
        return readPatient(r).problem();
    }

    public static Patient readPatient(Request r) {
        Nuclide nuclide = NuclideCatalog.get(r.nuclide());
        r.unit().checkHours(r.tiaHours());
        if (r.labels() != null && r.rtstruct() != null) {
            throw new BadInputException("--labels and --rtstruct exclude each other: give the structures once");
        }
        if (r.structures() != null && r.rtstruct() == null) {
            throw new BadInputException("--structures picks ROIs of an RT Structure Set: give --rtstruct FILE");
        }
        List<String> notes = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();

        CtInput ctInput = CtInput.read(r.ct(), r.ctSeries());
        notes.addAll(ctInput.notes());
        Volume ct = ctInput.hu();
        VoxelGrid grid = ct.grid();
        CtConverter converter = converter(r.densityCalibration(), r.materialCalibration());
        CtConversion conversion = converter.convert(ct, r.ct().toString());
        notes.addAll(conversion.warnings());

        FloatVolume image;
        Double injected = null;
        if (InputFormat.isDicom(r.activity())) {
            if (r.unit() != ActivityUnit.BQ_PER_ML) {
                throw new BadInputException(r.activity() + " is a DICOM SPECT or PET, read as activity concentration "
                        + "in Bq/ml at its acquisition time; --activity-unit " + r.unit().label() + " does not apply");
            }
            DicomActivityInput a = DicomActivityInput.read(r.activity(), r.activitySeries(),
                    r.countsPerSecondPerMBq(), nuclide, ctInput.reference());
            notes.addAll(a.notes());
            facts.putAll(a.facts());
            warnings.addAll(a.warnings());
            injected = a.injectedMBq();
            image = a.bqPerMl();
        } else {
            if (r.activitySeries() != null || r.countsPerSecondPerMBq() != null) {
                throw new BadInputException((r.activitySeries() != null ? "--activity-series" : "--calibration-factor")
                        + " applies to a DICOM SPECT or PET, but " + r.activity() + " is an image file");
            }
            image = ImageFiles.read(r.activity()).toFloat();
        }
        FloatVolume tia = toTia(image, r, grid, notes);
        LabelMap labels = null;
        if (r.labels() != null) {
            labels = readLabels(r.labels(), r.labelNames(), grid, notes);
        } else if (r.rtstruct() != null) {
            labels = RtStructInput.read(r.rtstruct(), grid, ctInput.reference(), r.structures(), notes);
        }
        DoseProblem problem = new DoseProblem(ctInput.name(), ct, conversion.density(), conversion.material(),
                materials(conversion), tia, labels, nuclide, notes);
        return new Patient(problem, ctInput.reference(), facts, warnings, injected);
    }

    /**
     * The problem of a time-integrated activity map already on the CT's grid (the study command's TIA map): the CT
     * read from {@code path} (an image file or a DICOM series, {@link CtInput}) converted with the given calibrations
     * (null for the defaults), {@code tiaMBqH} and {@code labels} as they are. Refused when the map is empty or not
     * on the CT's grid.
     */
    public static DoseProblem fromCt(CtInput ct, Path path, FloatVolume tiaMBqH, LabelMap labels, Nuclide nuclide,
            Path densityCalibration, Path materialCalibration) {
        Volume image = ct.hu();
        image.grid().requireSameGrid(tiaMBqH.grid(), "CT", "time-integrated activity");
        if (!(tiaMBqH.sum() > 0)) {
            throw new BadInputException(path + ": the time-integrated activity map on this CT is empty");
        }
        CtConversion conversion = converter(densityCalibration, materialCalibration).convert(image, path.toString());
        List<String> notes = new ArrayList<>(conversion.warnings());
        return new DoseProblem(ct.name(), image, conversion.density(), conversion.material(), materials(conversion),
                tiaMBqH, labels, nuclide, notes);
    }

    /**
     * A phantom with its activity map (MBq per voxel at t = 0) integrated over {@code tiaHours}, on the default CT
     * calibration.
     */
    public static DoseProblem fromPhantom(Phantom phantom, Nuclide nuclide, double tiaHours, List<String> notes) {
        CtConversion conversion = CtConverter.schneider2000().convert(phantom.ctHu(), phantom.name() + " CT");
        List<String> all = new ArrayList<>(notes);
        all.addAll(conversion.warnings());
        FloatVolume tia = ActivityUnit.MBQ.toMBqHours(phantom.activityMBq(), tiaHours);
        return new DoseProblem(phantom.name() + " phantom", phantom.ctHu(), conversion.density(),
                conversion.material(), materials(conversion), tia, phantom.labels(), nuclide, all);
    }

    /** The catalog materials behind the conversion's material indices, in index order. */
    private static List<Material> materials(CtConversion conversion) {
        MaterialCatalog catalog = MaterialCatalog.standard();
        return conversion.materialNames().stream().map(catalog::get).toList();
    }

    private static CtConverter converter(Path densityCsv, Path materialCsv) {
        HuToDensity density = densityCsv == null ? HuToDensity.schneider2000() : HuToDensity.load(densityCsv);
        HuToMaterial material = materialCsv == null ? HuToMaterial.schneider2000Collapsed()
                : HuToMaterial.load(materialCsv);
        material.requireKnown(MaterialCatalog.standard().names());
        return new CtConverter(density, material, HuRangePolicy.CLAMP_AND_COUNT);
    }

    private static FloatVolume toTia(FloatVolume image, Request r, VoxelGrid ctGrid, List<String> notes) {
        Path file = r.activity();
        requirePhysicalActivity(image, file);
        FloatVolume tia = r.unit().toMBqHours(image, r.tiaHours());
        if (r.unit() != ActivityUnit.MBQH) {
            notes.add(String.format(Locale.ROOT, "activity read in %s%s and converted to time-integrated activity "
                    + "in MBq h", r.unit().label(), r.tiaHours() == null ? ""
                    : " with an integration time of " + r.tiaHours() + " h"));
        }
        if (!tia.grid().sameGeometry(ctGrid, VoxelGrid.DEFAULT_TOLERANCE_MM)) {
            ResampledActivity moved = new ActivityResampler().resample(tia, ctGrid, file.toString());
            tia = moved.activity();
            notes.add(String.format(Locale.ROOT, "activity resampled onto the CT grid (%s): %.6g MBq h of %.6g MBq h "
                    + "inside the CT, %.3g %% outside", moved.method(), moved.targetTotal(), moved.sourceTotal(),
                    100 * moved.fractionOutside()));
        }
        if (!(tia.sum() > 0)) {
            throw new BadInputException(file + ": activity image is empty: no voxel has activity > 0");
        }
        return tia;
    }

    /** Refuses the first negative, NaN or infinite voxel, naming the file and the voxel. */
    public static void requirePhysicalActivity(FloatVolume image, Path file) {
        float[] a = image.data();
        VoxelGrid g = image.grid();
        for (int v = 0; v < a.length; v++) {
            if (!(a[v] >= 0) || Float.isInfinite(a[v])) {
                int i = v % g.nx(), j = (v / g.nx()) % g.ny(), k = v / (g.nx() * g.ny());
                throw new BadInputException(String.format(Locale.ROOT,
                        "%s: activity at voxel (%d,%d,%d) is %s; it must be finite and >= 0", file, i, j, k, a[v]));
            }
        }
    }

    /**
     * The label image {@code file} with its names ({@code namesFile}, else the JSON beside it, else
     * {@code label_<value>}), resampled by nearest neighbour onto {@code ctGrid} when its grid differs; what was
     * decided goes to {@code notes}. Shared by {@code run} and the study command.
     */
    public static LabelMap readLabels(Path file, Path namesFile, VoxelGrid ctGrid, List<String> notes) {
        ShortVolume values = labelValues(ImageFiles.read(file), file);
        TreeSet<Integer> present = new TreeSet<>();
        for (short s : values.data()) {
            if (s > 0) {
                present.add((int) s);
            }
        }
        Path names = namesFile != null ? namesFile : besideNames(file);
        Map<Integer, String> byValue = new TreeMap<>();
        if (names != null) {
            byValue.putAll(LabelNamesJson.read(names));
            TreeSet<Integer> unnamed = new TreeSet<>(present);
            unnamed.removeAll(byValue.keySet());
            if (!unnamed.isEmpty()) {
                notes.add("label values " + unnamed + " of " + file.getFileName() + " have no name in "
                        + names.getFileName() + " and are left out of the organ statistics");
            }
        } else {
            for (int v : present) {
                byValue.put(v, "label_" + v);
            }
            notes.add("no label names file found beside " + file.getFileName() + "; labels are named label_<value>");
        }
        LabelMap labels;
        try {
            labels = new LabelMap(values, byValue);
        } catch (BadInputException e) { // a name given to two values
            throw new BadInputException((names != null ? names : file) + ": " + e.getMessage(), e);
        }
        if (!values.grid().sameGeometry(ctGrid, VoxelGrid.DEFAULT_TOLERANCE_MM)) {
            labels = LabelResampler.resample(labels, ctGrid);
            boolean anyBefore = !present.isEmpty();
            boolean anyAfter = false;
            for (int k = 0; k < labels.layerCount() && !anyAfter; k++) {
                for (short s : labels.layer(k).data()) {
                    if (s > 0) {
                        anyAfter = true;
                        break;
                    }
                }
            }
            if (anyBefore && !anyAfter) {
                throw new GridMismatchException(file + ": no labelled voxel lies inside the CT grid (labels "
                        + values.grid() + ", CT " + ctGrid + ")");
            }
            notes.add("labels resampled onto the CT grid by nearest neighbour");
        }
        List<String> empty = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : labels.voxelCounts().entrySet()) {
            if (e.getValue() == 0) {
                empty.add(labels.names().get(e.getKey()));
            }
        }
        if (!empty.isEmpty()) {
            notes.add("labels without any voxel on the CT grid: " + String.join(", ", empty));
        }
        return labels;
    }

    /** The JSON file beside an image with the same stem: {@code activity.nii.gz} -> {@code activity.json}. */
    static Path jsonBeside(Path image) {
        String stem = image.getFileName().toString().replaceFirst(
                "(?i)(\\.nii\\.gz|\\.nii|\\.mhd|\\.mha|\\.hdr|\\.img|\\.hdr\\.gz|\\.img\\.gz)$", "");
        return image.toAbsolutePath().getParent().resolve(stem + ".json");
    }

    /** The label image as 16-bit values, refusing anything that is not an integer in 0..32767. */
    private static ShortVolume labelValues(Volume v, Path file) {
        if (v instanceof ShortVolume s) {
            for (short x : s.data()) {
                if (x < 0) {
                    throw new BadInputException(file + ": label value " + x + " is negative; labels are 0..32767");
                }
            }
            return s;
        }
        int n = v.grid().voxelCount();
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double x = v.valueAt(i);
            if (!(x >= 0 && x <= Short.MAX_VALUE) || x != Math.rint(x)) {
                throw new BadInputException(file + ": label value " + x + " is not an integer in 0..32767");
            }
            out[i] = (short) x;
        }
        return new ShortVolume(v.grid(), out);
    }

    /** {@code <stem>.json} beside the label image, else {@code labels.json} in its folder, else null. */
    static Path besideNames(Path labels) {
        Path dir = labels.toAbsolutePath().getParent();
        for (Path p : new Path[] {jsonBeside(labels), dir.resolve("labels.json")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
