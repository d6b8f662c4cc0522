package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Include resolution of kernel sources; needs no OpenCL device. */
class KernelSourceTest {

    @Test
    void startsWithTheFpContractPragmaAndInlinesEveryInclude() {
        String text = KernelSource.load("test_rng.cl").text();
        assertTrue(text.startsWith("#pragma OPENCL FP_CONTRACT OFF\n"), text.substring(0, 60));
        assertFalse(Pattern.compile("(?m)^\\s*#\\s*include").matcher(text).find(), "an #include is left");
        assertEquals(1, count(text, "uint4 philox4x32_10("));
        assertEquals(1, count(text, "__kernel void generate_philox_blocks("));
    }

    @Test
    void inlinesEachFileOnceHoweverOftenItIsIncluded() {
        String text = KernelSource.load("testsources/include_twice.cl").text();
        assertEquals(1, count(text, "uint4 philox4x32_10("));
        assertEquals(1, count(text, "float nested_first_float(void)"));
    }

    /** After an inlined file, a #line marker puts the compiler back on the includer's next line. */
    @Test
    void lineMarkersPointBackAtTheOriginalFiles() {
        String text = KernelSource.load("testsources/include_twice.cl").text();
        assertTrue(text.contains("#line 1 \"testsources/include_twice.cl\"\n"));
        assertTrue(text.contains("#line 1 \"include/philox.clh\"\n"));
        assertTrue(text.contains("#line 1 \"testsources/include/nested.clh\"\n"));
        // line 4 of include_twice.cl (the repeated include) comes right after the marker for line 4
        assertTrue(text.contains("#line 4 \"testsources/include_twice.cl\"\n#line 5 \"testsources/include_twice.cl\"\n"),
                "a repeated include inlines nothing and keeps the line count");
    }

    @Test
    void missingIncludeNamesTheFileAndItsIncluder() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KernelSource.load("testsources/include_missing.cl"));
        assertTrue(e.getMessage().contains("doseengine/kernels/include/no_such_file.clh"), e.getMessage());
        assertTrue(e.getMessage().contains("testsources/include_missing.cl line 2"), e.getMessage());
    }

    @Test
    void missingSourceIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KernelSource.load("no_such_kernel.cl"));
        assertTrue(e.getMessage().contains("doseengine/kernels/no_such_kernel.cl"), e.getMessage());
    }

    @Test
    void angleBracketIncludeIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KernelSource.load("testsources/include_angle.cl"));
        assertTrue(e.getMessage().contains("#include <philox.clh>"), e.getMessage());
    }

    @Test
    void includeCycleIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KernelSource.load("testsources/include_cycle.cl"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
