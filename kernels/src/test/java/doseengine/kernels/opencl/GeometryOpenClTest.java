package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import doseengine.kernels.transport.VoxelCursor;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.kernels.transport.VoxelNavigator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * include/geometry.clh on the OpenCL device against the Java {@link VoxelNavigator}, sample by sample, on two
 * grids whose voxel sizes are not binary fractions (so faces are rounded products i * s): points at random in and
 * around the grid, exactly on faces, edges and corners and one float either side of them, on the far faces, at -0
 * and NaN; directions isotropic, along the axes (with zeros of both signs), in the coordinate planes and nearly
 * along an axis.
 *
 * <p>Without division (is a point inside, crossing a face, a Woodcock flight's position) the float operations are
 * the same in the same order and the kernels are built without contraction, so the answers are identical on every
 * device. Voxel of a point and distance to a face divide: identical where the device divides correctly rounded
 * ({@link OpenClProgram#correctlyRoundedDivideSqrt()}, PoCL does); otherwise OpenCL 1.2 allows 2.5 ulp per
 * division, so the distance may differ by {@value #DIVISION_ULPS} ulp (the numerator is the same float on both
 * sides) and a voxel index by one. Needs an OpenCL device.
 */
class GeometryOpenClTest {

    /** Bound on a face distance where division is not correctly rounded: OpenCL 1.2's 2.5 ulp, rounded up. */
    private static final double DIVISION_ULPS = 3;
    private static final int SAMPLES = 200_000;

    @RegisterExtension
    static final TestProgram DEVICE = new TestProgram("test_geometry.cl");

    /** Grid 0: small and uneven; grid 1: long in x and z, three thick slabs in y. */
    private static VoxelGeometry grid(int which) {
        return which == 0 ? grid(7, 5, 9, 0.3f, 0.25f, 0.1f) : grid(64, 3, 33, 0.117f, 2f, 0.0977f);
    }

    private static VoxelGeometry grid(int nx, int ny, int nz, float sx, float sy, float sz) {
        int n = nx * ny * nz;
        return new VoxelGeometry(nx, ny, nz, sx, sy, sz, new byte[n], new float[n]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void containsAndVoxelOfPointEqualJava(int which) {
        VoxelGeometry g = grid(which);
        VoxelNavigator nav = new VoxelNavigator(g);
        Samples s = new Samples(g, 0x6E0L + which);
        float[] xyz = new float[3 * SAMPLES];
        for (int n = 0; n < SAMPLES; n++) {
            s.point(xyz, n);
        }
        xyz[0] = Float.NaN;
        xyz[4] = Float.NaN;
        xyz[8] = Float.NaN;
        int[] inside = new int[SAMPLES];
        int[] voxel = new int[SAMPLES];
        try (DeviceVoxelGeometry grid = DeviceVoxelGeometry.upload(DEVICE.context(), g);
                DeviceBuffer dXyz = DeviceBuffer.copyOf(DEVICE.context(), xyz);
                DeviceBuffer dInside = DeviceBuffer.allocate(DEVICE.context(), (long) SAMPLES * Integer.BYTES);
                DeviceBuffer dVoxel = DeviceBuffer.allocate(DEVICE.context(), (long) SAMPLES * Integer.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("locate_points")) {
            int a = grid.bind(kernel, 0);
            kernel.arg(a, dXyz).arg(a + 1, dInside).arg(a + 2, dVoxel).run(SAMPLES);
            dInside.read(inside);
            dVoxel.read(voxel);
        }
        boolean exact = DEVICE.program().correctlyRoundedDivideSqrt();
        int insideCount = 0;
        for (int n = 0; n < SAMPLES; n++) {
            float x = xyz[3 * n];
            float y = xyz[3 * n + 1];
            float z = xyz[3 * n + 2];
            boolean in = nav.contains(x, y, z);
            String where = "point " + n + " (" + x + ", " + y + ", " + z + ")";
            assertEquals(in, inside[n] != 0, where);
            if (!in) {
                assertEquals(-1, voxel[n], where);
                continue;
            }
            insideCount++;
            int expected = nav.voxelOf(x, y, z);
            if (exact) {
                assertEquals(expected, voxel[n], where);
            } else {
                assertNeighbours(nav, expected, voxel[n], where);
            }
        }
        assertTrue(insideCount > SAMPLES / 2 && insideCount < SAMPLES, "inside: " + insideCount);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void distanceToFaceEqualsJava(int which) {
        VoxelGeometry g = grid(which);
        VoxelNavigator nav = new VoxelNavigator(g);
        Samples s = new Samples(g, 0xD15L + which);
        float[] xyz = new float[3 * SAMPLES];
        float[] uvw = new float[3 * SAMPLES];
        int[] ijk = new int[3 * SAMPLES];
        for (int n = 0; n < SAMPLES; n++) {
            s.point(xyz, n);
            s.direction(uvw, n);
            s.voxelNear(nav, xyz, ijk, n);
        }
        float[] distance = new float[SAMPLES];
        int[] axis = new int[SAMPLES];
        runDistances(g, ijk, xyz, uvw, distance, axis);
        boolean exact = DEVICE.program().correctlyRoundedDivideSqrt();
        VoxelCursor c = new VoxelCursor();
        UlpDifference ulps = new UlpDifference();
        int[] axes = new int[3];
        int zero = 0;
        for (int n = 0; n < SAMPLES; n++) {
            load(c, ijk, xyz, n);
            float expected = nav.distanceToFace(c, uvw[3 * n], uvw[3 * n + 1], uvw[3 * n + 2]);
            String where = sample(n, ijk, xyz, uvw);
            double d = ulps.add(expected, distance[n]);
            if (exact) {
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(distance[n]),
                        "distance " + expected + " vs device " + distance[n] + " at " + where);
                assertEquals(c.faceAxis, axis[n], where);
            } else if (d > DIVISION_ULPS) {
                fail(d + " ulp: " + expected + " vs device " + distance[n] + " at " + where);
            }
            axes[c.faceAxis]++;
            if (expected == 0f) {
                zero++;
            }
        }
        assertTrue(axes[0] > 0 && axes[1] > 0 && axes[2] > 0 && zero > 0, "axes hit and zero distances");
    }

    /**
     * Direction cosines that are subnormal floats: Java divides by them (a huge or infinite distance on that
     * axis); a device without subnormals (optional in OpenCL 1.2) flushes them to zero and never reaches that face.
     * Either way the nearest face is another axis's, so the device must give Java's answer or the answer Java
     * gives for the flushed cosine.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void subnormalCosinesGiveJavasDistanceOrTheFlushedOne(int which) {
        VoxelGeometry g = grid(which);
        VoxelNavigator nav = new VoxelNavigator(g);
        Samples s = new Samples(g, 0x5AB0L + which);
        int n = 10_000;
        float[] xyz = new float[3 * n];
        float[] uvw = new float[3 * n];
        int[] ijk = new int[3 * n];
        for (int q = 0; q < n; q++) {
            s.point(xyz, q);
            s.direction(uvw, q);
            float sub = Float.intBitsToFloat(1 + s.random.nextInt(0x7F_FFFF));
            uvw[3 * q + s.random.nextInt(3)] = s.random.nextBoolean() ? sub : -sub;
            s.voxelNear(nav, xyz, ijk, q);
        }
        float[] distance = new float[n];
        int[] axis = new int[n];
        runDistances(g, ijk, xyz, uvw, distance, axis);
        VoxelCursor c = new VoxelCursor();
        int flushed = 0;
        for (int q = 0; q < n; q++) {
            load(c, ijk, xyz, q);
            float java = nav.distanceToFace(c, uvw[3 * q], uvw[3 * q + 1], uvw[3 * q + 2]);
            int javaAxis = c.faceAxis;
            float flush = nav.distanceToFace(c, flushToZero(uvw[3 * q]), flushToZero(uvw[3 * q + 1]),
                    flushToZero(uvw[3 * q + 2]));
            boolean asJava = Float.floatToRawIntBits(java) == Float.floatToRawIntBits(distance[q])
                    && javaAxis == axis[q];
            boolean asFlushed = Float.floatToRawIntBits(flush) == Float.floatToRawIntBits(distance[q])
                    && c.faceAxis == axis[q];
            if (!asJava) {
                flushed++;
            }
            if (DEVICE.program().correctlyRoundedDivideSqrt() && !asJava && !asFlushed) {
                fail("device " + distance[q] + " axis " + axis[q] + ", Java " + java + " axis " + javaAxis
                        + ", flushed " + flush + " at " + sample(q, ijk, xyz, uvw));
            }
        }
        System.out.println("subnormal cosines, grid " + which + ": " + flushed + " of " + n
                + " answers differ from Java's (as if flushed to zero)");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void crossFaceEqualsJava(int which) {
        VoxelGeometry g = grid(which);
        VoxelNavigator nav = new VoxelNavigator(g);
        Samples s = new Samples(g, 0xC405L + which);
        int[] axis = new int[SAMPLES];
        float[] uvw = new float[3 * SAMPLES];
        int[] ijk = new int[3 * SAMPLES];
        float[] xyz = new float[3 * SAMPLES];
        for (int n = 0; n < SAMPLES; n++) {
            axis[n] = s.random.nextInt(3);
            s.direction(uvw, n);
            s.point(xyz, n);
            s.voxelNear(nav, xyz, ijk, n);
        }
        int[] ijkOut = new int[3 * SAMPLES];
        float[] xyzOut = new float[3 * SAMPLES];
        int[] inside = new int[SAMPLES];
        try (DeviceVoxelGeometry grid = DeviceVoxelGeometry.upload(DEVICE.context(), g);
                DeviceBuffer dAxis = DeviceBuffer.copyOf(DEVICE.context(), axis);
                DeviceBuffer dUvw = DeviceBuffer.copyOf(DEVICE.context(), uvw);
                DeviceBuffer dIjk = DeviceBuffer.copyOf(DEVICE.context(), ijk);
                DeviceBuffer dXyz = DeviceBuffer.copyOf(DEVICE.context(), xyz);
                DeviceBuffer dIjkOut = DeviceBuffer.allocate(DEVICE.context(), (long) ijk.length * Integer.BYTES);
                DeviceBuffer dXyzOut = DeviceBuffer.allocate(DEVICE.context(), (long) xyz.length * Float.BYTES);
                DeviceBuffer dInside = DeviceBuffer.allocate(DEVICE.context(), (long) SAMPLES * Integer.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("cross_faces")) {
            int a = grid.bind(kernel, 0);
            kernel.arg(a, dAxis).arg(a + 1, dUvw).arg(a + 2, dIjk).arg(a + 3, dXyz).arg(a + 4, dIjkOut)
                    .arg(a + 5, dXyzOut).arg(a + 6, dInside).run(SAMPLES);
            dIjkOut.read(ijkOut);
            dXyzOut.read(xyzOut);
            dInside.read(inside);
        }
        VoxelCursor c = new VoxelCursor();
        int left = 0;
        for (int n = 0; n < SAMPLES; n++) {
            load(c, ijk, xyz, n);
            c.faceAxis = axis[n];
            boolean in = nav.crossFace(c, uvw[3 * n], uvw[3 * n + 1], uvw[3 * n + 2]);
            String where = "axis " + axis[n] + " " + sample(n, ijk, xyz, uvw);
            assertEquals(in, inside[n] != 0, where);
            assertEquals(c.i, ijkOut[3 * n], where);
            assertEquals(c.j, ijkOut[3 * n + 1], where);
            assertEquals(c.k, ijkOut[3 * n + 2], where);
            assertSameBits(c.x, xyzOut[3 * n], where);
            assertSameBits(c.y, xyzOut[3 * n + 1], where);
            assertSameBits(c.z, xyzOut[3 * n + 2], where);
            if (!in) {
                left++;
            }
        }
        assertTrue(left > 0 && left < SAMPLES, "some crossings leave the grid: " + left);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void woodcockFlightEqualsJava(int which) {
        VoxelGeometry g = grid(which);
        VoxelNavigator nav = new VoxelNavigator(g);
        Samples s = new Samples(g, 0xF117L + which);
        float[] flight = new float[SAMPLES];
        float[] uvw = new float[3 * SAMPLES];
        float[] xyz = new float[3 * SAMPLES];
        float longest = Math.max(g.nx() * g.sx(), Math.max(g.ny() * g.sy(), g.nz() * g.sz()));
        for (int n = 0; n < SAMPLES; n++) {
            // -ln(1 - r) times a mean free path up to a third of the grid, as the photon's flights are
            flight[n] = (float) (-Math.log(1 - s.random.nextDouble()) * s.random.nextDouble() * longest / 3);
            s.direction(uvw, n);
            s.insidePoint(xyz, n);
        }
        float[] xyzOut = new float[3 * SAMPLES];
        int[] inside = new int[SAMPLES];
        int[] voxel = new int[SAMPLES];
        try (DeviceVoxelGeometry grid = DeviceVoxelGeometry.upload(DEVICE.context(), g);
                DeviceBuffer dFlight = DeviceBuffer.copyOf(DEVICE.context(), flight);
                DeviceBuffer dUvw = DeviceBuffer.copyOf(DEVICE.context(), uvw);
                DeviceBuffer dXyz = DeviceBuffer.copyOf(DEVICE.context(), xyz);
                DeviceBuffer dXyzOut = DeviceBuffer.allocate(DEVICE.context(), (long) xyz.length * Float.BYTES);
                DeviceBuffer dInside = DeviceBuffer.allocate(DEVICE.context(), (long) SAMPLES * Integer.BYTES);
                DeviceBuffer dVoxel = DeviceBuffer.allocate(DEVICE.context(), (long) SAMPLES * Integer.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("woodcock_flights")) {
            int a = grid.bind(kernel, 0);
            kernel.arg(a, dFlight).arg(a + 1, dUvw).arg(a + 2, dXyz).arg(a + 3, dXyzOut).arg(a + 4, dInside)
                    .arg(a + 5, dVoxel).run(SAMPLES);
            dXyzOut.read(xyzOut);
            dInside.read(inside);
            dVoxel.read(voxel);
        }
        boolean exact = DEVICE.program().correctlyRoundedDivideSqrt();
        VoxelCursor c = new VoxelCursor();
        int stayed = 0;
        for (int n = 0; n < SAMPLES; n++) {
            c.moveTo(xyz[3 * n], xyz[3 * n + 1], xyz[3 * n + 2]);
            boolean in = nav.woodcockFlight(c, flight[n], uvw[3 * n], uvw[3 * n + 1], uvw[3 * n + 2]);
            String where = "flight " + flight[n] + " from " + sample(n, null, xyz, uvw);
            assertSameBits(c.x, xyzOut[3 * n], where);
            assertSameBits(c.y, xyzOut[3 * n + 1], where);
            assertSameBits(c.z, xyzOut[3 * n + 2], where);
            assertEquals(in, inside[n] != 0, where);
            if (in) {
                stayed++;
                if (exact) {
                    assertEquals(c.voxel, voxel[n], where);
                } else {
                    assertNeighbours(nav, c.voxel, voxel[n], where);
                }
            }
        }
        assertTrue(stayed > 0 && stayed < SAMPLES, "some flights stay, some leave: " + stayed);
    }

    /**
     * Straight walks through the grid as the electron's vacuum branch makes them (distance, move, cross, and again
     * from the exact face coordinate), from random points inside along all kinds of directions, until they leave:
     * every distance and every voxel entered equal Java's, and every walk leaves within nx + ny + nz faces.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void walksThroughTheGridEqualJava(int which) {
        VoxelGeometry g = grid(which);
        VoxelNavigator nav = new VoxelNavigator(g);
        Samples s = new Samples(g, 0x3A1CL + which);
        int rays = 20_000;
        int maxFaces = g.nx() + g.ny() + g.nz() + 1;
        float[] xyz = new float[3 * rays];
        float[] uvw = new float[3 * rays];
        int[] ijk = new int[3 * rays];
        for (int n = 0; n < rays; n++) {
            s.insidePoint(xyz, n);
            s.direction(uvw, n);
            if (uvw[3 * n] == 0f && uvw[3 * n + 1] == 0f && uvw[3 * n + 2] == 0f) {
                uvw[3 * n] = 1f;
            }
            VoxelCursor c = new VoxelCursor();
            nav.locate(nav.voxelOf(xyz[3 * n], xyz[3 * n + 1], xyz[3 * n + 2]), c);
            ijk[3 * n] = c.i;
            ijk[3 * n + 1] = c.j;
            ijk[3 * n + 2] = c.k;
        }
        float[] distance = new float[rays * maxFaces];
        int[] entered = new int[rays * maxFaces];
        try (DeviceVoxelGeometry grid = DeviceVoxelGeometry.upload(DEVICE.context(), g);
                DeviceBuffer dIjk = DeviceBuffer.copyOf(DEVICE.context(), ijk);
                DeviceBuffer dXyz = DeviceBuffer.copyOf(DEVICE.context(), xyz);
                DeviceBuffer dUvw = DeviceBuffer.copyOf(DEVICE.context(), uvw);
                DeviceBuffer dDistance = DeviceBuffer.allocate(DEVICE.context(), (long) distance.length * Float.BYTES);
                DeviceBuffer dEntered = DeviceBuffer.allocate(DEVICE.context(), (long) entered.length * Integer.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("walk_rays")) {
            int a = grid.bind(kernel, 0);
            kernel.arg(a, dIjk).arg(a + 1, dXyz).arg(a + 2, dUvw).arg(a + 3, maxFaces).arg(a + 4, dDistance)
                    .arg(a + 5, dEntered).run(rays);
            dDistance.read(distance);
            dEntered.read(entered);
        }
        boolean exact = DEVICE.program().correctlyRoundedDivideSqrt();
        VoxelCursor c = new VoxelCursor();
        long faces = 0;
        for (int n = 0; n < rays; n++) {
            load(c, ijk, xyz, n);
            float u = uvw[3 * n];
            float v = uvw[3 * n + 1];
            float w = uvw[3 * n + 2];
            boolean inside = true;
            int f = 0;
            for (; f < maxFaces && inside; f++) {
                float d = nav.distanceToFace(c, u, v, w);
                c.x += d * u;
                c.y += d * v;
                c.z += d * w;
                inside = nav.crossFace(c, u, v, w);
                int o = n * maxFaces + f;
                String where = "face " + f + " of ray " + sample(n, ijk, xyz, uvw);
                if (!exact) {
                    // one division's difference can send the walk elsewhere: compare the first face only
                    assertTrue(UlpDifference.ulps(d, distance[o]) <= DIVISION_ULPS, where);
                    break;
                }
                assertSameBits(d, distance[o], where);
                assertEquals(inside ? nav.flatIndex(c.i, c.j, c.k) : -1, entered[o], where);
                faces++;
            }
            assertTrue(!inside || !exact, "ray " + n + " still inside after " + maxFaces + " faces");
        }
        assertTrue(!exact || faces > rays, "faces crossed: " + faces);
    }

    private void runDistances(VoxelGeometry g, int[] ijk, float[] xyz, float[] uvw, float[] distance, int[] axis) {
        int n = distance.length;
        try (DeviceVoxelGeometry grid = DeviceVoxelGeometry.upload(DEVICE.context(), g);
                DeviceBuffer dIjk = DeviceBuffer.copyOf(DEVICE.context(), ijk);
                DeviceBuffer dXyz = DeviceBuffer.copyOf(DEVICE.context(), xyz);
                DeviceBuffer dUvw = DeviceBuffer.copyOf(DEVICE.context(), uvw);
                DeviceBuffer dDistance = DeviceBuffer.allocate(DEVICE.context(), (long) n * Float.BYTES);
                DeviceBuffer dAxis = DeviceBuffer.allocate(DEVICE.context(), (long) n * Integer.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("distances_to_face")) {
            int a = grid.bind(kernel, 0);
            kernel.arg(a, dIjk).arg(a + 1, dXyz).arg(a + 2, dUvw).arg(a + 3, dDistance).arg(a + 4, dAxis).run(n);
            dDistance.read(distance);
            dAxis.read(axis);
        }
    }

    private static void load(VoxelCursor c, int[] ijk, float[] xyz, int n) {
        c.i = ijk[3 * n];
        c.j = ijk[3 * n + 1];
        c.k = ijk[3 * n + 2];
        c.moveTo(xyz[3 * n], xyz[3 * n + 1], xyz[3 * n + 2]);
    }

    private static float flushToZero(float f) {
        return Math.abs(f) < Float.MIN_NORMAL ? Math.copySign(0f, f) : f;
    }

    private static void assertSameBits(float java, float device, String where) {
        if (Float.floatToRawIntBits(java) != Float.floatToRawIntBits(device)) {
            fail("Java " + java + " (" + Float.toHexString(java) + "), device " + device + " ("
                    + Float.toHexString(device) + ") at " + where);
        }
    }

    /** Without correctly rounded division a voxel index may be one off on each axis (a point near a face). */
    private static void assertNeighbours(VoxelNavigator nav, int java, int device, String where) {
        VoxelCursor a = new VoxelCursor();
        VoxelCursor b = new VoxelCursor();
        nav.locate(java, a);
        nav.locate(device, b);
        assertTrue(Math.abs(a.i - b.i) <= 1 && Math.abs(a.j - b.j) <= 1 && Math.abs(a.k - b.k) <= 1,
                "voxel " + java + " vs device " + device + " at " + where);
    }

    private static String sample(int n, int[] ijk, float[] xyz, float[] uvw) {
        String voxel = ijk == null ? "" : "voxel (" + ijk[3 * n] + ", " + ijk[3 * n + 1] + ", " + ijk[3 * n + 2] + ") ";
        return voxel + "at (" + Float.toHexString(xyz[3 * n]) + ", " + Float.toHexString(xyz[3 * n + 1]) + ", "
                + Float.toHexString(xyz[3 * n + 2]) + ") along (" + uvw[3 * n] + ", " + uvw[3 * n + 1] + ", "
                + uvw[3 * n + 2] + ")";
    }

    /** Points, directions and voxel indices that reach the corner cases of the grid's arithmetic. */
    private static final class Samples {
        final SplittableRandom random;
        private final int[] count;
        private final float[] size;

        Samples(VoxelGeometry g, long seed) {
            random = new SplittableRandom(seed);
            count = new int[] {g.nx(), g.ny(), g.nz()};
            size = new float[] {g.sx(), g.sy(), g.sz()};
        }

        /** Each coordinate on its own: random in and around the grid, or on a face, or one float beside one. */
        void point(float[] xyz, int n) {
            for (int a = 0; a < 3; a++) {
                xyz[3 * n + a] = coordinate(a);
            }
        }

        /** A point inside the grid (as a photon is before its flight, an electron when it starts). */
        void insidePoint(float[] xyz, int n) {
            for (int a = 0; a < 3; a++) {
                float length = count[a] * size[a];
                float c;
                do {
                    c = coordinate(a);
                } while (!(c >= 0f && c < length));
                xyz[3 * n + a] = c;
            }
        }

        private float coordinate(int a) {
            int n = count[a];
            float s = size[a];
            float length = n * s;
            float face = random.nextInt(n + 1) * s; // Java's int * float, as crossFace puts particles
            switch (random.nextInt(8)) {
                case 0:
                case 1:
                case 2:
                    return (float) ((random.nextDouble() * 1.2 - 0.1) * length);
                case 3:
                    return face;
                case 4:
                    return Math.nextUp(face);
                case 5:
                    return Math.nextDown(face);
                case 6:
                    float[] ends = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, length, Math.nextDown(length)};
                    return ends[random.nextInt(ends.length)];
                default:
                    // within a few ulps of a face, as a face distance times a cosine lands
                    return face + (random.nextInt(9) - 4) * Math.ulp(Math.max(face, s));
            }
        }

        /** A unit direction: isotropic, along an axis, in a coordinate plane or nearly along an axis. */
        void direction(float[] uvw, int n) {
            float u;
            float v;
            float w;
            int kind = random.nextInt(6);
            if (kind <= 1) {
                double cos = 2 * random.nextDouble() - 1;
                double phi = 2 * Math.PI * random.nextDouble();
                double sin = Math.sqrt(1 - cos * cos);
                u = (float) (sin * Math.cos(phi));
                v = (float) (sin * Math.sin(phi));
                w = (float) cos;
            } else if (kind == 2) {
                float[] d = {signedZero(), signedZero(), signedZero()};
                d[random.nextInt(3)] = random.nextBoolean() ? 1f : -1f;
                u = d[0];
                v = d[1];
                w = d[2];
            } else if (kind == 3) {
                double phi = 2 * Math.PI * random.nextDouble();
                float[] d = {signedZero(), signedZero(), signedZero()};
                int zeroAxis = random.nextInt(3);
                d[(zeroAxis + 1) % 3] = (float) Math.cos(phi);
                d[(zeroAxis + 2) % 3] = (float) Math.sin(phi);
                u = d[0];
                v = d[1];
                w = d[2];
            } else if (kind == 4) {
                // diagonals: equal distances to two or three faces from a corner (the tie rules)
                float c = random.nextBoolean() ? 0.70710677f : 0.57735026f;
                u = random.nextBoolean() ? c : -c;
                v = random.nextBoolean() ? c : -c;
                w = c == 0.70710677f ? signedZero() : (random.nextBoolean() ? c : -c);
            } else {
                float tiny = (float) Math.pow(10, -3 - 5 * random.nextDouble());
                float[] d = {random.nextBoolean() ? tiny : -tiny, random.nextBoolean() ? tiny : -tiny, 1f};
                int along = random.nextInt(3);
                float t = d[along];
                d[along] = random.nextBoolean() ? d[2] : -d[2];
                d[2] = t;
                u = d[0];
                v = d[1];
                w = d[2];
            }
            uvw[3 * n] = u;
            uvw[3 * n + 1] = v;
            uvw[3 * n + 2] = w;
        }

        private float signedZero() {
            return random.nextBoolean() ? 0f : -0f;
        }

        /**
         * Voxel indices for a point: inside the grid mostly the voxel holding it, or a neighbour (where rounding
         * leaves a particle a hair outside its voxel); anywhere else any index from -1 to n.
         */
        void voxelNear(VoxelNavigator nav, float[] xyz, int[] ijk, int n) {
            float x = xyz[3 * n];
            float y = xyz[3 * n + 1];
            float z = xyz[3 * n + 2];
            if (nav.contains(x, y, z) && random.nextInt(4) != 0) {
                VoxelCursor c = new VoxelCursor();
                nav.locate(nav.voxelOf(x, y, z), c);
                ijk[3 * n] = c.i + (random.nextInt(8) == 0 ? random.nextInt(3) - 1 : 0);
                ijk[3 * n + 1] = c.j + (random.nextInt(8) == 0 ? random.nextInt(3) - 1 : 0);
                ijk[3 * n + 2] = c.k + (random.nextInt(8) == 0 ? random.nextInt(3) - 1 : 0);
            } else {
                for (int a = 0; a < 3; a++) {
                    ijk[3 * n + a] = random.nextInt(count[a] + 2) - 1;
                }
            }
        }
    }
}
