package doseengine.report;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.RtDoseWriter;
import doseengine.tally.DoseMap;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.io.dicom.CtSeriesWriter;
import doseengine.geometry.io.dicom.RtStructWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dose of a run as DICOM RT Dose, so that a viewer or planning system shows it over the CT without
 * registration: {@value #DOSE} (Dose Type PHYSICAL, Gy) and {@value #UNCERTAINTY} (Dose Type ERROR: one standard
 * error in Gy, the relative uncertainty times the dose), both on the CT grid, in the CT's study and frame of
 * reference, 32-bit with Dose Grid Scaling (a relative step of 2.3e-10 of the largest value).
 *
 * <p>RT Dose frames run along the normal of the image plane (Grid Frame Offset Vector); a grid whose third axis
 * points the other way (a left-handed NIfTI or MetaImage CT, common for images converted with the slices
 * reversed) is written with its slices in reverse order from the last one, which is the same volume in patient
 * space.
 */
public final class DicomDoseFiles {
    public static final String DOSE = "dose.dcm";
    public static final String UNCERTAINTY = "uncertainty.dcm";
    /** The CT series written beside a dose whose CT did not come as DICOM, so that a viewer has it to overlay. */
    public static final String CT_SERIES = "ct_dicom";
    /** The structures, written with that CT series. */
    public static final String RTSTRUCT = "rtstruct.dcm";
    /** Bits per stored dose value. */
    static final int BITS = 32;

    private DicomDoseFiles() {}

    public static void write(Path dir, DoseMap map, DicomReference reference, String description) {
        FloatVolume dose = map.gray();
        float[] d = dose.data();
        float[] rel = map.relativeUncertainty().data();
        float[] sigma = new float[d.length];
        for (int v = 0; v < d.length; v++) {
            sigma[v] = d[v] * rel[v];
        }
        RtDoseWriter.write(dir.resolve(DOSE), rightHanded(dose), reference, description, BITS,
                RtDoseWriter.DoseType.PHYSICAL);
        RtDoseWriter.write(dir.resolve(UNCERTAINTY), rightHanded(new FloatVolume(dose.grid(), sigma)), reference,
                description + ", one standard error", BITS, RtDoseWriter.DoseType.ERROR);
    }

    /**
     * For a CT that did not come as DICOM: the CT as a series ({@value #CT_SERIES}/, whole HU) and the structures as
     * an RT Structure Set ({@value #RTSTRUCT}, when there are any), in {@code reference}'s study and frame of
     * reference, so that the RT Dose has its CT beside it.
     */
    public static void writeCtAndStructures(Path dir, Volume hu, LabelMap labels, DicomReference reference,
            String description) {
        Path series = dir.resolve(CT_SERIES);
        try {
            Files.createDirectories(series);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CtSeriesWriter.CtSeries ct = hu instanceof ShortVolume s
                ? CtSeriesWriter.write(series, s, reference, description + " CT")
                : CtSeriesWriter.write(series, hu.toFloat(), reference, description + " CT");
        if (labels == null || labels.names().isEmpty()) {
            return;
        }
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            BitSet mask = labels.maskOf(e.getKey());
            if (!mask.isEmpty()) {
                masks.put(e.getValue(), mask);
            }
        }
        if (!masks.isEmpty()) {
            RtStructWriter.write(dir.resolve(RTSTRUCT), hu.grid(), RtStructWriter.structures(masks, "ORGAN"),
                    reference, ct.reference(), description);
        }
    }

    /** The same volume on a right-handed grid: the k axis reversed (slices in reverse order) when needed. */
    static FloatVolume rightHanded(FloatVolume v) {
        VoxelGrid g = v.grid();
        if (g.isRightHanded()) {
            return v;
        }
        double[] m = g.direction();
        double[] flipped = m.clone();
        for (int r = 0; r < 3; r++) {
            flipped[3 * r + 2] = -m[3 * r + 2];
        }
        double[] origin = g.indexToWorld(0, 0, g.nz() - 1);
        VoxelGrid out = new VoxelGrid(g.nx(), g.ny(), g.nz(), g.spacingX(), g.spacingY(), g.spacingZ(), origin,
                flipped);
        float[] src = v.data();
        float[] dst = new float[src.length];
        int slice = g.nx() * g.ny();
        for (int k = 0; k < g.nz(); k++) {
            System.arraycopy(src, k * slice, dst, (g.nz() - 1 - k) * slice, slice);
        }
        return new FloatVolume(out, dst);
    }
}
