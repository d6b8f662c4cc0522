package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masks written as an RT Structure Set and read back by voxel centres come back bit for bit. */
class RtStructRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void liverWithTumourInsideBothComeBackExactlyAndValidate() {
        VoxelGrid g = WriterFixtures.grid();
        DicomReference ref = WriterFixtures.reference();
        BitSet liver = WriterFixtures.liver(g), tumour = WriterFixtures.tumour(g);
        assertTrue(liver.cardinality() > 500 && tumour.cardinality() > 20, "fixture sizes");
        BitSet overlap = (BitSet) liver.clone();
        overlap.and(tumour);
        assertEquals(tumour, overlap, "the tumour lies inside the liver");

        CtSeriesWriter.CtSeries ct = CtSeriesWriter.write(dir.resolve("ct"), new ShortVolume(g), ref, "CT");
        Path rs = dir.resolve("rs.dcm");
        RtStructWriter.write(rs, g, List.of(new RtStructWriter.Structure("Liver", liver, "ORGAN", new int[] {200, 120, 60}),
                new RtStructWriter.Structure("Tumour", tumour, "GTV", null)), ref, ct.reference(), "phantom");

        StructureSet set = RtStructReader.read(rs);
        assertEquals(2, set.rois().size());
        assertEquals(List.of(), set.notes());
        assertEquals("Liver", set.rois().get(0).name());
        assertEquals(200, set.rois().get(0).displayColour()[0]);
        List<String> notes = new ArrayList<>();
        assertEquals(liver, set.mask(set.roi("Liver"), g, ref.frameOfReferenceUid(), notes));
        assertEquals(tumour, set.mask(set.roi("tumour"), g, ref.frameOfReferenceUid(), notes));
        assertEquals(List.of(), notes);
        assertThrows(DicomException.class, () -> set.mask(set.roi("Liver"), g, "1.2.3.4", notes));

