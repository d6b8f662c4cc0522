package doseengine.geometry.io.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UIDs under the 2.25 arc (PS3.5 B.2: the decimal of a UUID), which needs no registered organization root and
 * stays within 64 characters (2.25. plus at most 39 digits).
 */
public final class Uids {
    /** The engine's root, itself derived from a name-based UUID of "doseengine"; implementation UIDs hang below. */
    public static final String ROOT = derived("doseengine");

    /** The implementation class UID the writer puts into the meta group (PS3.7 D.3.3.2). */
    public static final String IMPLEMENTATION_CLASS_UID = ROOT + ".1";

    private Uids() {}

    /** A new UID from a random (version 4) UUID. */
    public static String fresh() {
        return of(UUID.randomUUID());
    }

    /** A UID that depends only on {@code seed} (a name-based, version 3 UUID): reproducible tests and outputs. */
    public static String derived(String seed) {
        return of(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String of(UUID uuid) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }
}
