package doseengine.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@link Shape#classify} contract the rasterizer relies on: INSIDE only when every point of the box is
 * inside, OUTSIDE only when none is. Checked on random boxes near each shape's surface, by sampling points
 * (corners, centre and random points) of each box.
 */
class ShapeContractTest {
    private static final List<Shape> SHAPES = List.of(
            new Sphere(1, -2, 3, 10),
            new Ellipsoid(-3, 4, 0, 12, 5, 8),
            new EllipticCylinder(2, 1, 9, 4, -6, 7),
            EllipticCylinder.circular(0, 0, 5, -3, 3),
            new Box(-4, -5, -6, 7, 3, 2),
            new HalfSpace(1, 2, -0.5, 3),
            Union.of(new Sphere(-5, 0, 0, 6), new Box(0, -3, -3, 8, 3, 3)),
            Intersection.of(new Ellipsoid(0, 0, 0, 10, 8, 6), HalfSpace.yAtMost(2)),
            NemaIecPhantom.interior());

    @Test
    void classifyNeverClaimsInsideOrOutsideWrongly() {
        SplittableRandom rnd = new SplittableRandom(20240601L);
        for (Shape shape : SHAPES) {
            double[] b = finite(shape.bounds());
            int decided = 0;
            for (int t = 0; t < 4000; t++) {
                double size = 0.2 + rnd.nextDouble() * 6;
                double x0 = b[0] - 3 + rnd.nextDouble() * (b[3] - b[0] + 6);
                double y0 = b[1] - 3 + rnd.nextDouble() * (b[4] - b[1] + 6);
                double z0 = b[2] - 3 + rnd.nextDouble() * (b[5] - b[2] + 6);
                double x1 = x0 + size, y1 = y0 + size * 0.7, z1 = z0 + size * 1.3;
                Overlap o = shape.classify(x0, y0, z0, x1, y1, z1);
                if (o == Overlap.PARTIAL) {
                    continue;
                }
                decided++;
                boolean want = o == Overlap.INSIDE;
                for (int p = 0; p < 40; p++) {
                    double x = p < 8 ? ((p & 1) == 0 ? x0 : x1) : x0 + rnd.nextDouble() * (x1 - x0);
                    double y = p < 8 ? ((p & 2) == 0 ? y0 : y1) : y0 + rnd.nextDouble() * (y1 - y0);
                    double z = p < 8 ? ((p & 4) == 0 ? z0 : z1) : z0 + rnd.nextDouble() * (z1 - z0);
                    assertEquals(want, shape.contains(x, y, z),
                            () -> shape + " classified a box " + o + " but a point disagrees");
                }
            }
            // The test must exercise the decided answers, not only PARTIAL.
            assertTrue(decided > 400, shape + ": only " + decided + " boxes decided");
        }
    }

    @Test
    void quadricsDecideExactlyOnSimpleBoxes() {
        Sphere s = new Sphere(0, 0, 0, 10);
        // The box corner (5,5,5) is at 8.66 mm: inside; a box reaching (6,6,6) (10.4 mm) is cut.
        assertEquals(Overlap.INSIDE, s.classify(-5, -5, -5, 5, 5, 5));
        assertEquals(Overlap.PARTIAL, s.classify(-6, -6, -6, 6, 6, 6));
        // Nearest point (7.1, 7.1, 0) is at 10.04 mm: outside.
        assertEquals(Overlap.OUTSIDE, s.classify(7.1, 7.1, -1, 9, 9, 1));
        assertTrue(s.contains(0, 0, 10));
        assertFalse(s.contains(0, 0, 10.001));
    }

    private static double[] finite(double[] b) {
        double[] f = b.clone();
        for (int a = 0; a < 6; a++) {
            if (!Double.isFinite(f[a])) {
                f[a] = a < 3 ? -20 : 20;
            }
        }
        return f;
    }
}
