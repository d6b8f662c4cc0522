package doseengine.study;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import doseengine.geometry.resample.ActivityResampler;
import doseengine.geometry.resample.ResampledActivity;
import doseengine.io.ActivityMetadata;
import doseengine.io.ActivityUnit;
import doseengine.io.CtInput;
import doseengine.io.DicomActivityInput;
import doseengine.io.DoseProblems;
import doseengine.io.InputFormat;
import doseengine.io.RtStructInput;
import doseengine.physics.decay.Nuclide;
import doseengine.report.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One time point's images as the organ method uses them, all on the time point's own CT grid: the activity in MBq
 * per voxel at that time and the labels. Each time point keeps its own grid: organ sums need no registration.
 *
 * <p>Read as {@code run} reads them: the activity's unit from the study file, else from the JSON beside the image
 * ({@link ActivityMetadata}), else refused; it must be an activity ({@code MBq} per voxel or {@code Bq/ml}), not a
 * time-integrated one. Bq/ml becomes MBq per voxel with the activity image's voxel volume
 * ({@code A = C x V_voxel(ml) x 1e-6}), before resampling onto the CT grid conserving the total
 * ({@link ActivityResampler}). Labels by {@link DoseProblems#readLabels}.
 *
 * <p>DICOM as {@code run} reads it: the CT a series (a folder or one of its files, {@link CtInput}), the activity a
 * quantitative SPECT or PET in Bq/ml at its acquisition time ({@link DicomActivityInput}: decay correction undone,
 * the radiopharmaceutical checked against the study's nuclide, a warning when it differs), the structures an
 * RTSTRUCT on that CT ({@link RtStructInput}: overlapping structures keep their own voxels). The time after
 * injection is the study file's; the DICOM acquisition time is shown beside it in the notes.
 *
 * @param point    the time point of the study file
 * @param activity MBq per voxel at {@code point.hoursAfterInjection()}, on the CT grid
 * @param labels   the structures on the CT grid
 * @param unit     the unit the activity image was read in
 * @param notes    what reading decided (unit source, resampling), in words
 */
public record TimePointImages(ImagingTimePoint point, FloatVolume activity, LabelMap labels, ActivityUnit unit,
        List<String> notes) {
    public TimePointImages {
        notes = List.copyOf(notes);
    }

    /**
     * Reads the time point's CT grid, activity and structures; one line per problem, naming the time point's field.
     *
     * @param nuclide the study's, for a DICOM activity image
     */
    public static TimePointImages read(ImagingTimePoint point, Nuclide nuclide) {
        List<String> notes = new ArrayList<>();
        CtInput ct = CtInput.read(point.ct(), null);
        notes.addAll(ct.notes());
        VoxelGrid grid = ct.hu().grid();
        FloatVolume image;
        ActivityUnit unit;
        if (InputFormat.isDicom(point.activity())) {
            if (point.activityUnit() != null && point.activityUnit() != ActivityUnit.BQ_PER_ML) {
                throw new BadInputException(point.field() + ".activity_unit: " + point.activity() + " is a DICOM "
                        + "SPECT or PET, read in Bq/ml at its acquisition time, not " + point.activityUnit().label());
            }
            DicomActivityInput dicom = DicomActivityInput.read(point.activity(), null, null, nuclide,
                    ct.reference());
            notes.addAll(dicom.notes());
            for (String w : dicom.warnings()) {
                notes.add(RunContext.WARNING_PREFIX + w);
            }
            dicom.facts().forEach((k, v) -> notes.add(k + ": " + v));
            image = dicom.bqPerMl();
            unit = ActivityUnit.BQ_PER_ML;
        } else {
            unit = unitOf(point, notes);
            image = ImageFiles.read(point.activity()).toFloat();
        }
        DoseProblems.requirePhysicalActivity(image, point.activity());
        FloatVolume mbq = toMBq(image, unit);
        if (!mbq.grid().sameGeometry(grid, VoxelGrid.DEFAULT_TOLERANCE_MM)) {
            ResampledActivity moved = new ActivityResampler().resample(mbq, grid, point.activity().toString());
            mbq = moved.activity();
            notes.add(String.format(Locale.ROOT, "activity resampled onto the CT grid (%s): %.6g MBq of %.6g MBq "
                    + "inside the CT", moved.method(), moved.targetTotal(), moved.sourceTotal()));
        }
        LabelMap labels = point.structures().kind() == StructureSource.Kind.RTSTRUCT
                ? RtStructInput.read(point.structures().file(), grid, ct.reference(), null, notes)
                : DoseProblems.readLabels(point.structures().file(), null, grid, notes);
        return new TimePointImages(point, mbq, labels, unit, notes);
    }

    /** The study file's unit, else the image's metadata; refused when neither says or it is time-integrated. */
    private static ActivityUnit unitOf(ImagingTimePoint point, List<String> notes) {
        if (point.activityUnit() != null) {
            return requireActivity(point, point.activityUnit(), "the study file");
        }
        ActivityMetadata metadata = ActivityMetadata.find(point.activity());
        if (metadata == null) {
            throw new BadInputException(point.field() + ".activity: " + point.activity() + ": no unit; give "
                    + "\"activity_unit\" (\"MBq\" per voxel or \"Bq/ml\") in the study file");
        }
        notes.add("activity unit " + metadata.unit().label() + " from " + metadata.source().getFileName());
        return requireActivity(point, metadata.unit(), metadata.source().getFileName().toString());
    }

    private static ActivityUnit requireActivity(ImagingTimePoint point, ActivityUnit unit, String source) {
        if (!unit.needsIntegrationHours()) {
            throw new BadInputException(point.field() + ".activity: " + point.activity() + " holds time-integrated "
                    + "activity (" + unit.label() + ", from " + source + "); a time point must be an activity, "
                    + "\"MBq\" per voxel or \"Bq/ml\"");
        }
        return unit;
    }

    /** MBq per voxel of an image in MBq per voxel or Bq/ml, on its own grid. */
    static FloatVolume toMBq(FloatVolume image, ActivityUnit unit) {
        double factor = unit == ActivityUnit.BQ_PER_ML ? image.grid().voxelVolumeCm3() * 1e-6 : 1;
        float[] in = image.data();
        float[] out = new float[in.length];
        for (int v = 0; v < in.length; v++) {
            out[v] = (float) (in[v] * factor);
        }
        return new FloatVolume(image.grid(), out);
    }
}
