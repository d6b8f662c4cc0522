package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Writes voxel masks as an RT Structure Set (PS3.3 A.19: Structure Set C.8.8.5, ROI Contour C.8.8.6, RT ROI
 * Observations C.8.8.8) whose contours are the outlines of the masks' voxel squares on each slice
 * ({@link SliceOutline}): outer loops and hole loops, every loop a CLOSED_PLANAR contour. A polygon along voxel
 * edges never passes through a voxel centre, so a reader that fills contours by voxel centres with the even-odd
 * rule ({@link ContourRasterizer}, and what planning systems do) gets back exactly the mask; overlapping structures
 * (a tumour inside the liver) are independent ROIs and each comes back exactly.
 */
public final class RtStructWriter {
    /** RT Structure Set Storage (PS3.4 B.5). */
    public static final String SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.481.3";
    /** CT Image Storage, the class of the images contours usually refer to. */
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    /**
     * The SOP class PS3.3 C.8.8.5.3 names for the RT Referenced Study Sequence item (Detached Study Management,
     * retired but still the value readers expect there).
     */
    static final String STUDY_SOP_CLASS_UID = "1.2.840.10008.3.1.2.3.1";

    /**
     * One structure.
     *
     * @param mask bits at {@link VoxelGrid#flatIndex} of the grid written
     * @param interpretedType RT ROI Interpreted Type (3006,00A4): ORGAN, GTV, PTV, EXTERNAL ... (C.8.8.8.1)
     * @param colour RGB 0..255 for ROI Display Color (3006,002A), or null
     */
    public record Structure(String name, BitSet mask, String interpretedType, int[] colour) {
        public Structure {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a structure needs a name");
            }
            if (interpretedType == null || interpretedType.isBlank()) {
                interpretedType = "ORGAN";
            }
            if (colour != null && colour.length != 3) {
                throw new IllegalArgumentException("a display colour is three values 0..255");
            }
        }

