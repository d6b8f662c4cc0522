package doseengine.io;

import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.dicom.ContourRasterizer;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.RoiContours;
import doseengine.geometry.io.dicom.RtStructReader;
import doseengine.geometry.io.dicom.StructureSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The structures of an RT Structure Set on the CT grid: every ROI with closed planar contours becomes a structure
 * named by its ROI Name, rasterised by voxel centres ({@link ContourRasterizer}), each with its own mask, so that
 * overlapping structures (a tumour inside the liver) each get their statistics over their own voxels
 * ({@link LabelMap#ofMasks}).
 *
 * <p>The RTSTRUCT must be drawn on the CT's frame of reference: contours are patient coordinates, and in another
 * frame they would land anywhere without an error. A CT that did not come as DICOM has no frame of reference to
 * check, so an RTSTRUCT is refused with it.
 */
public final class RtStructInput {
    private RtStructInput() {}

    /**
     * @param keep the ROI names to keep ({@code --structures}), in the order wanted; null keeps all
     * @param notes what was skipped (open contours, ROIs without contours or without voxels)
     */
    public static LabelMap read(Path file, VoxelGrid ctGrid, DicomReference ct, List<String> keep,
            List<String> notes) {
        if (ct == null) {
            throw new BadInputException(file + ": an RT Structure Set needs the CT as DICOM (--ct FOLDER), whose "
                    + "frame of reference it must share; with a NIfTI or MetaImage CT give a label image (--labels)");
        }
        StructureSet set = RtStructReader.read(file);
        notes.addAll(set.notes());
        List<RoiContours> chosen = choose(set, keep);
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        List<String> empty = new ArrayList<>();
        for (RoiContours roi : chosen) {
            if (masks.containsKey(roi.name())) {
                throw new BadInputException(file + ": two ROIs are named '" + roi.name() + "'; structures are told "
                        + "apart by name: rename one, or keep one with --structures");
            }
            BitSet mask = ContourRasterizer.rasterizeOnCt(file, ctGrid, ct.frameOfReferenceUid(), roi, notes);
            if (mask.isEmpty()) {
                empty.add(roi.name());
            } else {
                masks.put(roi.name(), mask);
            }
        }
        if (!empty.isEmpty()) {
            notes.add("ROIs without any voxel centre inside their contours on the CT grid, left out: "
                    + String.join(", ", empty));
        }
        if (masks.isEmpty()) {
            throw new BadInputException(file + ": no ROI of the structure set covers a voxel of the CT");
        }
        notes.add("structures from " + file.getFileName() + ": " + String.join(", ", masks.keySet())
                + " (rasterised by voxel centres; overlapping structures keep their own voxels)");
        return LabelMap.ofMasks(ctGrid, masks);
    }

    private static List<RoiContours> choose(StructureSet set, List<String> keep) {
        List<RoiContours> withContours = set.rois().stream().filter(r -> !r.contours().isEmpty()).toList();
        if (keep == null) {
            if (withContours.isEmpty()) {
                throw new BadInputException(set.file() + ": the structure set has no ROI with closed planar contours");
            }
            return withContours;
        }
        Set<String> wanted = new LinkedHashSet<>(keep);
        List<RoiContours> out = new ArrayList<>();
        for (String name : wanted) {
            RoiContours r = set.roi(name);
            if (r == null || r.contours().isEmpty()) {
                throw new BadInputException(set.file() + ": --structures names '" + name + "', which is not a ROI "
                        + "with closed contours there; its ROIs: " + String.join(", ",
                        withContours.stream().map(RoiContours::name).toList()));
            }
            out.add(r);
        }
        return out;
    }
}
