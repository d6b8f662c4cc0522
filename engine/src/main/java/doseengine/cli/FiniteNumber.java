package doseengine.cli;

import doseengine.geometry.BadInputException;

/**
 * A decimal on the command line (cutoffs, sizes, masses): any finite number {@link Double#parseDouble} reads, or one
 * line naming the option. The counterpart of {@link WholeNumber} for values that need not be whole.
 */
public final class FiniteNumber {
    private FiniteNumber() {}

    /** @throws BadInputException "OPTION 'TEXT' is not a finite number" */
    public static double parse(String option, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(option + " '" + text + "' is not a finite number");
        }
    }

    /** A positive finite number, or one line naming the option and the unit. */
    public static double parsePositive(String option, String text, String unit) {
        double v = parse(option, text);
        if (!(v > 0)) {
            throw new BadInputException(option + " must be a positive number of " + unit + ", got " + text.strip());
        }
        return v;
    }
}
