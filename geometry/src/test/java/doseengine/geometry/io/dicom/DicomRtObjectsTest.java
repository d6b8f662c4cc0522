package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RT values a dose engine lives on, named: ROI names and contour points, dose scaling and dose frames. */
class DicomRtObjectsTest {
    @Test
    void structureSetRoiNamesAndFirstContour() {
        Path file = ExternalTools.pydicomTestFiles().resolve("rtstruct.dcm");
        String[] py = ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1], force=True)
                print('|'.join(r.ROIName for r in d.StructureSetROISequence))
                print(' '.join(repr(float(x)) for x in d.ROIContourSequence[0].ContourSequence[0].ContourData))
                """, file.toString()).stdout().split("\n");
        DicomDataset d = DicomFile.read(file).dataset();
        List<DicomDataset> rois = d.requireSequence(Tag.STRUCTURE_SET_ROI_SEQUENCE);
        assertEquals(py[0], String.join("|", rois.stream().map(r -> r.requireString(Tag.ROI_NAME)).toList()));
        double[] want = java.util.Arrays.stream(py[1].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        DicomDataset contour = d.requireSequence(Tag.ROI_CONTOUR_SEQUENCE).get(0).requireSequence(Tag.CONTOUR_SEQUENCE).get(0);
        assertArrayEquals(want, contour.requireDecimals(Tag.CONTOUR_DATA, want.length), 0);
    }

    @Test
    void doseGridScalingAndEveryFrame() {
        Path file = ExternalTools.pydicomTestFiles().resolve("rtdose.dcm");
        String[] py = ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1], force=True)
                print(repr(float(d.DoseGridScaling)), d.NumberOfFrames)
                print(' '.join(str(int(x)) for x in d.pixel_array.ravel()))
                """, file.toString()).stdout().split("\n");
        DicomFile f = DicomFile.read(file);
        String[] head = py[0].split(" ");
        assertEquals(Double.parseDouble(head[0]), f.dataset().requireDecimal(Tag.DOSE_GRID_SCALING), 0);
        int frames = PixelData.frameCount(f.dataset());
        assertEquals(Integer.parseInt(head[1]), frames);
        int[] all = java.util.Arrays.stream(py[1].trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        int per = all.length / frames;
        for (int i = 0; i < frames; i++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(all, i * per, (i + 1) * per), PixelData.frame(f, i), "frame " + i);
        }
    }
}
