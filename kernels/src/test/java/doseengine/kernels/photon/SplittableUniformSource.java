package doseengine.kernels.photon;

import doseengine.kernels.UniformSource;
import java.util.SplittableRandom;

/**
 * Test source of uniform floats in [0, 1), 24 bits each as DESIGN.md 3.4 turns integers into floats. Shared with
 * the engine's tests through this module's test-jar.
 */
public final class SplittableUniformSource implements UniformSource {
    private final SplittableRandom random;

    public SplittableUniformSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public float nextFloat() {
        return (random.nextInt() >>> 8) * 0x1p-24f;
    }
}