        String out = ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                print(d.Modality, d.SOPClassUID)
                for r, c, o in zip(d.StructureSetROISequence, d.ROIContourSequence, d.RTROIObservationsSequence):
                    print(r.ROIName, len(c.ContourSequence), o.RTROIInterpretedType,
                          c.ContourSequence[0].ContourImageSequence[0].ReferencedSOPInstanceUID in sys.argv[2:])
                s = d.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0].RTReferencedSeriesSequence[0]
                print(len(s.ContourImageSequence), s.SeriesInstanceUID == d.StudyInstanceUID)
                """, concat(rs.toString(), ct.sopInstanceUids())).stdout();
        String[] lines = out.strip().split("\n");
        assertEquals("RTSTRUCT " + RtStructWriter.SOP_CLASS_UID, lines[0]);
        assertTrue(lines[1].startsWith("Liver ") && lines[1].endsWith(" ORGAN True"), lines[1]);
        assertTrue(lines[2].startsWith("Tumour ") && lines[2].endsWith(" GTV True"), lines[2]);
        assertEquals(g.nz() + " False", lines[3]);
        Validators.dcmdump(rs, null);
        Validators.dciodvfy(rs);
    }

    @Test
    void longOutlineIsSplitIntoContoursThatStillFillExactly() {
        // A saw-tooth strip: one loop of about 2 * 1500 corners, more than one Contour Data element holds.
        VoxelGrid g = new VoxelGrid(1500, 3, 1, 0.5, 0.5, 2, new double[] {-300, 10, 5});
        BitSet saw = new BitSet();
        for (int i = 0; i < g.nx(); i++) {
            saw.set(g.flatIndex(i, 0, 0));
            if (i % 2 == 0) {
                saw.set(g.flatIndex(i, 1, 0));
            }
        }
        assertTrue(SliceOutline.trace(saw, g.nx(), g.ny(), 0).get(0).length / 2 > RtStructWriter.MAX_POINTS);
        Path rs = dir.resolve("saw.dcm");
        RtStructWriter.write(rs, g, List.of(RtStructWriter.Structure.organ("saw", saw)),
                WriterFixtures.reference(), null, "saw");
        StructureSet set = RtStructReader.read(rs);
        assertTrue(set.rois().get(0).contours().size() >= 3, "split into several contours");
        assertEquals(saw, ContourRasterizer.rasterize(g, set.rois().get(0), new ArrayList<>()));
        Validators.dcmdump(rs, null);
    }

    @Test
    void pointAndOpenContoursAreSkippedAndCountedAndAPointCountMismatchIsRefused() {
        VoxelGrid g = WriterFixtures.grid();
        Path rs = dir.resolve("rs.dcm");
        RtStructWriter.write(rs, g, List.of(RtStructWriter.Structure.organ("Tumour", WriterFixtures.tumour(g))),
                WriterFixtures.reference(), null, "t");
        DicomDataset d = DicomFile.read(rs).dataset();
        List<DicomDataset> contours = new ArrayList<>(
                d.sequence(Tag.ROI_CONTOUR_SEQUENCE).get(0).sequence(Tag.CONTOUR_SEQUENCE));
        int closed = contours.size();
        contours.add(new DicomDataset().putString(Tag.CONTOUR_GEOMETRIC_TYPE, Vr.CS, "POINT")
                .putIntegerString(Tag.NUMBER_OF_CONTOUR_POINTS, 1).putDecimals(Tag.CONTOUR_DATA, 1, 2, 3));
        contours.add(new DicomDataset().putString(Tag.CONTOUR_GEOMETRIC_TYPE, Vr.CS, "OPEN_PLANAR")
                .putIntegerString(Tag.NUMBER_OF_CONTOUR_POINTS, 2).putDecimals(Tag.CONTOUR_DATA, 1, 2, 3, 4, 5, 3));
        d.sequence(Tag.ROI_CONTOUR_SEQUENCE).get(0).putSequence(Tag.CONTOUR_SEQUENCE, contours);
        StructureSet set = RtStructReader.read(rs, d);
        assertEquals(closed, set.rois().get(0).contours().size());
        assertEquals(2, set.notes().size(), set.notes().toString());
        assertTrue(set.notes().get(0).startsWith("1 POINT"), set.notes().get(0));

        contours.get(0).putIntegerString(Tag.NUMBER_OF_CONTOUR_POINTS, 3);
        DicomException e = assertThrows(DicomException.class, () -> RtStructReader.read(rs, d));
        assertTrue(e.getMessage().contains("(3006,0046)") && e.getMessage().contains("says 3 points"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void readsPydicomsOwnRtStruct() {
        Path file = ExternalTools.pydicomTestFiles().resolve("rtstruct.dcm");
        String out = ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1], force=True)
                names = {r.ROINumber: r.ROIName for r in d.StructureSetROISequence}
                for c in d.ROIContourSequence:
                    closed = [s for s in c.ContourSequence if s.ContourGeometricType == 'CLOSED_PLANAR']
                    print(names[c.ReferencedROINumber], len(closed), len(c.ContourSequence) - len(closed), sep='\t')
                """, file.toString()).stdout();
        StructureSet set = RtStructReader.read(file);
        List<String> ours = new ArrayList<>();
        int skipped = 0;
        for (String line : out.strip().split("\n")) {
            String[] p = line.split("\t");
            RoiContours roi = set.roi(p[0]);
            ours.add(roi.name() + "\t" + roi.contours().size() + "\t" + p[2]);
            skipped += Integer.parseInt(p[2]);
        }
        assertEquals(out.strip(), String.join("\n", ours));
        assertEquals(set.rois().size(), out.strip().split("\n").length);
        System.out.println("pydicom rtstruct.dcm: " + out.strip().replace("\n", "; ") + "; notes " + set.notes());
        if (skipped > 0) {
            assertTrue(String.join(" ", set.notes()).contains("skipped"), set.notes().toString());
        }
    }

    private static String[] concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
