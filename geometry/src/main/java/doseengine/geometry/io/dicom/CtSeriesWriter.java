package doseengine.geometry.io.dicom;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes CT numbers as a CT series (PS3.3 A.3, CT Image module C.8.2.1): one CT Image Storage file per slice k,
 * so a phantom or a converted image can be opened by any DICOM viewer and planning system, and an RT Structure
 * Set or RT Dose can refer to it.
 *
 * <p>Stored values are the HU themselves as signed 16-bit integers (Pixel Representation 1), with Rescale Slope 1
 * and Rescale Intercept 0: a ShortVolume already holds every value the file can, so no value is clipped and the
 * stored value reads back unchanged. Image Type is DERIVED\SECONDARY\AXIAL: these images were not acquired.
 */
public final class CtSeriesWriter {
    /** CT Image Storage (PS3.4 B.5). */
    public static final String SOP_CLASS_UID = RtStructWriter.CT_IMAGE_STORAGE;

    /**
     * What was written.
     *
     * @param sopInstanceUids SOP Instance UID of slice k at index k
     * @param files the file of slice k at index k
     */
    public record CtSeries(String seriesInstanceUid, List<String> sopInstanceUids, List<Path> files) {
        public CtSeries {
            sopInstanceUids = List.copyOf(sopInstanceUids);
            files = List.copyOf(files);
        }

        /** This series as the images an RT Structure Set's contours refer to. */
        public RtStructWriter.ReferencedSeries reference() {
            return RtStructWriter.ReferencedSeries.ct(seriesInstanceUid, sopInstanceUids);
        }
    }

    private CtSeriesWriter() {}

    /**
     * CT numbers held as floats (a phantom, a resampled CT) rounded to the nearest integer HU, which is all a
     * CT image stores; NaN, infinite or values outside -32768..32767 are refused naming the voxel.
     */
    public static CtSeries write(Path dir, FloatVolume hu, DicomReference reference, String seriesDescription) {
        float[] f = hu.data();
        short[] s = new short[f.length];
        for (int v = 0; v < f.length; v++) {
            long r = Math.round((double) f[v]);
            if (!Float.isFinite(f[v]) || r < Short.MIN_VALUE || r > Short.MAX_VALUE) {
                throw new DicomException(dir, String.format(Locale.ROOT,
                        "CT number %s HU at voxel %d does not fit a 16-bit CT image (-32768..32767)", f[v], v));
            }
            s[v] = (short) r;
        }
        return write(dir, new ShortVolume(hu.grid(), s), reference, seriesDescription);
    }

    /**
     * Writes slice k of {@code hu} to {@code dir/CT0001.dcm} (k + 1, four digits at least).
     *
     * @return the series and slice UIDs, for the RT Structure Set
     */
    public static CtSeries write(Path dir, ShortVolume hu, DicomReference reference, String seriesDescription) {
        VoxelGrid g = hu.grid();
        LocalDateTime now = LocalDateTime.now();
        String series = Uids.fresh();
        double[] normal = DerivedModules.normal(g.direction());
        short[] data = hu.data();
        int sliceVoxels = g.nx() * g.ny();
        List<String> uids = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < g.nz(); k++) {
            String sop = Uids.fresh();
            DicomDataset d = DerivedModules.start(SOP_CLASS_UID, sop, now);
            d.putString(Tag.IMAGE_TYPE, Vr.CS, "DERIVED", "SECONDARY", "AXIAL");
            DerivedModules.patientAndStudy(d, reference);
            DerivedModules.seriesAndEquipment(d, "CT", series, 1, seriesDescription, now);
            DerivedModules.unknownLaterality(d);
            // General Series C.7.3.1: Patient Position is type 2C for CT; the engine knows none, so empty.
            d.putString(Tag.PATIENT_POSITION, Vr.CS, "");
            DerivedModules.frameOfReference(d, reference);
            d.putString(Tag.CONTENT_DATE, Vr.DA, DerivedModules.DA.format(now));
            d.putString(Tag.CONTENT_TIME, Vr.TM, DerivedModules.TM.format(now));
            d.putIntegerString(Tag.ACQUISITION_NUMBER, 1);
            d.putIntegerString(Tag.INSTANCE_NUMBER, k + 1);
            DerivedModules.imagePlane(d, g, k);
            double[] p = g.indexToWorld(0, 0, k);
            d.putDecimals(Tag.SLICE_LOCATION, p[0] * normal[0] + p[1] * normal[1] + p[2] * normal[2]);
            d.putString(Tag.KVP, Vr.DS, "");
            DerivedModules.pixelModule(d, g, 16, true);
            d.putDecimals(Tag.RESCALE_INTERCEPT, 0);
            d.putDecimals(Tag.RESCALE_SLOPE, 1);
            d.putString(Tag.RESCALE_TYPE, Vr.LO, "HU");
            ByteBuffer bb = ByteBuffer.allocate(2 * sliceVoxels).order(ByteOrder.LITTLE_ENDIAN);
            bb.asShortBuffer().put(data, k * sliceVoxels, sliceVoxels);
            d.putBytes(Tag.PIXEL_DATA, Vr.OW, bb.array());
            Path file = dir.resolve(String.format(Locale.ROOT, "CT%04d.dcm", k + 1));
            DicomWriter.write(file, d);
            uids.add(sop);
            files.add(file);
        }
        return new CtSeries(series, uids, files);
    }
}
