package doseengine.physics.photon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Atomic form factors F(x, Z) (EPDL97) and incoherent scattering functions S(x, Z) (Hubbell et al., J. Phys.
 * Chem. Ref. Data 4 (1975) 471) of the elements the engine's materials use, from the xraylib data files
 * (resources {@code xraylib_FF_selected.dat}, {@code xraylib_SF_selected.dat}; provenance in the README beside
 * them). x = sin(theta/2)/lambda in 1/Angstrom.
 *
 * <p>Between tabulated points both are interpolated log-log (the tables are dense: 90 to 170 points per
 * element from 1e-7 to 1e9 1/Angstrom). Below the first positive x, F keeps its first value (F(0) = Z) and S
 * follows S ~ x^2, its small-x behaviour (Hubbell et al. 1975); above the last point (1e9) both keep the last.
 */
public final class ScatteringFactors {
    private static final ScatteringFactors STANDARD = load();

    private final Map<Integer, Curve> formFactors;
    private final Map<Integer, Curve> scatteringFunctions;

    private ScatteringFactors(Map<Integer, Curve> formFactors, Map<Integer, Curve> scatteringFunctions) {
        this.formFactors = formFactors;
        this.scatteringFunctions = scatteringFunctions;
    }

    public static ScatteringFactors standard() {
        return STANDARD;
    }

    public boolean supports(int z) {
        return formFactors.containsKey(z) && scatteringFunctions.containsKey(z);
    }

    /** Atomic numbers with data, ascending. */
    public int[] supported() {
        return formFactors.keySet().stream().filter(scatteringFunctions::containsKey)
                .mapToInt(Integer::intValue).toArray();
    }

    /** Atomic form factor F(x, Z) (electrons). */
    public double formFactor(int z, double x) {
        return curve(formFactors, z, "form factor").value(x, false);
    }

    /** Incoherent scattering function S(x, Z) (tends to Z at large x). */
    public double incoherentScatteringFunction(int z, double x) {
        return curve(scatteringFunctions, z, "incoherent scattering function").value(x, true);
    }

    private static Curve curve(Map<Integer, Curve> map, int z, String what) {
        Curve c = map.get(z);
        if (c == null) {
            throw new IllegalArgumentException("no " + what + " data for Z=" + z + "; the engine ships Z = "
                    + map.keySet());
        }
        return c;
    }

    private static ScatteringFactors load() {
        return new ScatteringFactors(read("xraylib_FF_selected.dat"), read("xraylib_SF_selected.dat"));
    }

    private static Map<Integer, Curve> read(String resource) {
        Map<Integer, Curve> out = new TreeMap<>();
        try (InputStream in = ScatteringFactors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the engine");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] head = line.trim().split("\\s+");
                int z = Integer.parseInt(head[0]);
                int n = Integer.parseInt(head[1]);
                List<double[]> points = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String[] f = r.readLine().trim().split("\\s+");
                    double x = Double.parseDouble(f[0]);
                    if (x > 0) {
                        points.add(new double[] {x, Double.parseDouble(f[1])});
                    }
                }
                out.put(z, new Curve(points, resource + " Z=" + z));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the engine's resources", e);
        }
        return out;
    }

    /** Positive-x points of one element, interpolated log-log. */
    private static final class Curve {
        private final double[] lnX;
        private final double[] y;

        Curve(List<double[]> points, String name) {
            lnX = new double[points.size()];
            y = new double[points.size()];
            for (int i = 0; i < lnX.length; i++) {
                lnX[i] = Math.log(points.get(i)[0]);
                y[i] = points.get(i)[1];
                if (i > 0 && !(lnX[i] > lnX[i - 1])) {
                    throw new IllegalStateException(name + ": x must increase at point " + i);
                }
                if (!(y[i] >= 0)) {
                    throw new IllegalStateException(name + ": negative value at point " + i);
                }
            }
            if (lnX.length < 2) {
                throw new IllegalStateException(name + ": fewer than two points");
            }
        }

        double value(double x, boolean quadraticBelow) {
            if (!(x > 0)) {
                return quadraticBelow ? 0 : y[0];
            }
            double lx = Math.log(x);
            if (lx <= lnX[0]) {
                return quadraticBelow ? y[0] * Math.exp(2 * (lx - lnX[0])) : y[0];
            }
            int n = lnX.length;
            if (lx >= lnX[n - 1]) {
                return y[n - 1];
            }
            int lo = 0;
            int hi = n - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (lnX[mid] <= lx) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double f = (lx - lnX[lo]) / (lnX[hi] - lnX[lo]);
            if (y[lo] > 0 && y[hi] > 0) {
                return Math.exp(Math.log(y[lo]) + f * (Math.log(y[hi]) - Math.log(y[lo])));
            }
            return y[lo] + f * (y[hi] - y[lo]);
        }
    }
}
