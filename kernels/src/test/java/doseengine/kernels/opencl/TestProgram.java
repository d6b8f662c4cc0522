package doseengine.kernels.opencl;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OpenCL context and built test program of a twin test, as a JUnit extension:
 * {@code @RegisterExtension static final TestProgram DEVICE = new TestProgram("test_rng.cl");}, then
 * {@code DEVICE.context()} and {@code DEVICE.program()} in the tests.
 *
 * <p>Opened before the first test rather than before all, so that without a device each test is reported as
 * skipped on its own ({@link OpenClTestSupport#open}: a failure where {@value OpenClTestSupport#REQUIRE}=1); built
 * once and released after the last test of the class.
 */
public final class TestProgram implements BeforeEachCallback, AfterAllCallback {
    private final String source;
    private final String options;
    private OpenClContext context;
    private OpenClProgram program;

    /** The test kernel file (under doseengine/kernels/ on the test classpath), built without extra options. */
    public TestProgram(String source) {
        this(source, "");
    }

    /** With extra build options (a -D the test kernel needs). */
    public TestProgram(String source, String options) {
        this.source = source;
        this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext ignored) {
        if (context == null) {
            context = OpenClTestSupport.open();
            program = OpenClProgram.build(context, KernelSource.load(source), options);
        }
    }

    @Override
    public void afterAll(ExtensionContext ignored) {
        if (program != null) {
            program.close();
            program = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public OpenClContext context() {
        if (context == null) {
            throw new IllegalStateException("no OpenCL context: register the extension with @RegisterExtension");
        }
        return context;
    }

    public OpenClProgram program() {
        if (program == null) {
            throw new IllegalStateException("no OpenCL program: register the extension with @RegisterExtension");
        }
        return program;
    }
}
