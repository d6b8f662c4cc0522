package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL device that tests run on: a GPU if there is one, else the first device. Without any device
 * the test is skipped, unless the environment variable {@value #REQUIRE} is {@code 1} (CI sets it after
 * installing PoCL), in which case it fails with the discovery problem.
 *
 * <p>Shared with the engine's tests through this module's test-jar, so that every module's OpenCL tests pick the
 * same device and gate on the same variable.
 */
public final class OpenClTestSupport {

    /** Environment variable that turns a missing device into a failure. */
    public static final String REQUIRE = "DOSEENGINE_REQUIRE_OPENCL";

    private static OpenClDiscovery.Result discovered;

    private OpenClTestSupport() {}

    /** Index of the device the tests run on; skips or fails the test when there is none. */
    public static synchronized int deviceIndex() {
        if (discovered == null) {
            discovered = OpenClDiscovery.discover();
        }
        if (!discovered.available()) {
            String why = "no OpenCL device: " + discovered.problem();
            if ("1".equals(System.getenv(REQUIRE))) {
                fail(why + " (" + REQUIRE + "=1)");
            }
            Assumptions.abort(why + " (set " + REQUIRE + "=1 to make this a failure)");
        }
        return discovered.devices().stream().filter(OpenClDeviceInfo::isGpu).findFirst()
                .orElse(discovered.devices().get(0)).index();
    }

    /** A context on {@link #deviceIndex()}'s device. */
    public static OpenClContext open() {
        return OpenClContext.open(deviceIndex());
    }
}
