package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RT Structure Set written from scratch by pydicom (rtstruct_fixture.py), not by the project's writer, read
 * with {@link RtStructReader} and rasterised with {@link ContourRasterizer}; the expected masks come from the
 * same script, which tests every voxel centre against the contours in patient mm with its own ray-crossing
 * even-odd rule. The ROIs: "liver" (a polygon on every slice, a hole given as a second contour on one slice,
 * clipped by the grid edge on another), "tumour" (overlapping the liver; one contour drawn between two slices,
 * one POINT marker) and "two_islands" (two disjoint contours on one slice).
 */
class RtStructPydicomTest {
    /** 20 x 16 x 6 voxels of 2 x 2 x 3 mm; the first voxel centre is off the origin. */
    private static final VoxelGrid GRID = new VoxelGrid(20, 16, 6, 2.0, 2.0, 3.0, new double[] {-19.5, 7.25, -40.5});
    private static final String FRAME = "2.25.7654321.2";

    @TempDir
    Path dir;

    @Test
    void everyRoiRasterisesToThePydicomMaskVoxelForVoxel() throws IOException {
        Map<String, int[]> summary = writeFixture();
        assertEquals(List.of("liver", "tumour", "two_islands"), List.copyOf(summary.keySet()));

        Validators.dciodvfy(dir.resolve("rs.dcm")); // a valid RT Structure Set, not one bent to fit the reader
        StructureSet set = RtStructReader.read(dir.resolve("rs.dcm"));
        assertEquals("pydicom contours", set.label());
        assertEquals(List.of("liver", "tumour", "two_islands"), set.rois().stream().map(RoiContours::name).toList());
        for (RoiContours roi : set.rois()) {
            assertEquals(FRAME, roi.frameOfReferenceUid(), roi.name());
            assertNotNull(roi.displayColour(), roi.name());
            assertEquals(summary.get(roi.name())[0], roi.contours().size(), roi.name() + ": closed contours");
        }
        assertEquals(1, set.notes().size(), set.notes().toString());
        assertTrue(set.notes().get(0).startsWith("1 POINT contour(s) skipped"), set.notes().get(0));

        Map<String, BitSet> masks = new LinkedHashMap<>();
        for (RoiContours roi : set.rois()) {
            List<String> notes = new ArrayList<>();
            BitSet ours = set.mask(roi, GRID, FRAME, notes);
            BitSet theirs = pythonMask(roi.name());
            assertEquals(summary.get(roi.name())[1], theirs.cardinality(), roi.name() + ": mask file");
            assertEquals(List.of(), notes, roi.name());
            assertEquals(theirs, ours, roi.name() + " differs at " + differences(theirs, ours));
            masks.put(roi.name(), ours);
        }

        // The fixture holds what it claims, so the comparison above covered those cases.
        BitSet liver = masks.get("liver"), tumour = masks.get("tumour"), islands = masks.get("two_islands");
        BitSet overlap = (BitSet) liver.clone();
        overlap.and(tumour);
        assertTrue(overlap.cardinality() > 10 && overlap.cardinality() < tumour.cardinality(),
                "tumour overlaps the liver and reaches out of it: " + overlap.cardinality());
        assertFalse(liver.get(GRID.flatIndex(9, 7, 3)), "hole of the liver on slice 3");
        assertTrue(liver.get(GRID.flatIndex(9, 7, 2)) && liver.get(GRID.flatIndex(9, 7, 4)), "liver around the hole");
        assertTrue(liver.get(GRID.flatIndex(19, 8, 5)), "liver clipped at the grid's last column");
        assertTrue(slice(tumour, 4).cardinality() > 0 && slice(tumour, 5).isEmpty(),
                "the contour 1.1 mm above slice 4 lands on slice 4");
        assertTrue(islands.get(GRID.flatIndex(3, 3, 1)) && islands.get(GRID.flatIndex(15, 12, 1))
                && !islands.get(GRID.flatIndex(9, 7, 1)), "two islands with nothing between them");
        assertEquals(islands, slice(islands, 1), "islands only on slice 1");
    }

    /** Runs the script; per ROI name, its number of closed contours and of voxels inside. */
    private Map<String, int[]> writeFixture() {
        double[] s = GRID.spacing(), o = GRID.origin();
        String out = ExternalTools.python(SeriesFixtures.script("rtstruct_fixture.py"), dir.toString(),
                Integer.toString(GRID.nx()), Integer.toString(GRID.ny()), Integer.toString(GRID.nz()),
                num(s[0]), num(s[1]), num(s[2]), num(o[0]), num(o[1]), num(o[2])).stdout();
        Map<String, int[]> summary = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] p = line.trim().split("\\s+");
            summary.put(p[0], new int[] {Integer.parseInt(p[1]), Integer.parseInt(p[2])});
        }
        return summary;
    }

    private BitSet pythonMask(String roi) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(roi + ".mask"));
        assertEquals(GRID.voxelCount(), bytes.length, roi + ".mask size");
        BitSet b = new BitSet(bytes.length);
        for (int v = 0; v < bytes.length; v++) {
            if (bytes[v] != 0) {
                b.set(v); // written in the order of VoxelGrid.flatIndex: i fastest, then j, then k
            }
        }
        return b;
    }

    private static BitSet slice(BitSet mask, int k) {
        int from = GRID.flatIndex(0, 0, k), to = from + GRID.nx() * GRID.ny();
        BitSet b = new BitSet();
        b.or(mask.get(from, to));
        BitSet shifted = new BitSet();
        b.stream().forEach(v -> shifted.set(from + v));
        return shifted;
    }

    /** The first few voxels (i,j,k) where the masks differ, for the failure message. */
    private static String differences(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.xor(b);
        List<String> out = new ArrayList<>();
        x.stream().limit(10).forEach(v -> {
            int i = v % GRID.nx(), j = v / GRID.nx() % GRID.ny(), k = v / (GRID.nx() * GRID.ny());
            out.add("(" + i + "," + j + "," + k + ")" + (a.get(v) ? " expected in" : " expected out"));
        });
        return x.cardinality() + " voxel(s) " + out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
