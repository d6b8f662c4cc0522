package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * The ROIs of one RT Structure Set file and what was left out reading it.
 *
 * @param file the file read (for messages)
 * @param label Structure Set Label (3006,0002), or null
 * @param rois in the order of the Structure Set ROI Sequence (3006,0020)
 * @param notes one line per thing skipped (POINT and OPEN_PLANAR contours, ROIs without contours)
 */
public record StructureSet(Path file, String label, List<RoiContours> rois, List<String> notes) {
    public StructureSet {
        rois = List.copyOf(rois);
        notes = List.copyOf(notes);
    }

    /** The ROI of this name (exact match first, then ignoring case), or null. */
    public RoiContours roi(String name) {
        for (RoiContours r : rois) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        for (RoiContours r : rois) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The voxel mask of one ROI on the CT it belongs to, after checking that the ROI is in the CT's frame of
     * reference (see {@link ContourRasterizer#requireFrameOfReference}).
     */
    public BitSet mask(RoiContours roi, VoxelGrid ctGrid, String ctFrameOfReferenceUid, List<String> notes) {
        return ContourRasterizer.rasterizeOnCt(file, ctGrid, ctFrameOfReferenceUid, roi, notes);
    }
}
