package doseengine.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import org.junit.jupiter.api.Test;

class NemaIecPhantomTest {
    /** NEMA NU 2-2012 sphere inner diameters (mm) and their volumes 4/3 pi (d/2)^3 (ml). */
    private static final double[] DIAMETERS = {10, 13, 17, 22, 28, 37};

    /**
     * At the default 2 mm voxels the sub-voxel sampled volume of each sphere (what its activity follows)
     * equals 4/3 pi (d/2)^3 within 1 %: 0.5 mm sub-samples put the 10 mm sphere's radius at 10 samples, where
     * the sampling error is a few tenths of a per cent (measured: at most 0.12 %, the 13 mm sphere).
     */
    @Test
    void sampledSphereAndInsertVolumesMatchTheStandard() {
        Phantom p = NemaIecPhantom.create(2.0);
        for (double d : DIAMETERS) {
            double analytic = Math.PI / 6 * d * d * d * 1e-3;
            double sampled = p.structure(NemaIecPhantom.sphereLabel(d)).sampledVolumeMl();
            assertEquals(analytic, sampled, 0.01 * analytic, "sphere " + d + " mm");
        }
        double lung = Math.PI * 25 * 25 * 180 * 1e-3;
        assertEquals(lung, p.structure("lung_insert").sampledVolumeMl(), 0.01 * lung);
        // Interior: half-disc r 147 + 140 x 77 rectangle + two quarter-discs r 77, 180 mm long (9.73 l).
        double interior = (Math.PI * 147 * 147 / 2 + 140 * 77 + Math.PI * 77 * 77 / 2) * 180 * 1e-3;
        double all = 0;
        for (Structure s : p.structures()) {
            all += s.sampledVolumeMl();
        }
        assertEquals(interior, all, 0.001 * interior);
    }

    /**
     * The label volumes (voxel count x voxel volume) of the two largest spheres at 1 mm voxels (28 and 37
     * voxels across) are within 1 % of the analytic ones, the accuracy the sphere phantoms show from 30 voxels
     * across (measured here: +0.09 % and +0.17 %). Smaller spheres have too few voxels for a label volume to mean
     * much; their activity is still right (previous test).
     */
    @Test
    void largeSphereLabelVolumesAtOneMillimetre() {
        Phantom p = NemaIecPhantom.create(1.0);
        for (double d : new double[] {28, 37}) {
            double analytic = Math.PI / 6 * d * d * d * 1e-3;
            assertEquals(analytic, p.labelVolumeMl(NemaIecPhantom.sphereLabel(d)), 0.01 * analytic, d + " mm");
        }
    }

    /** Total activity equals the analytic total within 1 % (sampling error only; measured -0.014 % at 2 mm). */
    @Test
    void totalActivityMatchesAnalyticAndRatioIsHonoured() {
        Phantom p = NemaIecPhantom.create(2.0, 8.0);
        assertEquals(p.nominalActivityMBq(), p.activityMBq().sum(), 0.01 * p.nominalActivityMBq());
        // A voxel at the 37 mm sphere's centre lies wholly inside it; one 60 mm off-axis, in the background.
        VoxelGrid g = p.grid();
        Sphere big = NemaIecPhantom.sphere(37);
        double sphereVoxel = activityAt(p, big.cx(), big.cy(), big.cz());
        double backgroundVoxel = activityAt(p, 0, -80, -40);
        assertEquals(8.0, sphereVoxel / backgroundVoxel, 1e-5);
        assertEquals(NemaIecPhantom.BACKGROUND_MBQ_PER_ML * g.voxelVolumeCm3(), backgroundVoxel, 1e-9);
        assertEquals(0.0, activityAt(p, 0, 0, 0), 0.0, "the lung insert is cold");
        assertEquals(TissueHu.LUNG_INSERT, p.ctHu().get(g.nx() / 2, g.ny() / 2, g.nz() / 2));
    }

    @Test
    void spheresSitOnTheRingSixtyDegreesApart() {
        for (int i = 0; i < DIAMETERS.length; i++) {
            Sphere s = NemaIecPhantom.sphere(DIAMETERS[i]);
            assertEquals(57.2, Math.hypot(s.cx(), s.cy()), 1e-9);
            assertEquals(20.0, s.cz(), 0);
            Sphere next = NemaIecPhantom.sphere(DIAMETERS[(i + 1) % DIAMETERS.length]);
            // Neighbours 60 degrees apart on a 57.2 mm circle are 57.2 mm apart.
            assertEquals(57.2, Math.hypot(s.cx() - next.cx(), s.cy() - next.cy()), 1e-9);
            // Every sphere lies inside the water: its whole box is classified inside the interior.
            Shape interior = NemaIecPhantom.interior();
            double r = s.radius();
            assertEquals(Overlap.INSIDE, interior.classify(s.cx() - r, s.cy() - r, s.cz() - r,
                    s.cx() + r, s.cy() + r, s.cz() + r));
        }
    }

    @Test
    void refusesBadRatioAndUnknownSphere() {
        assertThrows(BadInputException.class, () -> NemaIecPhantom.create(2.0, -1));
        assertThrows(BadInputException.class, () -> NemaIecPhantom.create(2.0, Double.POSITIVE_INFINITY));
        assertThrows(BadInputException.class, () -> NemaIecPhantom.sphere(12));
    }

    private static double activityAt(Phantom p, double x, double y, double z) {
        double[] ijk = p.grid().worldToIndex(x, y, z);
        return p.activityMBq().get((int) Math.round(ijk[0]), (int) Math.round(ijk[1]), (int) Math.round(ijk[2]));
    }
}
