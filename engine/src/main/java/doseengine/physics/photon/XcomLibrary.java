package doseengine.physics.photon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * NIST XCOM photon cross sections of the elements Z = 1..100, as distributed with EGSnrc (resources
 * {@code xcom_*.data}; provenance in the README beside them). Each file holds, for Z = 1..100 in turn, a count
 * N and N pairs ln(E/MeV), ln(sigma/barn).
 *
 * <p>Two elements no tissue contains have flawed photoelectric grids in these files (Re, Z=75: ln E -6.30733
 * then -6.30760; Ac, Z=89: -2.23720 then -2.23721, edges whose two energies were rounded differently). They are
 * loaded but refused on use, with the reason, rather than silently repaired.
 */
public final class XcomLibrary {
    public static final int MAX_Z = 100;

    private static final XcomLibrary STANDARD = load();

    private final Map<XcomProcess, ElementCrossSection[]> data;
    private final Map<XcomProcess, String[]> problems;

    private XcomLibrary(Map<XcomProcess, ElementCrossSection[]> data, Map<XcomProcess, String[]> problems) {
        this.data = data;
        this.problems = problems;
    }

    /** The library shipped in the engine's resources (parsed once). */
    public static XcomLibrary standard() {
        return STANDARD;
    }

    public ElementCrossSection crossSection(int z, XcomProcess process) {
        if (z < 1 || z > MAX_Z) {
            throw new IllegalArgumentException("XCOM data cover Z = 1.." + MAX_Z + ", not " + z);
        }
        String problem = problems.get(process)[z - 1];
        if (problem != null) {
            throw new IllegalStateException("XCOM data of Z=" + z + " cannot be used: " + problem);
        }
        return data.get(process)[z - 1];
    }

    private static XcomLibrary load() {
        Map<XcomProcess, ElementCrossSection[]> data = new EnumMap<>(XcomProcess.class);
        Map<XcomProcess, String[]> problems = new EnumMap<>(XcomProcess.class);
        for (XcomProcess p : XcomProcess.values()) {
            ElementCrossSection[] elements = new ElementCrossSection[MAX_Z];
            String[] problem = new String[MAX_Z];
            parse(p, read(p.resource()), elements, problem);
            data.put(p, elements);
            problems.put(p, problem);
        }
        return new XcomLibrary(data, problems);
    }

    private static void parse(XcomProcess process, String text, ElementCrossSection[] out, String[] problems) {
        Tokens t = new Tokens(text, process.resource());
        for (int z = 1; z <= MAX_Z; z++) {
            int n = (int) t.next();
            double[] lnE = new double[n];
            double[] lnS = new double[n];
            for (int i = 0; i < n; i++) {
                lnE[i] = t.next();
                lnS[i] = t.next();
            }
            try {
                out[z - 1] = new ElementCrossSection(z, process, lnE, lnS);
            } catch (IllegalStateException e) {
                problems[z - 1] = e.getMessage();
            }
        }
        if (t.hasNext()) {
            throw new IllegalStateException(process.resource() + ": data after Z = " + MAX_Z);
        }
    }

    private static String read(String resource) {
        try (InputStream in = XcomLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the engine");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the engine's resources", e);
        }
    }

    /** Whitespace-separated numbers. */
    private static final class Tokens {
        private final String text;
        private final String name;
        private int pos;

        Tokens(String text, String name) {
            this.text = text;
            this.name = name;
        }

        boolean hasNext() {
            skip();
            return pos < text.length();
        }

        double next() {
            skip();
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalStateException(name + ": file ends early");
            }
            return Double.parseDouble(text.substring(start, pos));
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
