package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exact-tally regression tests, in the manner of OpenMC's: each {@link RegressionProblem} runs through
 * {@link DoseCalculation} on the Java backend with its fixed seed, on one thread and on two, and its exact tallies
 * (every non-zero voxel's fixed-point units summed over the batches, each batch's deposited, escaped and emitted
 * counters, a digest of the folded dose map; for local deposition the dose's float bits) must equal, integer for
 * integer, those stored in {@code src/test/resources/regression/<problem>.txt}.
 *
 * <p>Why exact: a history draws only from its own random stream and the tally adds integers, so one seed gives
 * one set of integers whatever the thread count. A change that should not alter behaviour (a refactoring, a
 * faster navigator) must leave every integer in place; a change of the physics moves them, and then the stored
 * files are regenerated in the same commit, with {@code PhysicsVersion.ID} raised, so that the diff shows what
 * moved. A failure lists the header and batch lines that differ, how many voxels differ, the largest difference
 * and the first differing voxels.
 *
 * <p>Regenerating: run this test with {@code -Ddoseengine.regenerate=true} (or the environment variable
 * {@code DOSEENGINE_REGENERATE=1}); it then writes the files into the module's {@code src/test/resources}
 * instead of comparing:
 * <pre>
 * mvn -B -o -pl engine -am -Dtest=TallyRegressionTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddoseengine.regenerate=true verify
 * </pre>
 *
 * <p>The integers are those of the Java backend on HotSpot: its float and double arithmetic is IEEE-754 strict
 * (Java 17), but {@code Math.log}, {@code exp} and the like may differ in the last bit between platforms, so a
 * JVM on another architecture could legitimately move them; the reference files come from x86-64.
 */
class TallyRegressionTest {
    static final String REGENERATE_PROPERTY = "doseengine.regenerate";
    static final String REGENERATE_ENV = "DOSEENGINE_REGENERATE";

    @ParameterizedTest
    @EnumSource(RegressionProblem.class)
    void javaTalliesEqualTheStoredOnesOnOneAndTwoThreads(RegressionProblem rp) {
        DoseProblem p = rp.problem();
        ExactTallies one = rp.run(p, BackendChoice.Resolved.java(1, null), 1);
        ExactTallies two = rp.run(p, BackendChoice.Resolved.java(2, null), 2);
        assertNull(two.differencesFrom(one), () -> rp.key + ": two threads differ from one thread:\n"
                + two.differencesFrom(one));
        assertTrue(one.voxels().size() >= 100, rp.key + ": only " + one.voxels().size()
                + " non-zero voxels, too few to guard the transport");
        if (regenerate()) {
            Path file = sourceResources().resolve(rp.resource());
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, one.format(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println(rp.key + ": regenerated " + file + " (" + one.voxels().size() + " voxels)");
            return;
        }
        ExactTallies stored = ExactTallies.parse(readStored(rp));
        String moved = one.differencesFrom(stored);
        if (moved != null) {
            fail(rp.key + ": the exact tallies of seed " + rp.seed + " moved (" + rp.resource() + "):\n" + moved
                    + "A change meant to keep behaviour must keep every integer. For an intended physics change,"
                    + " raise PhysicsVersion.ID and regenerate (-D" + REGENERATE_PROPERTY + "=true, see"
                    + " docs/regression.md).");
        }
        System.out.println(rp.key + ": " + one.voxels().size() + " voxels equal; digest " + one.digest());
    }

    static boolean regenerate() {
        return Boolean.getBoolean(REGENERATE_PROPERTY) || "1".equals(System.getenv(REGENERATE_ENV))
                || "true".equalsIgnoreCase(System.getenv(REGENERATE_ENV));
    }

    /** The module's test resources in the source tree (surefire runs in the module's directory). */
    private static Path sourceResources() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "resources");
    }

    private static String readStored(RegressionProblem rp) {
        try (InputStream in = TallyRegressionTest.class.getClassLoader().getResourceAsStream(rp.resource())) {
            if (in == null) {
                fail(rp.key + ": no stored tallies (" + rp.resource() + "); create them with -D"
                        + REGENERATE_PROPERTY + "=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
