package doseengine.physics.photon;

/**
 * Reference angular moments by numerical integration (Simpson's rule) of the differential cross sections
 * built from the direct (not tabulated) form factor and scattering function of a material.
 */
final class AngularReference {
    static final double ELECTRON_REST_ENERGY = doseengine.kernels.PhysicalConstants.ELECTRON_REST_ENERGY_MEV;
    static final double HC = PhotonTableBuilder.HC_MEV_ANGSTROM;
    /** Classical electron radius (cm), CODATA 2018. */
    static final double ELECTRON_RADIUS = 2.8179403262e-13;

    private AngularReference() {}

    /** Klein-Nishina dsigma/dcos / (pi r_e^2) times S(x)/Z (or 1 when s is null), at photon energy e (MeV). */
    private static double comptonWeight(double e, double cos, MaterialScatteringFunction s) {
        double k = e / ELECTRON_REST_ENERGY;
        double eps = 1 / (1 + k * (1 - cos));
        double kn = eps * eps * (eps + 1 / eps - (1 - cos * cos));
        return s == null ? kn : kn * s.perElectron(e / HC * Math.sqrt(0.5 * (1 - cos)));
    }

    /** {integral of dsigma/dcos, integral of cos dsigma/dcos} over [-1, 1], in units of pi r_e^2 per electron. */
    static double[] comptonMoments(double e, MaterialScatteringFunction s) {
        int n = 20_000;
        double h = 2.0 / n;
        double m0 = 0;
        double m1 = 0;
        for (int i = 0; i <= n; i++) {
            double c = -1 + i * h;
            double w = (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * h / 3;
            double f = comptonWeight(e, c, s);
            m0 += w * f;
            m1 += w * f * c;
        }
        return new double[] {m0, m1};
    }

    static double comptonMeanCos(double e, MaterialScatteringFunction s) {
        double[] m = comptonMoments(e, s);
        return m[1] / m[0];
    }

    /**
     * {integral of (1 + cos^2) F^2 dcos, integral of cos (1 + cos^2) F^2 dcos}, F^2 per atom, integrated in
     * t = ln x^2 (dcos = 2 x^2 dt / k^2) from x^2 = 1e-12 to k^2, which resolves the forward peak at any
     * energy; the piece below 1e-12 is F^2(0) (1 + 1) 2 x^2 / k^2.
     */
    static double[] rayleighMoments(double e, MaterialFormFactor f) {
        double k2 = Math.pow(e / HC, 2);
        int n = 40_000;
        double t0 = Math.log(1e-12);
        double h = (Math.log(k2) - t0) / n;
        double m0 = f.squared(0) * 2 * 2e-12 / k2;
        double m1 = m0;
        for (int i = 0; i <= n; i++) {
            double x2 = Math.exp(t0 + i * h);
            double c = 1 - 2 * x2 / k2;
            double w = (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * h / 3;
            double g = (1 + c * c) * f.squared(Math.sqrt(x2)) * 2 * x2 / k2;
            m0 += w * g;
            m1 += w * g * c;
        }
        return new double[] {m0, m1};
    }

    static double rayleighMeanCos(double e, MaterialFormFactor f) {
        double[] m = rayleighMoments(e, f);
        return m[1] / m[0];
    }
}
