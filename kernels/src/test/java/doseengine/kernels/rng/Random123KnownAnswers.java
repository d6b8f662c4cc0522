package doseengine.kernels.rng;

/** Known-answer vectors of Random123, shared by the Java and the OpenCL tests. */
public final class Random123KnownAnswers {

    /**
     * The three "philox4x32 10" lines of Random123's {@code tests/kat_vectors}; one row each: counter
     * c0..c3, key k0 k1, expected out0..out3. Copied from D. E. Shaw Research's Random123-Boost repository,
     * {@code libs/random/test/test_philox.cpp}, test case {@code test_kat_philox4x32}, commit
     * 916db91ae4c6fd8324ef054a518851321ab41f91, whose comment says the vectors are "cut-and-pasted from the
     * kat_vectors file in the original Random123 distribution". Row 1 is also DESIGN.md 3.4's; row 3 uses
     * the hex digits of pi.
     */
    public static final int[][] PHILOX4X32_10 = {
        {0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
            0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
            0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
            0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
    };

    private Random123KnownAnswers() {}
}
