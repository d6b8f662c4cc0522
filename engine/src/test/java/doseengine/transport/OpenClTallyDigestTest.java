package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClDiscovery;
import doseengine.kernels.opencl.OpenClTestSupport;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Monte Carlo {@link RegressionProblem}s on the OpenCL backend. Their tallies are not stored: the device's
 * compiler and math library decide the last bits of every float, so they differ between devices and drivers (and
 * from Java's). On one device and driver they are exact, though: each history draws from its own random stream, the
 * tally adds integers with atomics, so the order in which work-items finish changes nothing. This test therefore
 * runs each problem twice and requires the same integers, and prints a digest of them (SHA-256 of the same text
 * {@link TallyRegressionTest} stores) to {@code target/surefire-reports/doseengine.transport.OpenClTallyDigestTest-output.txt},
 * with the device, so that a developer can compare a change's before and after on one machine by hand
 * (docs/regression.md). It also prints how many voxels differ from the stored Java tallies, for information only.
 *
 * <p>Skips without an OpenCL device; {@code DOSEENGINE_REQUIRE_OPENCL=1} makes a missing device a failure.
 */
class OpenClTallyDigestTest {
    @ParameterizedTest
    @EnumSource(value = RegressionProblem.class, names = "LOCAL_DEPOSITION_TORSO", mode = EnumSource.Mode.EXCLUDE)
    void openClTalliesAreTheSameTwiceOnOneDevice(RegressionProblem rp) {
        int device = OpenClTestSupport.deviceIndex();
        OpenClDeviceInfo info = OpenClDiscovery.discover().devices().get(device);
        BackendChoice.Resolved openCl = new BackendChoice.Resolved(BackendChoice.Resolved.OPENCL,
                "OpenCL device " + device, null, device, true);
        DoseProblem p = rp.problem();
        ExactTallies first = rp.run(p, openCl, 1);
        ExactTallies second = rp.run(p, openCl, 1);
        assertNull(second.differencesFrom(first), () -> rp.key + ": two OpenCL runs of one seed differ on "
                + info.deviceName() + ":\n" + second.differencesFrom(first));
        assertEquals(first.batches().size(), 10, rp.key + ": batches");
        String vsJava;
        try {
            ExactTallies stored = ExactTallies.parse(new String(getClass().getClassLoader()
                    .getResourceAsStream(rp.resource()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            String d = first.differencesFrom(stored);
            vsJava = d == null ? "equal to the stored Java tallies"
                    : d.lines().filter(l -> l.contains("voxels differ")).map(l -> l.strip().split(";")[0]).findFirst().orElse("header or batches differ");
        } catch (java.io.IOException | NullPointerException e) {
            vsJava = "no stored Java tallies to compare with";
        }
        System.out.printf(Locale.ROOT, "%s on %s (%s, %s): digest %s, %d non-zero voxels; against Java: %s%n",
                rp.key, info.deviceName(), info.platformVersion(), info.deviceVersion(), first.digest(),
                first.voxels().size(), vsJava);
    }
}
