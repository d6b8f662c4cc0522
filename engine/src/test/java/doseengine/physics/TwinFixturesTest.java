package doseengine.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.fixtures.TableFixture;
import doseengine.kernels.fixtures.TwinFixtures;
import doseengine.kernels.fixtures.TwinFixtures.PhotonSet;
import doseengine.kernels.fixtures.TwinFixtures.PhysicsSet;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.electron.ElectronTablesBuilder;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import doseengine.physics.photon.PhotonTables;
import doseengine.physics.photon.WoodcockMajorant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fixture files of the kernels module's twin tests ({@code TwinFixtures}, in its test resources) hold what
 * the engine builds now: the same materials, nuclides and parameters the twin tests were written for. The twin
 * tests compare device functions with their Java twins on these tables; the tables come from the engine's data
 * files, which the kernels module cannot read (it cannot depend on the engine, which depends on it), so the
 * engine writes them there and this test keeps them current.
 *
 * <p>A failure means the engine's tables moved (new physics data, another grid, other default parameters):
 * regenerate the fixtures in the same commit, so that the twin tests run on the tables the transport uses:
 * <pre>
 * mvn -B -o -pl engine -am -Dtest=TwinFixturesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddoseengine.regenerate=true verify
 * </pre>
 * ({@code DOSEENGINE_REGENERATE=1} does the same, as for {@code TallyRegressionTest}). The stored and built
 * fixtures are compared by their contents (every array's length and SHA-256), not by the gzip bytes.
 */
class TwinFixturesTest {
    static final String REGENERATE_PROPERTY = "doseengine.regenerate";
    static final String REGENERATE_ENV = "DOSEENGINE_REGENERATE";
    /** The twin fixtures together must stay small: they are committed, and every build of the tests reads them. */
    static final long MAX_TOTAL_BYTES = 3L << 20;

    @ParameterizedTest
    @EnumSource(TwinFixtures.Set.class)
    void storedFixtureEqualsWhatTheEngineBuilds(TwinFixtures.Set set) throws IOException {
        TableFixture built = build(set);
        Path file = fixtureDirectory().resolve(set.fileName());
        if (regenerate()) {
            Files.createDirectories(file.getParent());
            Files.write(file, built.toBytes());
            System.out.println(set + ": regenerated " + fixtureDirectory().getFileName() + "/" + set.fileName()
                    + " (" + Files.size(file) + " bytes)");
            return;
        }
        if (!Files.exists(file)) {
            fail(set + ": no fixture " + TwinFixtures.DIRECTORY + set.fileName() + " in the kernels module's test"
                    + " resources; create it with -D" + REGENERATE_PROPERTY + "=true (docs/regression.md)");
        }
        TableFixture stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = TableFixture.read(in, set.fileName());
        }
        String moved = built.differencesFrom(stored);
        if (moved != null) {
            fail(set + ": the engine's tables differ from the twin fixture " + set.fileName() + ":\n" + moved
                    + "Regenerate the fixtures in the same commit (-D" + REGENERATE_PROPERTY + "=true or "
                    + REGENERATE_ENV + "=1 with this test, see docs/regression.md), so that the twin tests compare"
                    + " on the tables the transport uses.");
        }
        assertEquals(built, stored);
        System.out.println(set + ": " + set.fileName() + " equals the engine's tables (" + Files.size(file)
                + " bytes)");
    }

    @ParameterizedTest
    @EnumSource(TwinFixtures.Set.class)
    void fixtureReadsBackIntoTheSameTables(TwinFixtures.Set set) throws IOException {
        TableFixture built = build(set);
        TableFixture back = TableFixture.read(new ByteArrayInputStream(built.toBytes()), set.fileName());
        assertEquals(built.header(), back.header());
        // Through the kernels table objects and back: every constructor argument is in the fixture.
        TableFixture again = switch (set) {
            case PHOTON -> TwinFixtures.fixture(TwinFixtures.photons(back), aboutOf(built));
            case ELECTRON -> TwinFixtures.fixture(TwinFixtures.electrons(back), aboutOf(built));
            case EMISSION -> TwinFixtures.fixture(TwinFixtures.emission(back), aboutOf(built));
            case PHYSICS -> TwinFixtures.fixture(TwinFixtures.physics(back), aboutOf(built));
        };
        assertEquals(built.header(), again.header());
    }

    @Test
    void fixturesStaySmall() throws IOException {
        long total = 0;
        for (TwinFixtures.Set set : TwinFixtures.Set.values()) {
            Path file = fixtureDirectory().resolve(set.fileName());
            if (Files.exists(file)) {
                total += Files.size(file);
            }
        }
        assertTrue(total <= MAX_TOTAL_BYTES, "twin fixtures: " + total + " bytes");
    }

    /** The tables the twin tests were written for; each set's materials and parameters are those of its tests. */
    static TableFixture build(TwinFixtures.Set set) {
        MaterialCatalog catalog = MaterialCatalog.standard();
        return switch (set) {
            case PHOTON -> {
                // PhotonOpenClTest: six materials, iodine for its K and L edges; a majorant over eight voxels.
                List<Material> materials = List.of(catalog.get("water_liquid"), catalog.get("bone_cortical_icrp"),
                        catalog.get("lungtissue_icrp"), catalog.get("adiposetissue_icrp"),
                        catalog.get("air_dry_nearsealevel"), catalog.get("element_iodine"));
                PhotonTables tables = PhotonTables.build(materials);
                var xs = tables.crossSections();
                byte[] materialIndex = {0, 1, 2, 3, 4, 5, 0, 1};
                float[] density = {1f, 1.92f, 0.26f, 0.95f, 0.0012f, 4.93f, 1.05f, 1.5f};
                PhotonSet photons = new PhotonSet(xs, WoodcockMajorant.build(tables, xs, materialIndex, density),
                        tables.comptonSampler(), tables.rayleighSampler(xs));
                yield TwinFixtures.fixture(photons, "PhotonTables.build of " + names(materials),
                        "WoodcockMajorant over materials 0 1 2 3 4 5 0 1,"
                                + " densities 1 1.92 0.26 0.95 0.0012 4.93 1.05 1.5 g/cm3");
            }
            case ELECTRON -> {
                // ElectronOpenClTest: four materials, the builder's defaults.
                List<Material> materials = List.of(catalog.get("water_liquid"), catalog.get("bone_cortical_icrp"),
                        catalog.get("lungtissue_icrp"), catalog.get("air_dry_nearsealevel"));
                yield TwinFixtures.fixture(new ElectronTablesBuilder().build(materials),
                        "ElectronTablesBuilder defaults, " + names(materials));
            }
            case EMISSION -> {
                // EmissionOpenClTest: the three nuclides.
                Map<String, EmissionArrays> arrays = new LinkedHashMap<>();
                for (String nuclide : List.of("Lu-177", "Y-90", "I-131")) {
                    arrays.put(nuclide, EmissionTable.of(NuclideCatalog.get(nuclide)).arrays());
                }
                yield TwinFixtures.fixture(arrays, "EmissionTable of Lu-177 Y-90 I-131, all radiation types");
            }
            case PHYSICS -> {
                // DeviceTablesTest: a run's tables, two materials, I-131, default parameters, four voxels.
                byte[] material = {0, 1, 1, 0};
                float[] density = {1f, 1.85f, 1.4f, 0.9f};
                List<Material> materials = List.of(catalog.get("water_liquid"), catalog.get("bone_cortical_icrp"));
                PhysicsTables t = PhysicsTables.build(materials, EmissionTable.of(NuclideCatalog.get("I-131")),
                        TransportParameters.defaults(), material, density);
                var xs = t.majorant().crossSections();
                PhysicsSet physics = new PhysicsSet(t.emissionArrays(), new PhotonSet(xs, t.majorant(),
                        t.photons().comptonSampler(), t.photons().rayleighSampler(xs)), t.electrons());
                yield TwinFixtures.fixture(physics, "PhysicsTables.build of " + names(materials)
                        + ", I-131, TransportParameters.defaults()",
                        "majorant over materials 0 1 1 0, densities 1 1.85 1.4 0.9 g/cm3");
            }
        };
    }

    private static String names(List<Material> materials) {
        return String.join(" ", materials.stream().map(Material::name).toList());
    }

    private static String[] aboutOf(TableFixture f) {
        return f.header().lines().filter(l -> l.startsWith("about ")).map(l -> l.substring(6))
                .toArray(String[]::new);
    }

    static boolean regenerate() {
        return Boolean.getBoolean(REGENERATE_PROPERTY) || "1".equals(System.getenv(REGENERATE_ENV))
                || "true".equalsIgnoreCase(System.getenv(REGENERATE_ENV));
    }

    /** The kernels module's fixture directory in the source tree (surefire runs in this module's directory). */
    static Path fixtureDirectory() {
        Path engine = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path kernels = engine.getParent().resolve("kernels");
        if (!Files.isDirectory(kernels)) {
            throw new UncheckedIOException(new IOException("no kernels module beside " + engine.getFileName()));
        }
        return kernels.resolve("src/test/resources").resolve(TwinFixtures.DIRECTORY);
    }
}
