package doseengine.study;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import doseengine.geometry.resample.ActivityResampler;
import doseengine.geometry.resample.ResampledActivity;
import doseengine.io.ActivityMetadata;
import doseengine.io.ActivityUnit;
import doseengine.io.DoseProblems;
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
 * ({@link ActivityResampler}). Labels by {@link DoseProblems#readLabels}. RTSTRUCT structures are refused for now.
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

    /** Reads the time point's CT grid, activity and labels; one line per problem, naming the time point's field. */
    public static TimePointImages read(ImagingTimePoint point) {
        if (point.structures().kind() == StructureSource.Kind.RTSTRUCT) {
            throw new BadInputException(point.field() + "." + point.structures().kind().key() + ": "
                    + point.structures().file() + ": RTSTRUCT structures are not read yet; give \"labels\", a label "
                    + "image");
        }
        List<String> notes = new ArrayList<>();
        ActivityUnit unit = unitOf(point, notes);
        Volume ct = ImageFiles.read(point.ct());
        VoxelGrid grid = ct.grid();
        FloatVolume image = ImageFiles.read(point.activity()).toFloat();
        DoseProblems.requirePhysicalActivity(image, point.activity());
        FloatVolume mbq = toMBq(image, unit);
        if (!mbq.grid().sameGeometry(grid, VoxelGrid.DEFAULT_TOLERANCE_MM)) {
            ResampledActivity moved = new ActivityResampler().resample(mbq, grid, point.activity().toString());
            mbq = moved.activity();
            notes.add(String.format(Locale.ROOT, "activity resampled onto the CT grid (%s): %.6g MBq of %.6g MBq "
                    + "inside the CT", moved.method(), moved.targetTotal(), moved.sourceTotal()));
        }
        LabelMap labels = DoseProblems.readLabels(point.structures().file(), null, grid, notes);
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
