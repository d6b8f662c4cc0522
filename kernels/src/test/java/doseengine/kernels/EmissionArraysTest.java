package doseengine.kernels;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The layout checks of {@link EmissionArrays}: a table that breaks the contract never reaches a kernel. */
class EmissionArraysTest {
    private static final float[] NONE_F = {};
    private static final int[] NONE_I = {};

    private static EmissionArrays beta(float[] e, float[] cdf, float[] f, int[] guide) {
        return new EmissionArrays(e, cdf, f, guide, NONE_I, NONE_F, NONE_I, NONE_F, NONE_F, NONE_F);
    }

    private static EmissionArrays chance(int[] type, float[] energy, float[] p, float[] log) {
        return new EmissionArrays(NONE_F, NONE_F, NONE_F, NONE_I, NONE_I, NONE_F, type, energy, p, log);
    }

    @Test
    void acceptsAValidBetaTable() {
        assertDoesNotThrow(() -> beta(new float[] {0, 1, 2}, new float[] {0, 0.5f, 1}, new float[] {0, 1, 0},
                new int[] {0, 1}));
    }

    @Test
    void refusesBrokenBetaTables() {
        float[] e = {0, 1, 2};
        float[] cdf = {0, 0.5f, 1};
        float[] f = {0, 1, 0};
        assertThrows(IllegalArgumentException.class, () -> beta(new float[] {0, 1, 1}, cdf, f, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> beta(e, new float[] {0, 0.5f, 0.99f}, f, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> beta(e, new float[] {0, 0.6f, 0.5f}, f, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> beta(e, cdf, new float[] {0, -1, 0}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> beta(e, cdf, new float[] {0, 0, 0}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> beta(e, cdf, f, new int[] {0, 1, 1}), "G = 3");
        assertThrows(IllegalArgumentException.class, () -> beta(e, cdf, f, new int[] {0, 0}), "guide too low");
        assertThrows(IllegalArgumentException.class, () -> beta(e, cdf, f, new int[] {1, 1}), "guide too high");
        assertThrows(IllegalArgumentException.class,
                () -> new EmissionArrays(NONE_F, cdf, NONE_F, NONE_I, NONE_I, NONE_F, NONE_I, NONE_F, NONE_F, NONE_F));
    }

    @Test
    void refusesBrokenLines() {
        float ln = (float) Math.log1p(-0.5);
        assertDoesNotThrow(() -> chance(new int[] {1}, new float[] {0.1f}, new float[] {0.5f}, new float[] {ln}));
        assertThrows(IllegalArgumentException.class,
                () -> chance(new int[] {2}, new float[] {0.1f}, new float[] {0.5f}, new float[] {ln}), "type code");
        assertThrows(IllegalArgumentException.class,
                () -> chance(new int[] {1}, new float[] {0f}, new float[] {0.5f}, new float[] {ln}), "energy 0");
        assertThrows(IllegalArgumentException.class,
                () -> chance(new int[] {1}, new float[] {0.1f}, new float[] {1f}, new float[] {ln}), "p = 1");
        assertThrows(IllegalArgumentException.class,
                () -> chance(new int[] {1}, new float[] {0.1f}, new float[] {0.5f}, new float[] {-0.5f}), "log");
        float ln2 = (float) Math.log1p(-0.25);
        assertThrows(IllegalArgumentException.class, () -> chance(new int[] {1, 1}, new float[] {0.1f, 0.2f},
                new float[] {0.25f, 0.5f}, new float[] {ln2, ln}), "increasing probabilities");
        assertThrows(IllegalArgumentException.class, () -> new EmissionArrays(NONE_F, NONE_F, NONE_F, NONE_I,
                new int[] {0}, NONE_F, NONE_I, NONE_F, NONE_F, NONE_F), "fixed arrays differ in length");
    }
}
