package doseengine.transport;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of exact results, in hex. */
final class Digests {
    private Digests() {}

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** SHA-256 of the raw bits of the floats of each array, in order (big-endian). */
    static String ofFloatBits(float[]... arrays) {
        int n = 0;
        for (float[] a : arrays) {
            n += a.length;
        }
        ByteBuffer b = ByteBuffer.allocate(4 * n);
        for (float[] a : arrays) {
            for (float x : a) {
                b.putInt(Float.floatToRawIntBits(x));
            }
        }
        return sha256(b.array());
    }
}
