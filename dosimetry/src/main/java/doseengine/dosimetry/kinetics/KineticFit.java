package doseengine.dosimetry.kinetics;

import java.util.List;

/**
 * One model's answer for one time-activity curve: its parameters, the time-integrated activity (TIA) from 0 to
 * infinity (MBq h) and its standard uncertainty, and how well it fits.
 *
 * @param model           "mono-exponential", "bi-exponential" or "trapezoid"
 * @param usable          false when the fit did not converge, is unphysical or could not be made (see {@code note})
 * @param chiSquare       sum of squared residuals over the stated per-point standard uncertainties
 * @param points          number of time points n
 * @param parameterCount  number of model parameters k (0 for the trapezoid, which is not a fit); a parameter held
 *                        at the physical-decay floor still counts, so that a bound fit is not favoured by AICc
 * @param atPhysicalFloor the fit wanted a clearance slower than physical decay and was refitted with it fixed there
 * @param covariance      the parameters' covariance matrix in the order of {@code parameterNames}, from the stated
 *                        per-point uncertainties ({@code (J^T W J)^-1}); at the physical-decay floor, the covariance
 *                        of all parameters at the bound point, the held rate free (the TIA's uncertainty comes from
 *                        the same matrix; a zero row only where that matrix is singular). Null for the trapezoid and unusable fits,
 *                        which have no fitted parameters. It is kept so that functions of the parameters other than
 *                        the TIA (the curve itself, {@link CurveUncertainty}) get their uncertainty too.
 */
public record KineticFit(String model, boolean usable, List<String> parameterNames, double[] parameters,
                         double tiaMBqH, double tiaSigmaMBqH, double chiSquare, int points, int parameterCount,
                         boolean atPhysicalFloor, String note, double[][] covariance) {

    /** A result without parameter covariance (the trapezoid, an unusable fit). */
    public KineticFit(String model, boolean usable, List<String> parameterNames, double[] parameters,
                      double tiaMBqH, double tiaSigmaMBqH, double chiSquare, int points, int parameterCount,
                      boolean atPhysicalFloor, String note) {
        this(model, usable, parameterNames, parameters, tiaMBqH, tiaSigmaMBqH, chiSquare, points, parameterCount,
            atPhysicalFloor, note, null);
    }

    static KineticFit unusable(String model, int points, int k, String note) {
        return new KineticFit(model, false, List.of(), new double[0], Double.NaN, Double.NaN, Double.NaN, points, k,
            false, note);
    }

    /**
     * The small-sample Akaike criterion with known per-point uncertainties,
     * {@code AICc = chi^2 + 2k + 2k(k+1)/(n-k-1)} (Burnham and Anderson 2002, Model Selection and Multimodel
     * Inference, ch. 2, with -2 ln L = chi^2 + const; used for time-activity curves by Glatting et al.
     * 2007, Med Phys 34:4285). Defined only where {@code n > k+1}; NaN otherwise and for the trapezoid.
     */
    public double aicc() {
        int n = points;
        int k = parameterCount;
        if (!usable || k == 0 || n <= k + 1) {
            return Double.NaN;
        }
        return chiSquare + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /**
     * The Akaike criterion with known per-point uncertainties, {@code AIC = chi^2 + 2k}; defined where the fit has
     * at least one degree of freedom ({@code n > k}). For a linear Gaussian model with known variances the penalty
     * 2k is the exact expected optimism of chi^2 (Mallows' Cp, Mallows 1973, Technometrics 15:661); the extra term
     * of AICc (Hurvich and Tsai 1989, Biometrika 76:297) comes from estimating the variance from the residuals.
     * NaN for the trapezoid.
     */
    public double aic() {
        if (!usable || parameterCount == 0 || points <= parameterCount) {
            return Double.NaN;
        }
        return chiSquare + 2.0 * parameterCount;
    }
}
