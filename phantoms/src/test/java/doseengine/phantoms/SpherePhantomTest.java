package doseengine.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import org.junit.jupiter.api.Test;

class SpherePhantomTest {
    @Test
    void radiusFollowsFromMassAtUnitDensity() {
        // 10 g at 1.00 g/cm3 is 10 cm3: r = (3 * 10 / (4 pi))^(1/3) cm = 1.33650 cm.
        assertEquals(13.3650, SpherePhantom.radiusMm(10), 1e-4);
        assertEquals(2 * 13.3650 / 30, SpherePhantom.recommendedVoxelMm(10), 1e-5);
        assertEquals(24, SpherePhantom.OLINDA_MASSES_G.size());
        assertEquals("sphere_0.01g", SpherePhantom.name(0.01));
        assertEquals("sphere_10g", SpherePhantom.name(10));
        assertEquals("sphere_6000g", SpherePhantom.name(6000));
    }

    /**
     * The voxelized volume (label voxels) of a sphere 30 voxels across, the coarsest accepted, and of one 45
     * voxels across, against 4/3 pi r^3. Tolerance 1 %: the claim the sphere phantom makes; the label set
     * differs from the sphere only in boundary voxels and is deterministic, so there is no statistical
     * spread, only the lattice error this bounds (measured: 0.07 % at 30, 0.07 % at 45 voxels across).
     */
    @Test
    void voxelizedMassWithinOnePercentAtThirtyVoxelsAcrossAndFiner() {
        for (double mass : new double[] {0.5, 10, 6000}) {
            for (double across : new double[] {30, 45}) {
                double voxel = 2 * SpherePhantom.radiusMm(mass) / across;
                Phantom p = SpherePhantom.create(mass, voxel);
                double voxelized = SpherePhantom.voxelizedMassG(p);
                assertEquals(mass, voxelized, 0.01 * mass, p.name() + " at " + across + " voxels across");
                // The sub-voxel sampled volume is what the activity follows; it is closer still.
                assertEquals(mass, p.structure("sphere").sampledVolumeMl(), 0.002 * mass);
            }
        }
    }

    /**
     * Total activity equals the analytic 1 MBq within 1 %: the activity is concentration x sampled volume, so
     * its only error is the sub-sampling error of the surface voxels (0.02 % measured at 30 voxels across).
     */
    @Test
    void totalActivityIsOneMegabecquerel() {
        Phantom p = SpherePhantom.create(10, SpherePhantom.recommendedVoxelMm(10));
        assertEquals(1.0, p.nominalActivityMBq(), 0);
        assertEquals(1.0, p.activityMBq().sum(), 0.01);
        assertEquals(p.activityMBq().sum(), p.labelActivityMBq("sphere") + p.labelActivityMBq("surround"), 1e-6);
    }

    @Test
    void sphereIsCentredOnAVoxelWithTissueAllAround() {
        double mass = 0.01;
        Phantom p = SpherePhantom.create(mass, SpherePhantom.recommendedVoxelMm(mass));
        VoxelGrid g = p.grid();
        double r = SpherePhantom.radiusMm(mass);
        // Odd counts: the middle voxel's centre is the world origin, the sphere's centre.
        assertEquals(1, g.nx() % 2);
        double[] centre = g.indexToWorld(g.nx() / 2, g.ny() / 2, g.nz() / 2);
        assertEquals(0, Math.hypot(centre[0], Math.hypot(centre[1], centre[2])), 1e-9);
        // Tissue reaches at least the margin beyond the surface: two radii, and 12 mm for a sphere this small.
        double halfExtent = g.nx() * g.spacingX() / 2;
        assertTrue(halfExtent >= r + 12 - 1e-9, "half extent " + halfExtent);
        assertTrue(SpherePhantom.marginMm(6000) >= 2 * SpherePhantom.radiusMm(6000));
        // No air anywhere: every voxel is sphere or surround.
        assertEquals(0, p.labels().volume().data().length - p.labelVoxelCount("sphere")
                - p.labelVoxelCount("surround"));
        assertEquals(TissueHu.SOFT_TISSUE, p.ctHu().get(0, 0, 0));
    }

    @Test
    void refusesVoxelsTooCoarseForThirtyAcross() {
        BadInputException e = assertThrows(BadInputException.class, () -> SpherePhantom.create(10, 1.0));
        // The message names the phantom and gives the size to use.
        assertTrue(e.getMessage().contains("sphere_10g"), e.getMessage());
        assertTrue(e.getMessage().contains("0.891"), e.getMessage());
        assertThrows(BadInputException.class, () -> SpherePhantom.create(-1, 1.0));
        assertThrows(BadInputException.class, () -> SpherePhantom.create(10, -0.5));
        assertThrows(BadInputException.class, () -> SpherePhantom.create(10, Double.NaN));
    }
}
