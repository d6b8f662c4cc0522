package doseengine.kernels.photon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The kernels' lookup on a hand-made table whose values are known in closed form: one material, nodes at
 * ln E = -7, -6, -5 (bin boundaries, 1 bin per unit ln E) and an edge at -5.5 (two nodes). Each process is a
 * power law with a different exponent on each segment, so log-log interpolation must reproduce it exactly.
 */
class PhotonCrossSectionsTest {
    private static final float[] NODES = {-7f, -6f, -5.5f, -5.5f, -5f};

    /** Value of process p at node i; process p on segment [i, i+1] has slope -(p + 1), pair is 0 to -5.5. */
    private static PhotonCrossSections table() {
        int n = NODES.length;
        float[] mu = new float[PhotonCrossSections.PROCESS_COUNT * n];
        float[] slope = new float[mu.length];
        for (int p = 1; p < PhotonCrossSections.PROCESS_COUNT; p++) {
            double v = 10 * p;
            for (int i = 0; i < n; i++) {
                if (i == 3) {
                    v *= 2; // the edge: the above-edge value is twice the below-edge one
                }
                boolean zero = p == PhotonCrossSections.PAIR && i < 3;
                mu[p * n + i] = zero ? 0f : (float) v;
                if (i + 1 < n && NODES[i + 1] > NODES[i]) {
                    slope[p * n + i] = zero ? 0f : -(p + 1);
                    v *= Math.exp(-(p + 1) * (NODES[i + 1] - NODES[i]));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int p = 1; p < PhotonCrossSections.PROCESS_COUNT; p++) {
                mu[i] += mu[p * n + i];
            }
        }
        // The total's slopes stay zero: these tests look up the partial processes only.
        return new PhotonCrossSections(1, -7f, 1f, NODES, new int[] {0, 1}, mu, slope);
    }

    @Test
    void logLogInterpolationReproducesPowerLawsAndEdges() {
        PhotonCrossSections xs = table();
        int coherent = PhotonCrossSections.COHERENT;
        // On [-7, -6] coherent falls as E^-2 from 10.
        assertEquals(10 * Math.exp(-2 * 0.3), xs.muOverRho(coherent, 0, -6.7f), 1e-5);
        assertEquals(10 * Math.exp(-2 * 0.3), xs.muOverRhoAtEnergy(coherent, 0, (float) Math.exp(-6.7)), 1e-5);
        // At the edge the above-edge value, one float step below it the below-edge limit.
        double belowEdge = 10 * Math.exp(-2 * 1.5);
        assertEquals(2 * belowEdge, xs.muOverRho(coherent, 0, -5.5f), 1e-5);
        assertEquals(belowEdge, xs.muOverRho(coherent, 0, Math.nextDown(-5.5f)), 1e-5);
        // Pair is zero below its first non-zero node and follows E^-5 after it.
        assertEquals(0f, xs.muOverRho(PhotonCrossSections.PAIR, 0, -5.6f), 0f);
        double pairAt = 80 * Math.exp(-5 * 1.5) * Math.exp(-5 * 0.25);
        assertEquals(pairAt, xs.muOverRho(PhotonCrossSections.PAIR, 0, -5.25f), 1e-5 * pairAt);
    }

    @Test
    void nodeLookupStepsOverEdgesAndClampsToTheTable() {
        PhotonCrossSections xs = table();
        assertEquals(0, xs.node(-7f));
        assertEquals(0, xs.node(-6.5f));
        assertEquals(1, xs.node(-6f));
        assertEquals(1, xs.node(-5.6f));
        assertEquals(3, xs.node(-5.5f));
        assertEquals(3, xs.node(-5.2f));
        assertEquals(4, xs.node(-5f));
        assertEquals(0, xs.node(-9f));
        assertEquals(4, xs.node(2f));
        assertEquals(0, xs.bin(-100f));
        assertEquals(1, xs.bin(100f));
    }

    /**
     * Process selection frequencies against mu_p / sum mu at ln E = -5.25 (all four processes non-zero).
     * Tolerance: 4 binomial standard errors with N = 200000.
     */
    @Test
    void processSelectionFollowsThePartialCoefficients() {
        PhotonCrossSections xs = table();
        float ln = -5.25f;
        int node = xs.node(ln);
        double[] mu = new double[PhotonCrossSections.PROCESS_COUNT];
        double sum = 0;
        for (int p = 1; p < PhotonCrossSections.PROCESS_COUNT; p++) {
            mu[p] = xs.muOverRho(p, 0, node, ln);
            sum += mu[p];
        }
        int n = 200_000;
        int[] count = new int[PhotonCrossSections.PROCESS_COUNT];
        SplittableUniformSource rng = new SplittableUniformSource(5);
        for (int i = 0; i < n; i++) {
            count[xs.selectProcess(0, node, ln, rng.nextFloat())]++;
        }
        assertEquals(0, count[PhotonCrossSections.TOTAL]);
        for (int p = 1; p < PhotonCrossSections.PROCESS_COUNT; p++) {
            double expected = mu[p] / sum;
            double se = Math.sqrt(expected * (1 - expected) / n);
            assertEquals(expected, count[p] / (double) n, 4 * se, "process " + p);
        }
        // Below the pair's first node pair is never chosen, even for u just below 1.
        float low = -6.5f;
        assertEquals(PhotonCrossSections.PHOTOELECTRIC, xs.selectProcess(0, xs.node(low), low, Math.nextDown(1f)));
    }

    @Test
    void mismatchedArraysAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PhotonCrossSections(2, -7f, 1f, NODES, new int[] {0, 1}, new float[25], new float[25]));
        assertThrows(IllegalArgumentException.class, () -> new PhotonCrossSections(1, -7f, 1f,
                new float[] {-7f, -6f, -6.5f}, new int[] {0}, new float[15], new float[15]));
    }
}
