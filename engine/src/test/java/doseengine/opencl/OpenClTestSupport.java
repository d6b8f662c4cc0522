package doseengine.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import doseengine.kernels.opencl.OpenClContext;
import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClDiscovery;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL device that tests run on: a GPU if there is one, else the first device. Without any device
 * the test is skipped, unless the environment variable {@value #REQUIRE} is {@code 1} (CI sets it after
 * installing PoCL), in which case it fails with the discovery problem.
 *
 * <p>A copy of the kernels module's test class of the same name (test classes are not shared between modules,
 * and a test-jar dependency is not worth one small class): keep the two the same.
 */
public final class OpenClTestSupport {

    public static final String REQUIRE = "DOSEENGINE_REQUIRE_OPENCL";

    private static OpenClDiscovery.Result discovered;

    private OpenClTestSupport() {}

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

    public static OpenClContext open() {
        return OpenClContext.open(deviceIndex());
    }
}