        /** An ORGAN without display colour. */
        public static Structure organ(String name, BitSet mask) {
            return new Structure(name, mask, "ORGAN", null);
        }
    }

    /**
     * The image series the contours were drawn on.
     *
     * @param sopInstanceUids the SOP Instance UID of the image of each slice k (index k), or null when unknown
     */
    public record ReferencedSeries(String seriesInstanceUid, String sopClassUid, List<String> sopInstanceUids) {
        public ReferencedSeries {
            if (seriesInstanceUid == null || seriesInstanceUid.isBlank()) {
                throw new IllegalArgumentException("a referenced series needs its series instance UID");
            }
            sopInstanceUids = sopInstanceUids == null ? null : List.copyOf(sopInstanceUids);
        }

        /** A CT series with one image per slice. */
        public static ReferencedSeries ct(String seriesInstanceUid, List<String> sliceUids) {
            return new ReferencedSeries(seriesInstanceUid, CT_IMAGE_STORAGE, sliceUids);
        }
    }

    /**
     * Most points of one contour: Contour Data (3006,0050) is DS, whose explicit VR length is 16 bits (PS3.5
     * 7.1.2), and 3 values of up to 16 characters plus separators per point must stay under 65534 bytes.
     */
    static final int MAX_POINTS = 1200;

    private RtStructWriter() {}

    /**
     * Writes the structures on {@code grid} to {@code file}.
     *
     * @param ct the series the structures belong to, or null (then no RT Referenced Study Sequence is written)
     * @param label Structure Set Label (3006,0002) and Series Description
     * @return the SOP Instance UID written
     */
    public static String write(Path file, VoxelGrid grid, List<Structure> structures, DicomReference reference,
                               ReferencedSeries ct, String label) {
        if (ct != null && ct.sopInstanceUids() != null && ct.sopInstanceUids().size() != grid.nz()) {
            throw new IllegalArgumentException("the referenced series names " + ct.sopInstanceUids().size()
                    + " slice(s) but the grid has " + grid.nz());
        }
        LocalDateTime now = LocalDateTime.now();
        String sop = Uids.fresh();
        DicomDataset d = DerivedModules.start(SOP_CLASS_UID, sop, now);
        DerivedModules.patientAndStudy(d, reference);
        DerivedModules.seriesAndEquipment(d, "RTSTRUCT", Uids.fresh(), 1, label, now);
        d.putString(Tag.OPERATORS_NAME, Vr.PN, "");
        DerivedModules.frameOfReference(d, reference);
        d.putString(Tag.STRUCTURE_SET_LABEL, Vr.SH, DerivedModules.limit(label == null || label.isBlank()
                ? "doseengine" : label, 16));
        d.putString(Tag.STRUCTURE_SET_DATE, Vr.DA, DerivedModules.DA.format(now));
        d.putString(Tag.STRUCTURE_SET_TIME, Vr.TM, DerivedModules.TM.format(now));
        d.putSequence(Tag.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE, List.of(frameOfReference(reference, ct)));

        List<DicomDataset> roiItems = new ArrayList<>();
        List<DicomDataset> contourItems = new ArrayList<>();
        List<DicomDataset> observationItems = new ArrayList<>();
        int number = 0;
        for (Structure s : structures) {
            number++;
            roiItems.add(new DicomDataset()
                    .putIntegerString(Tag.ROI_NUMBER, number)
                    .putString(Tag.REFERENCED_FRAME_OF_REFERENCE_UID, Vr.UI, reference.frameOfReferenceUid())
                    .putString(Tag.ROI_NAME, Vr.LO, DerivedModules.limit(s.name(), 64))
                    .putString(Tag.ROI_GENERATION_ALGORITHM, Vr.CS, "AUTOMATIC"));
            contourItems.add(roiContour(grid, s, number, ct));
            observationItems.add(new DicomDataset()
                    .putIntegerString(Tag.OBSERVATION_NUMBER, number)
                    .putIntegerString(Tag.REFERENCED_ROI_NUMBER, number)
                    .putString(Tag.RT_ROI_INTERPRETED_TYPE, Vr.CS, s.interpretedType())
                    .putString(Tag.ROI_INTERPRETER, Vr.PN, ""));
        }
        d.putSequence(Tag.STRUCTURE_SET_ROI_SEQUENCE, roiItems);
        d.putSequence(Tag.ROI_CONTOUR_SEQUENCE, contourItems);
        d.putSequence(Tag.RT_ROI_OBSERVATIONS_SEQUENCE, observationItems);
        DicomWriter.write(file, d);
        return sop;
    }

    /** Referenced Frame of Reference Sequence item with the study, series and (when known) images. */
    private static DicomDataset frameOfReference(DicomReference reference, ReferencedSeries ct) {
        DicomDataset item = new DicomDataset()
                .putString(Tag.FRAME_OF_REFERENCE_UID, Vr.UI, reference.frameOfReferenceUid());
        if (ct == null) {
            return item;
        }
        DicomDataset series = new DicomDataset().putString(Tag.SERIES_INSTANCE_UID, Vr.UI, ct.seriesInstanceUid());
        if (ct.sopInstanceUids() != null) {
            List<DicomDataset> images = new ArrayList<>();
            for (String uid : ct.sopInstanceUids()) {
                images.add(imageReference(ct.sopClassUid(), uid));
            }
            series.putSequence(Tag.CONTOUR_IMAGE_SEQUENCE, images);
        }
        DicomDataset study = new DicomDataset()
                .putString(Tag.REFERENCED_SOP_CLASS_UID, Vr.UI, STUDY_SOP_CLASS_UID)
                .putString(Tag.REFERENCED_SOP_INSTANCE_UID, Vr.UI, reference.studyInstanceUid())
                .putSequence(Tag.RT_REFERENCED_SERIES_SEQUENCE, List.of(series));
        return item.putSequence(Tag.RT_REFERENCED_STUDY_SEQUENCE, List.of(study));
    }

    private static DicomDataset imageReference(String sopClass, String sopInstance) {
        return new DicomDataset()
                .putString(Tag.REFERENCED_SOP_CLASS_UID, Vr.UI, sopClass)
                .putString(Tag.REFERENCED_SOP_INSTANCE_UID, Vr.UI, sopInstance);
    }

    /** ROI Contour Sequence item: the voxel-edge loops of every slice of the mask. */
    private static DicomDataset roiContour(VoxelGrid grid, Structure s, int number, ReferencedSeries ct) {
        DicomDataset item = new DicomDataset();
        if (s.colour() != null) {
            item.putIntegerString(Tag.ROI_DISPLAY_COLOR, s.colour()[0], s.colour()[1], s.colour()[2]);
        }
        List<DicomDataset> contours = new ArrayList<>();
        for (int k = 0; k < grid.nz(); k++) {
            for (int[] loop : SliceOutline.trace(s.mask(), grid.nx(), grid.ny(), k)) {
              for (int[] piece : fan(loop)) {
                int n = piece.length / 2;
                double[] xyz = new double[3 * n];
                for (int p = 0; p < n; p++) {
                    // Corner (ci, cj) lies half a voxel before the centre of voxel (ci, cj).
                    double[] w = grid.indexToWorld(piece[2 * p] - 0.5, piece[2 * p + 1] - 0.5, k);
                    System.arraycopy(w, 0, xyz, 3 * p, 3);
                }
                DicomDataset c = new DicomDataset();
                c.putIntegerString(Tag.CONTOUR_NUMBER, contours.size() + 1);
                if (ct != null && ct.sopInstanceUids() != null) {
                    c.putSequence(Tag.CONTOUR_IMAGE_SEQUENCE,
                            List.of(imageReference(ct.sopClassUid(), ct.sopInstanceUids().get(k))));
                }
                c.putString(Tag.CONTOUR_GEOMETRIC_TYPE, Vr.CS, "CLOSED_PLANAR");
                c.putIntegerString(Tag.NUMBER_OF_CONTOUR_POINTS, n);
                c.putDecimals(Tag.CONTOUR_DATA, xyz);
                contours.add(c);
              }
            }
        }
        if (!contours.isEmpty()) {
            item.putSequence(Tag.CONTOUR_SEQUENCE, contours);
        }
        item.putIntegerString(Tag.REFERENCED_ROI_NUMBER, number);
        return item;
    }

    /**
     * A loop of more corners than one Contour Data element holds, as a fan of pieces from its first corner:
     * piece m is corner 0 then corners s..e of the loop. Every chord from corner 0 is drawn by two neighbouring
     * pieces in opposite directions, so under the even-odd rule the pieces together fill exactly the loop.
     */
    static List<int[]> fan(int[] loop) {
        int n = loop.length / 2;
        if (n <= MAX_POINTS) {
            return List.of(loop);
        }
        List<int[]> pieces = new ArrayList<>();
        for (int s = 1; ; ) {
            int e = Math.min(n - 1, s + MAX_POINTS - 2);
            int[] piece = new int[2 * (e - s + 2)];
            piece[0] = loop[0];
            piece[1] = loop[1];
            System.arraycopy(loop, 2 * s, piece, 2, 2 * (e - s + 1));
            pieces.add(piece);
            if (e == n - 1) {
                break;
            }
            s = e;
        }
        return pieces;
    }

    /** The structures of named masks, all of one interpreted type (ORGAN for organs, GTV for lesions). */
    public static List<Structure> structures(Map<String, BitSet> masks, String interpretedType) {
        List<Structure> list = new ArrayList<>();
        masks.forEach((name, mask) -> list.add(new Structure(name, mask, interpretedType, null)));
        return list;
    }
}
