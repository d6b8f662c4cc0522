package doseengine.io;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import java.util.Locale;
import java.util.Optional;

/**
 * The unit of an activity image's voxel values, and its conversion to time-integrated activity per voxel in
 * MBq h. {@code MBq} and {@code Bq/ml} are activities, not time-integrated: they need the effective integration
 * time {@code T} in hours ({@code --tia-hours}), {@code A~ = A T} (for a mono-exponential clearance with effective
 * half-life {@code T_eff} from the time of the image on, {@code T = T_eff / ln 2}).
 */
public enum ActivityUnit {
    /** Time-integrated activity per voxel in MBq h (the default). */
    MBQH("MBqh", false),
    /** Time-integrated activity per voxel in MBq s. */
    MBQS("MBqs", false),
    /** Activity per voxel in MBq. */
    MBQ("MBq", true),
    /** Activity concentration in Bq/ml (as SPECT and PET images hold it). */
    BQ_PER_ML("Bq/ml", true);

    private static final double SECONDS_PER_HOUR = 3600;

    private final String label;
    private final boolean needsHours;

    ActivityUnit(String label, boolean needsHours) {
        this.label = label;
        this.needsHours = needsHours;
    }

    /** As written on the command line. */
    public String label() { return label; }

    /** True for activities (not time-integrated): they need {@code --tia-hours}. */
    public boolean needsIntegrationHours() { return needsHours; }

    /**
     * The unit written as its label in any case, spaces ignored, optionally followed by "per voxel" or "/voxel":
     * {@code "MBq per voxel"}, {@code "MBq h"}, {@code "Bq/ml"}; empty for anything else.
     */
    public static Optional<ActivityUnit> fromText(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceFirst("\\s*(per|/)\\s*voxel$", "").replace(" ", "");
        for (ActivityUnit u : values()) {
            if (u.label.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    public static ActivityUnit parse(String s) {
        for (ActivityUnit u : values()) {
            if (u.label.equalsIgnoreCase(s)) {
                return u;
            }
        }
        throw new BadInputException("--activity-unit must be MBqh, MBqs, MBq or Bq/ml, got '" + s + "'");
    }

    /**
     * Time-integrated activity per voxel (MBq h) of an image in this unit, on the image's own grid.
     *
     * @param hours the integration time for MBq and Bq/ml; must be null for the time-integrated units
     */
    public FloatVolume toMBqHours(FloatVolume image, Double hours) {
        checkHours(hours);
        double factor = switch (this) {
            case MBQH -> 1;
            case MBQS -> 1 / SECONDS_PER_HOUR;
            case MBQ -> hours;
            case BQ_PER_ML -> image.grid().voxelVolumeCm3() * 1e-6 * hours;
        };
        float[] in = image.data();
        float[] out = new float[in.length];
        for (int v = 0; v < in.length; v++) {
            out[v] = (float) (in[v] * factor);
        }
        return new FloatVolume(image.grid(), out);
    }

    /**
     * Checks that an integration time is given exactly when this unit needs one, and that it is positive.
     *
     * @throws BadInputException naming the options
     */
    public void checkHours(Double hours) {
        if (needsHours && hours == null) {
            throw new BadInputException("--activity-unit " + label + " is an activity, not a time-integrated one: "
                    + "give --tia-hours H, the effective integration time in hours");
        }
        if (!needsHours && hours != null) {
            throw new BadInputException("--tia-hours applies only to --activity-unit MBq or Bq/ml; "
                    + label + " is already time-integrated");
        }
        if (hours != null && !(hours > 0 && Double.isFinite(hours))) {
            throw new BadInputException("--tia-hours must be a positive number of hours, got " + hours);
        }
    }
}
