package doseengine.split;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SHA-256 of a run's input files, so that a merge refuses parts whose inputs changed in between (a file rewritten
 * under the same name). A folder (a DICOM series) digests each of its files, sorted by path relative to the
 * folder: the digest of the lines {@code path sha256}.
 */
public final class InputDigests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputDigests() {}

    /** {@code [{"option", "path" (as given), "sha256"}, ...]} for the given option-to-path entries, in order. */
    public static ArrayNode of(Map<String, Path> inputs) {
        ArrayNode a = JSON.createArrayNode();
        inputs.forEach((option, path) -> {
            ObjectNode o = a.addObject();
            o.put("option", option);
            o.put("path", path.toString());
            o.put("sha256", sha256(path));
        });
        return a;
    }

    /** The SHA-256 (hex) of a file, or of a folder's files as described above. */
    public static String sha256(Path path) {
        try {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(path)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                StringBuilder lines = new StringBuilder();
                for (Path f : files) {
                    lines.append(path.relativize(f).toString().replace('\\', '/')).append(' ').append(ofFile(f))
                            .append('\n');
                }
                return HexFormat.of().formatHex(PartFile.sha256().digest(lines.toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return ofFile(path);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String ofFile(Path f) throws IOException {
        MessageDigest sha = PartFile.sha256();
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
