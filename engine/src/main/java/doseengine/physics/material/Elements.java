package doseengine.physics.material;

import doseengine.geometry.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Atomic weights and symbols of the elements the materials are made of (resource {@code elements.csv}). */
public final class Elements {
    /** Avogadro constant (mol^-1), CODATA 2018 exact value. */
    public static final double AVOGADRO = 6.02214076e23;

    private static final Map<Integer, String> SYMBOLS = new TreeMap<>();
    private static final Map<Integer, Double> WEIGHTS = new TreeMap<>();

    static {
        try (InputStream in = Elements.class.getResourceAsStream("elements.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("Z,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                int z = Integer.parseInt(f[0].trim());
                SYMBOLS.put(z, f[1].trim());
                WEIGHTS.put(z, Double.parseDouble(f[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read elements.csv from the engine's resources", e);
        }
    }

    private Elements() {}

    /** Standard atomic weight (g/mol). */
    public static double atomicWeight(int z) {
        Double a = WEIGHTS.get(z);
        if (a == null) {
            throw new BadInputException("element Z=" + z + " has no data in the engine; supported: " + SYMBOLS);
        }
        return a;
    }

    public static String symbol(int z) {
        atomicWeight(z);
        return SYMBOLS.get(z);
    }

    /** Atomic numbers with data, ascending. */
    public static int[] supported() {
        return WEIGHTS.keySet().stream().mapToInt(Integer::intValue).toArray();
    }
}
