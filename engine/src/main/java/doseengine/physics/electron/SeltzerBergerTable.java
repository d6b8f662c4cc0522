package doseengine.physics.electron;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Seltzer-Berger bremsstrahlung cross sections (Seltzer and Berger, At. Data Nucl. Data Tables 35 (1986) 345),
 * as distributed with EGSnrc in {@code nist_brems.data} (resource {@code egsnrc_nist_brems.data}; provenance in the
 * README beside it).
 *
 * <p>File layout, as EGSnrc reads it (egsnrc.mortran, subroutine init_nist_brems:
 * {@code read(...) ((cs_array(n,k,i),n=1,nmix),k=1,kmix)} for i = 1..100): a title line ("BREME.DAT ..."),
 * the counts nT = 57 and nk = 30, the 57 electron kinetic energies (MeV, 1 keV to 10 GeV), the 30 reduced photon
 * energies kappa = k/T (0 to 1), a separator line ("BREMX.DAT"), then for Z = 1..100 a block of nk * nT values
 * with T varying fastest. Each value is the scaled cross section chi(Z, T, kappa) = (beta^2 / Z^2) k dsigma/dk in
 * millibarn per atom. The cross section includes electron-nucleus and electron-electron bremsstrahlung (the
 * latter scaled into the Z^2 normalisation); EGSnrc's BREMS documents its NRC variant as "the same as the NIST
 * database, but with corrections to the electron-electron contribution".
 */
public final class SeltzerBergerTable {
    private static final String RESOURCE = "egsnrc_nist_brems.data";
    private static final int ELEMENTS = 100;
    private static final SeltzerBergerTable STANDARD = read();

    private final double[] energiesMeV;
    private final double[] kappas;
    /** chi[z - 1][k][t] in mb. */
    private final double[][][] chi;

    private SeltzerBergerTable(double[] energiesMeV, double[] kappas, double[][][] chi) {
        this.energiesMeV = energiesMeV;
        this.kappas = kappas;
        this.chi = chi;
    }

    public static SeltzerBergerTable standard() {
        return STANDARD;
    }

    public int energyCount() { return energiesMeV.length; }

    public int kappaCount() { return kappas.length; }

    public double energyMeV(int t) { return energiesMeV[t]; }

    public double kappa(int k) { return kappas[k]; }

    public double[] kappas() { return kappas.clone(); }

    /** chi(Z, T_t, kappa_k) = (beta^2/Z^2) k dsigma/dk (mb). */
    public double chi(int z, int t, int k) {
        if (z < 1 || z > ELEMENTS) {
            throw new IllegalArgumentException("Seltzer-Berger data cover Z = 1..100, not " + z);
        }
        return chi[z - 1][k][t];
    }

    private static SeltzerBergerTable read() {
        try (InputStream in = SeltzerBergerTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the engine jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String title = r.readLine();
            if (title == null || !title.startsWith("BREME.DAT")) {
                throw new IllegalStateException(RESOURCE + ": unexpected title line " + title);
            }
            Tokens tokens = new Tokens(r);
            int nT = (int) tokens.next();
            int nK = (int) tokens.next();
            double[] energies = tokens.next(nT);
            double[] kappas = tokens.next(nK);
            String separator = tokens.nextWord();
            if (!"BREMX.DAT".equals(separator)) {
                throw new IllegalStateException(RESOURCE + ": expected BREMX.DAT separator, found " + separator);
            }
            double[][][] chi = new double[ELEMENTS][nK][nT];
            for (int z = 0; z < ELEMENTS; z++) {
                for (int k = 0; k < nK; k++) {
                    for (int t = 0; t < nT; t++) {
                        chi[z][k][t] = tokens.next();
                    }
                }
            }
            if (tokens.hasMore()) {
                throw new IllegalStateException(RESOURCE + ": data after Z = 100");
            }
            return new SeltzerBergerTable(energies, kappas, chi);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Whitespace-separated tokens of the remaining lines. */
    private static final class Tokens {
        private final BufferedReader reader;
        private String[] line = new String[0];
        private int pos;

        Tokens(BufferedReader reader) {
            this.reader = reader;
        }

        String nextWord() throws IOException {
            while (pos >= line.length) {
                String s = reader.readLine();
                if (s == null) {
                    throw new IllegalStateException(RESOURCE + ": unexpected end of file");
                }
                line = s.trim().isEmpty() ? new String[0] : s.trim().split("\\s+");
                pos = 0;
            }
            return line[pos++];
        }

        double next() throws IOException {
            return Double.parseDouble(nextWord());
        }

        double[] next(int n) throws IOException {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = next();
            }
            return v;
        }

        boolean hasMore() throws IOException {
            while (pos >= line.length) {
                String s = reader.readLine();
                if (s == null) {
                    return false;
                }
                line = s.trim().isEmpty() ? new String[0] : s.trim().split("\\s+");
                pos = 0;
            }
            return true;
        }
    }
}
