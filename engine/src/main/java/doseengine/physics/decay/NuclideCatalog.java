package doseengine.physics.decay;

import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nuclides the engine knows, read from the ICRP-107 files among this package's resources (see the README
 * there for provenance). Each file is parsed once, on first use.
 */
public final class NuclideCatalog {
    private static final String RESOURCE_DIR = "/doseengine/physics/decay/";
    private static final Map<String, String> RESOURCES = Map.of(
            "I-131", "icrp107_I131_opengate.json",
            "Lu-177", "icrp107_Lu177_opengate.json",
            "Y-90", "icrp107_Y90_opengate.json");
    private static final Map<String, Nuclide> LOADED = new ConcurrentHashMap<>();

    private NuclideCatalog() {
    }

    /** Canonical names of the known nuclides, sorted. */
    public static List<String> names() {
        return RESOURCES.keySet().stream().sorted().toList();
    }

    /**
     * The nuclide named {@code name} in any form {@link NuclideName} accepts.
     *
     * @throws BadInputException when the name is no nuclide the engine has data for; the message lists those
     */
    public static Nuclide get(String name) {
        String canonical = NuclideName.canonical(name).orElse(null);
        if (canonical == null || !RESOURCES.containsKey(canonical)) {
            throw new BadInputException("unknown nuclide '" + name + "': known nuclides are "
                    + String.join(", ", names()));
        }
        return LOADED.computeIfAbsent(canonical, NuclideCatalog::load);
    }

    private static Nuclide load(String canonical) {
        String resource = RESOURCE_DIR + RESOURCES.get(canonical);
        try (InputStream in = NuclideCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("decay data resource " + resource + " is missing from the build");
            }
            Nuclide nuclide = Icrp107JsonReader.read(in, resource);
            if (!nuclide.name().equals(canonical)) {
                throw new IllegalStateException(resource + " holds " + nuclide.name() + ", not " + canonical);
            }
            return nuclide;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
