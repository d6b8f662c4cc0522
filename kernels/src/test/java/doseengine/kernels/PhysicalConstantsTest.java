package doseengine.kernels;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The constants of the Java transport and of {@code include/constants.clh} are the same floats, bit for bit. */
class PhysicalConstantsTest {
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s+(\\S+)");

    private static Map<String, String> defines() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = PhysicalConstants.class.getClassLoader()
                .getResourceAsStream("doseengine/kernels/include/constants.clh")) {
            assertNotNull(in, "constants.clh on the classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher d = DEFINE.matcher(line);
                if (d.find() && !d.group(1).endsWith("_CLH")) {
                    m.put(d.group(1), d.group(2));
                }
            }
        }
        return m;
    }

    @Test
    void everyDefineIsItsJavaFloatConstantBitForBit() throws Exception {
        Map<String, String> defines = defines();
        assertFalse(defines.isEmpty());
        for (var e : defines.entrySet()) {
            String text = e.getValue();
            assertTrue(text.startsWith("0x") && text.endsWith("f"), e.getKey() + " is a hex float: " + text);
            Field f = PhysicalConstants.class.getField(e.getKey() + "_F");
            assertEquals(float.class, f.getType(), f.getName());
            assertEquals(Float.floatToRawIntBits(f.getFloat(null)), Float.floatToRawIntBits(Float.parseFloat(text)),
                    e.getKey() + " " + text + " vs " + Float.toHexString(f.getFloat(null)));
        }
        List<String> floats = new ArrayList<>();
        for (Field f : PhysicalConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == float.class) {
                floats.add(f.getName());
            }
        }
        for (String name : floats) {
            assertTrue(defines.containsKey(name.substring(0, name.length() - 2)), name + " has no #define");
        }
    }

    @Test
    void theRestEnergyIsTheFloatAndTheDoubleTheTransportAndTheTablesAlwaysUsed() {
        assertEquals(Float.floatToRawIntBits(0x1.05a1a8p-1f),
                Float.floatToRawIntBits(PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F));
        assertEquals("0x1.05a1a8p-1", Float.toHexString(PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F));
        assertEquals(Double.doubleToRawLongBits(0.51099895), Double.doubleToRawLongBits(
                PhysicalConstants.ELECTRON_REST_ENERGY_MEV));
        assertEquals(PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F, (float) PhysicalConstants.ELECTRON_REST_ENERGY_MEV);
        assertEquals(0x1.05a1a8p+0f, PhysicalConstants.TWO_ELECTRON_REST_ENERGIES_MEV_F);
    }

    /** No kernel source defines the rest energy again: constants.clh is its one home on the device. */
    @Test
    void noOtherKernelSourceSpellsTheRestEnergy() throws IOException {
        Path root = Path.of("src/main/resources/doseengine/kernels");
        assertTrue(Files.isDirectory(root), root.toAbsolutePath().toString());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".cl") || p.toString().endsWith(".clh")).toList()) {
                if (p.getFileName().toString().equals("constants.clh")) {
                    continue;
                }
                String s = Files.readString(p);
                if (s.contains("0x1.05a1a8p") || s.contains("0.51099895")) {
                    offenders.add(p.toString());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
