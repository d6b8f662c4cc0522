package doseengine.physics.electron;

import doseengine.kernels.UniformSource;
import java.util.SplittableRandom;

/** Test source of uniform floats in [0, 1), converted from 32-bit integers as the kernels do (DESIGN 3.4). */
final class SplitMixUniform implements UniformSource {
    private final SplittableRandom random;

    SplitMixUniform(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public float nextFloat() {
        return (random.nextInt() >>> 8) * 0x1p-24f;
    }
}
