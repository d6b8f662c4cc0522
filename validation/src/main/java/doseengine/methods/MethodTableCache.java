package doseengine.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The fast methods' Monte Carlo tables kept on disk (dose point kernels, electron voxel S values, sphere S values;
 * {@link MethodTableRuns}), one JSON file per table, so that each is computed once per nuclide, medium, voxel size and
 * physics. The key names everything the table depends on (the physics version
 * among it, {@code doseengine.physics.PhysicsVersion}); the file name is a hash of the key, and the key is stored
 * in the file and checked on reading, so a file written by other physics is never used.
 *
 * <p>Where: {@code --kernel-cache DIR}, else {@code $DOSEENGINE_KERNEL_CACHE}, else {@code $XDG_CACHE_HOME/doseengine/
 * kernels}, else {@code ~/.cache/doseengine/kernels}. Files are written to a temporary name and moved into place,
 * so two runs at once never read half a file.
 *
 * <p>The option {@code --kernel-cache}, the variable {@code DOSEENGINE_KERNEL_CACHE}, the default folder
 * {@code .../doseengine/kernels}, the file names and the keys keep the word "kernel": users have caches and scripts
 * under those names, and a cache written by one version of the tool is read by the next.
 */
public final class MethodTableCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public MethodTableCache(Path dir) {
        this.dir = dir;
    }

    /** The default folder (see the class comment). */
    public static Path defaultDir() {
        String env = System.getenv("DOSEENGINE_KERNEL_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("doseengine").resolve("kernels");
    }

    public Path dir() {
        return dir;
    }

    /** The stored table of this key, if there is one written under exactly this key. */
    public Optional<JsonNode> read(String kind, String key) {
        Path f = file(kind, key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return key.equals(n.path("key").asText()) ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            // A damaged file is recomputed and replaced rather than trusted.
            return Optional.empty();
        }
    }

    /** Stores a table; {@code data} gains the key. Returns the file. */
    public Path write(String kind, String key, ObjectNode data) {
        data.put("key", key);
        Path f = file(kind, key);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, kind, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), data);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return f;
        } catch (IOException e) {
            throw new BadInputException("cannot write the kernel cache in " + dir + ": " + e.getMessage()
                    + " (choose another folder with --kernel-cache DIR)");
        }
    }

    Path file(String kind, String key) {
        return dir.resolve(kind + "-" + hash(key) + ".json");
    }

    static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
