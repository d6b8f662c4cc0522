package doseengine.kernels;

/**
 * Uniform random floats for the Java kernels. Every implementation turns a 32-bit integer {@code x} into
 * {@code (x >>> 8) * 0x1p-24f}, exactly as the OpenCL side does (DESIGN.md 3.4), so a value is always one of
 * the 2^24 numbers {@code k * 2^-24} in [0, 1): never 1, and 0 is possible (take {@code 1 - u} before a
 * logarithm).
 */
@FunctionalInterface
public interface UniformSource {
    /** The next uniform float in [0, 1). */
    float nextFloat();
}
