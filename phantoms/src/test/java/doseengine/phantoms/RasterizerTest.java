package doseengine.phantoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import doseengine.geometry.VoxelGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

class RasterizerTest {
    @Test
    void laterLayersOverrideEarlierOnes() {
        VoxelGrid grid = VoxelGrid.centredCube(10, 10, 10, 1.0);
        Rendering r = new Rasterizer().render(grid, (short) -1000, List.of(
                new Layer("outer", Box.centred(0, 0, 0, 4, 4, 4), 10, 1.0),
                new Layer("inner", Box.centred(0, 0, 0, 2, 2, 2), 20, 3.0)));
        // Voxel (5,5,5) is centred at (0.5, 0.5, 0.5): inside both boxes, so it is the inner one's.
        assertEquals(2, r.labels().volume().get(5, 5, 5));
        assertEquals(20, r.ctHu().get(5, 5, 5));
        assertEquals(1, r.labels().volume().get(1, 5, 5));
        assertEquals(0, r.labels().volume().get(0, 5, 5));
        assertEquals(-1000, r.ctHu().get(0, 5, 5));
        // The boxes' faces lie on voxel faces: the volumes are exact (outer minus inner: 512 - 64 mm3).
        assertEquals(0.448, r.sampledVolumesMl().get("outer"), 1e-12);
        assertEquals(0.064, r.sampledVolumesMl().get("inner"), 1e-12);
        assertEquals(0.448 * 1.0 + 0.064 * 3.0, r.activityMBq().sum(), 1e-6);
    }

    @Test
    void partialVoxelGetsItsActivityShareAndMajorityLabel() {
        // One 4 mm voxel spanning [-2, 2] on each axis; a box covering x in [-2, -1] fills a quarter of it,
        // a face that the 4 sub-samples per axis resolve exactly.
        VoxelGrid grid = VoxelGrid.centredCube(1, 1, 1, 4.0);
        Rendering quarter = new Rasterizer(4).render(grid, (short) -1000,
                List.of(new Layer("slab", new Box(-5, -5, -5, -1, 5, 5), 0, 2.0)));
        assertEquals(0.25 * 0.064 * 2.0, quarter.activityMBq().get(0, 0, 0), 1e-7);
        assertEquals(0, quarter.labels().volume().get(0, 0, 0), "a quarter is not the majority");
        assertEquals(-1000, quarter.ctHu().get(0, 0, 0));

        Rendering threeQuarters = new Rasterizer(4).render(grid, (short) -1000,
                List.of(new Layer("slab", new Box(-5, -5, -5, 1, 5, 5), 0, 2.0)));
        assertEquals(0.75 * 0.064 * 2.0, threeQuarters.activityMBq().get(0, 0, 0), 1e-7);
        assertEquals(1, threeQuarters.labels().volume().get(0, 0, 0));
    }

    @Test
    void renderingIsDeterministic() {
        // The torso at 4 mm uses every shape type; two renders on the parallel path must agree voxel by voxel.
        Phantom a = TorsoPhantom.create(4.0);
        Phantom b = TorsoPhantom.create(4.0);
        assertArrayEquals(a.ctHu().data(), b.ctHu().data());
        assertArrayEquals(a.activityMBq().data(), b.activityMBq().data());
        assertArrayEquals(a.labels().volume().data(), b.labels().volume().data());
    }

    @Test
    void refusesDuplicateLabelsAndRotatedGrids() {
        VoxelGrid grid = VoxelGrid.centredCube(4, 4, 4, 1.0);
        Shape s = new Sphere(0, 0, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> new Rasterizer().render(grid, (short) 0,
                List.of(new Layer("a", s, 0, 0.0), new Layer("a", s, 0, 0.0))));
        double[] rotated = {0, -1, 0, 1, 0, 0, 0, 0, 1};
        VoxelGrid turned = new VoxelGrid(4, 4, 4, 1, 1, 1, new double[3], rotated);
        assertThrows(IllegalArgumentException.class,
                () -> new Rasterizer().render(turned, (short) 0, List.of(new Layer("a", s, 0, 0.0))));
        assertThrows(IllegalArgumentException.class, () -> new Layer("Not_Snake", s, 0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Layer("a", s, 0, -1.0));
    }
}
