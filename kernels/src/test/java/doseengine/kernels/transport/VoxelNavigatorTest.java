package doseengine.kernels.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The grid answers the transports rely on, without a device (the device twin is GeometryOpenClTest). */
class VoxelNavigatorTest {

    private final VoxelNavigator nav = new VoxelNavigator(new VoxelGeometry(7, 5, 9, 0.3f, 0.25f, 0.1f,
            new byte[315], new float[315]));

    @Test
    void flatIndexAndLocateAreInverse() {
        VoxelCursor c = new VoxelCursor();
        for (int voxel = 0; voxel < 315; voxel++) {
            nav.locate(voxel, c);
            assertEquals(voxel, nav.flatIndex(c.i, c.j, c.k));
            assertTrue(c.i < 7 && c.j < 5 && c.k < 9);
        }
    }

    @Test
    void farFacesAreOutsideAndPointsWithinRoundingOfThemGoToTheLastVoxel() {
        float lengthX = 7 * 0.3f;
        assertFalse(nav.contains(lengthX, 0f, 0f));
        assertFalse(nav.contains(-Float.MIN_VALUE, 0f, 0f));
        assertFalse(nav.contains(Float.NaN, 0f, 0f));
        assertTrue(nav.contains(-0f, 0f, 0f));
        float justInside = Math.nextDown(lengthX);
        assertTrue(nav.contains(justInside, 0f, 0f));
        assertEquals(6, nav.voxelOf(justInside, 0f, 0f), "clamped to nx - 1 even if x / sx rounds to 7");
    }

    @Test
    void equalDistancesGoToTheXFaceThenTheYFace() {
        VoxelNavigator cubes = new VoxelNavigator(new VoxelGeometry(4, 4, 4, 0.5f, 0.5f, 0.5f, new byte[64],
                new float[64]));
        VoxelCursor c = new VoxelCursor();
        c.moveTo(0.25f, 0.25f, 0.25f);
        float c3 = 0.57735026f;
        assertEquals(0.25f / c3, cubes.distanceToFace(c, c3, -c3, c3));
        assertEquals(VoxelNavigator.AXIS_X, c.faceAxis, "three equal distances: the x face");
        cubes.distanceToFace(c, -0f, c3, -c3);
        assertEquals(VoxelNavigator.AXIS_Y, c.faceAxis, "y and z equal, x never reached: the y face");
        c.moveTo(0.2f, 0.2f, 0.05f);
        float along = nav.distanceToFace(c, 0f, -0f, 1f);
        assertEquals(VoxelNavigator.AXIS_Z, c.faceAxis, "zero cosines of either sign never reach a face");
        assertEquals(0.1f - 0.05f, along);
        c.moveTo(0.15f, 0.15f, 0.05f);
        nav.distanceToFace(c, 0.70710677f, 0.70710677f, 0f);
        assertEquals(VoxelNavigator.AXIS_Y, c.faceAxis, "y face at 0.1 cm is nearer than x at 0.15 cm");
        c.i = 1;
        c.moveTo(Math.nextDown(0.3f), 0.1f, 0.05f);
        assertEquals(0f, nav.distanceToFace(c, -1f, 0f, 0f), "a hair beyond the face: 0, never negative");
    }

    @Test
    void crossingPutsTheParticleExactlyOnTheFaceAndCountsLeavingTheGrid() {
        VoxelCursor c = new VoxelCursor();
        c.i = 2;
        c.moveTo(Math.nextDown(3 * 0.3f), 0.1f, 0.05f);
        c.faceAxis = VoxelNavigator.AXIS_X;
        assertTrue(nav.crossFace(c, 1f, 0f, 0f));
        assertEquals(3, c.i);
        assertEquals(3 * 0.3f, c.x);
        c.faceAxis = VoxelNavigator.AXIS_Y;
        c.j = 0;
        assertFalse(nav.crossFace(c, 0f, -1f, 0f), "leaves through y = 0");
        assertEquals(-1, c.j);
        assertEquals(0f, c.y);
    }

    @Test
    void woodcockFlightMovesAndFindsTheVoxel() {
        VoxelCursor c = new VoxelCursor();
        c.moveTo(0.05f, 0.05f, 0.05f);
        assertTrue(nav.woodcockFlight(c, 0.5f, 1f, 0f, 0f));
        assertEquals(0.05f + 0.5f * 1f, c.x);
        assertEquals(nav.flatIndex(1, 0, 0), c.voxel);
        assertFalse(nav.woodcockFlight(c, 5f, 0f, 0f, -1f));
    }
}
