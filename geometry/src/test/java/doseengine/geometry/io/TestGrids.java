package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;

/** Small non-trivial grids and volumes for the I/O tests: nothing cubic, nothing at the origin. */
public final class TestGrids {
    static final int NX = 7, NY = 5, NZ = 3;

    private TestGrids() {}

    /** Rotation by {@code degrees} about the unit vector along (ax, ay, az), row-major (Rodrigues' formula). */
    public static double[] rotation(double ax, double ay, double az, double degrees) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double x = ax / n, y = ay / n, z = az / n;
        double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees)), t = 1 - c;
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c,
        };
    }

    /** 7x5x3 voxels of 0.8 x 1.25 x 2.5 mm, off-origin, rotated 30 degrees about (1,2,3): an oblique grid. */
    static VoxelGrid oblique() {
        return new VoxelGrid(NX, NY, NZ, 0.8, 1.25, 2.5, new double[] {-120.5, 33.25, 17.0},
                rotation(1, 2, 3, 30));
    }

    /** The oblique grid with its k axis reversed: a left-handed grid (NIfTI qfac = -1). */
    static VoxelGrid leftHanded() {
        double[] d = rotation(-2, 1, 0.5, 75);
        d[2] = -d[2];
        d[5] = -d[5];
        d[8] = -d[8];
        return new VoxelGrid(NX, NY, NZ, 1.5, 0.9, 3.0, new double[] {12.0, -250.75, -40.125}, d);
    }

    /** Values that stress a float format: negative, fractional, denormal, extreme, signed zero. */
    static FloatVolume floats(VoxelGrid g) {
        float[] f = new float[g.voxelCount()];
        for (int v = 0; v < f.length; v++) {
            f[v] = (float) ((v - 40) * 1.37 + Math.sin(v) * 1e-3);
        }
        f[1] = Float.MAX_VALUE;
        f[2] = -Float.MAX_VALUE;
        f[3] = Float.MIN_VALUE;
        f[4] = -0.0f;
        return new FloatVolume(g, f);
    }

    /** CT-like shorts including both extremes of the type. */
    static ShortVolume shorts(VoxelGrid g) {
        short[] s = new short[g.voxelCount()];
        for (int v = 0; v < s.length; v++) {
            s[v] = (short) (v * 97 - 1024);
        }
        s[0] = Short.MIN_VALUE;
        s[s.length - 1] = Short.MAX_VALUE;
        return new ShortVolume(g, s);
    }

    /** Unsigned bytes over the full 0..255 range. */
    static ByteVolume bytes(VoxelGrid g) {
        byte[] b = new byte[g.voxelCount()];
        for (int v = 0; v < b.length; v++) {
            b[v] = (byte) (v * 37 + 11);
        }
        b[0] = 0;
        b[1] = (byte) 255;
        return new ByteVolume(g, b);
    }

    /**
     * Asserts the same dimensions, spacing, origin and directions.
     *
     * @param tolMm tolerance on spacing and origin (mm)
     * @param tolCos tolerance on each direction cosine
     */
    static void assertGeometry(VoxelGrid expected, VoxelGrid actual, double tolMm, double tolCos) {
        assertEquals(expected.nx(), actual.nx(), "nx");
        assertEquals(expected.ny(), actual.ny(), "ny");
        assertEquals(expected.nz(), actual.nz(), "nz");
        assertArrayEquals(expected.spacing(), actual.spacing(), tolMm, "spacing");
        assertArrayEquals(expected.origin(), actual.origin(), tolMm, "origin");
        assertArrayEquals(expected.direction(), actual.direction(), tolCos, "direction");
    }
}
