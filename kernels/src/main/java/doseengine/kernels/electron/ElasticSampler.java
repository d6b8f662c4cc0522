package doseengine.kernels.electron;

import doseengine.kernels.UniformSource;
import doseengine.kernels.electron.ElectronTables.Quantity;

/**
 * Angular deflections of the mixed elastic-scattering scheme: hard events one by one from the screened
 * Rutherford (Wentzel) cross section above the cutoff, and the accumulated soft deflection of a path segment.
 * Deflections are returned as x = 1 - cos(theta) in [0, 2], which keeps small angles exact in float
 * (sin(theta) = sqrt(x (2 - x))).
 *
 * <p>Hard: dsigma/dx proportional to 1/(x + A)^2 with A = 2 eta (Wentzel, Z. Phys. 40 (1927) 590; Moliere
 * screening), restricted to [x_c, 2]; sampled by inversion, exact:
 * 1/(x + A) = 1/(x_c + A) - u (1/(x_c + A) - 1/(2 + A)).
 *
 * <p>Soft: over a mass path s the soft deflection has &lt;cos theta&gt; = exp(-s T1) and
 * &lt;P2(cos theta)&gt; = exp(-s T2) (Goudsmit-Saunderson moments, T1, T2 the soft transport cross sections).
 * Following PENELOPE's mixed scheme (Salvat, Fernandez-Varea, Sempau, PENELOPE-2008 manual, OECD/NEA 2009,
 * ch. 4, soft angular deflections), mu = (1 - cos theta)/2 is drawn from the mixture a U(0,b) + (1-a) U(b,1) with
 * b = (2&lt;mu&gt; - 3&lt;mu^2&gt;)/(1 - 2&lt;mu&gt;) and a = 1 - 2&lt;mu&gt; + b, which reproduces both moments exactly. Its
 * shape is artificial; with hard events sampled exactly and short soft steps the shape does not matter, the
 * moments do.
 *
 * <p>Device twin: {@code include/elastic.clh}: {@code elastic_sample_hard_deflection},
 * {@code elastic_sample_soft_deflection}, {@code elastic_soft_deflection}.
 */
public final class ElasticSampler {
    private ElasticSampler() {}

    /** x = 1 - cos(theta) of one hard elastic event at grid position {@code x} of material m. */
    public static float sampleHardDeflection(ElectronTables t, int material, float gridX, UniformSource rng) {
        float a = 2f * ElectronLookup.interpolate(t, Quantity.ELASTIC_SCREENING, material, gridX);
        float xc = ElectronLookup.interpolate(t, Quantity.ELASTIC_HARD_CUTOFF, material, gridX);
        float p = 1f / (xc + a);
        float q = 1f / (2f + a);
        float x = 1f / (p - rng.nextFloat() * (p - q)) - a;
        if (x < xc) {
            return xc;
        }
        return x > 2f ? 2f : x;
    }

    /**
     * x = 1 - cos(theta) of the soft deflection accumulated over a mass path {@code pathGPerCm2} (g/cm2), with the
     * soft transport cross sections read at grid position {@code gridX} (the caller chooses the energy, e.g. the
     * step's mean energy).
     */
    public static float sampleSoftDeflection(ElectronTables t, int material, float gridX, float pathGPerCm2,
                                             UniformSource rng) {
        float t1 = ElectronLookup.interpolate(t, Quantity.ELASTIC_SOFT_TRANSPORT1, material, gridX);
        float t2 = ElectronLookup.interpolate(t, Quantity.ELASTIC_SOFT_TRANSPORT2, material, gridX);
        return softDeflection(pathGPerCm2 * t1, pathGPerCm2 * t2, rng);
    }

    /**
     * The soft deflection for given s*T1 and s*T2.
     * <mu> = (1 - e^{-s T1})/2, <mu^2> = <mu> - (1 - e^{-s T2})/6 (mu = (1 - cos theta)/2).
     */
    static float softDeflection(float sT1, float sT2, UniformSource rng) {
        float mean = -0.5f * (float) Math.expm1(-sT1);
        float second = mean + (float) Math.expm1(-sT2) / 6f;
        float u1 = rng.nextFloat();
        float u2 = rng.nextFloat();
        float denominator = 1f - 2f * mean;
        if (!(denominator > 1e-6f)) {
            // Isotropic limit: <mu> = 1/2, <mu^2> = 1/3.
            return 2f * u2;
        }
        float b = (2f * mean - 3f * second) / denominator;
        b = b < 0f ? 0f : (b > 1f ? 1f : b);
        float a = 1f - 2f * mean + b;
        float mu = u1 < a ? b * u2 : b + (1f - b) * u2;
        return 2f * mu;
    }
}
