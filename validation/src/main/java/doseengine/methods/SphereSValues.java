package doseengine.methods;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * The engine's sphere self-dose S values of one nuclide on a grid of masses (unit-density soft-tissue spheres,
 * electrons and photons, {@code validate sphere}), and the sphere model's value for any mass between them.
 *
 * <p>Interpolation: a natural cubic spline of ln(S m) against ln m. S m is the energy absorbed per decay over
 * 1.6e-13 J/MeV x 1e6/s: the absorbed fraction times the energy per decay, a slowly rising function of the mass
 * (electrons near 1 above a gram, photons growing with size), far smoother than S itself, which falls as 1/m.
 * Masses outside the grid get no value: extrapolating an absorbed fraction is not the engine's to guess.
 *
 * @param nuclide the nuclide
 * @param massG   sphere masses (g), increasing
 * @param sMilliGrayPerMBqS S self (mGy/(MBq s)) of each sphere
 * @param relativeUncertainty its relative standard error
 */
public record SphereSValues(String nuclide, double[] massG, double[] sMilliGrayPerMBqS, double[] relativeUncertainty) {
    public SphereSValues {
        massG = massG.clone();
        sMilliGrayPerMBqS = sMilliGrayPerMBqS.clone();
        relativeUncertainty = relativeUncertainty.clone();
        if (massG.length < 3 || sMilliGrayPerMBqS.length != massG.length || relativeUncertainty.length != massG.length) {
            throw new IllegalArgumentException("at least three spheres, one S value and one uncertainty each");
        }
        for (int i = 0; i < massG.length; i++) {
            if (!(massG[i] > 0 && sMilliGrayPerMBqS[i] > 0) || (i > 0 && !(massG[i] > massG[i - 1]))) {
                throw new IllegalArgumentException("masses must increase and S values be positive");
            }
        }
    }

    @Override
    public double[] massG() {
        return massG.clone();
    }

    @Override
    public double[] sMilliGrayPerMBqS() {
        return sMilliGrayPerMBqS.clone();
    }

    @Override
    public double[] relativeUncertainty() {
        return relativeUncertainty.clone();
    }

    public double minMassG() {
        return massG[0];
    }

    public double maxMassG() {
        return massG[massG.length - 1];
    }

    public boolean covers(double mass) {
        return mass >= minMassG() && mass <= maxMassG();
    }

    /**
     * S self (mGy/(MBq s)) of a sphere of this mass.
     *
     * @throws IllegalArgumentException outside the grid ({@link #covers})
     */
    public double sAt(double mass) {
        if (!covers(mass)) {
            throw new IllegalArgumentException("mass " + mass + " g outside the sphere grid");
        }
        double[] x = new double[massG.length];
        double[] y = new double[massG.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(massG[i]);
            y[i] = Math.log(sMilliGrayPerMBqS[i] * massG[i]);
        }
        PolynomialSplineFunction f = new SplineInterpolator().interpolate(x, y);
        double lm = Math.min(x[x.length - 1], Math.max(x[0], Math.log(mass)));
        return Math.exp(f.value(lm)) / mass;
    }
}
