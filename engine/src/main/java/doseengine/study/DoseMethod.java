package doseengine.study;

import java.util.Locale;
import java.util.Optional;

/** How the study command turns a cycle's time points into a dose: the file's {@code "method"}. */
public enum DoseMethod {
    /**
     * One Monte Carlo run on the reference time point's CT, its activity map scaled inside each structure by the
     * structure's time-integrated activity over its activity at that time (the default).
     */
    ORGAN,
    /** A fit per voxel (all time points on one grid, registered by the user), the TIA map to Monte Carlo. */
    VOXEL;

    /** As written in the study file: {@code organ} or {@code voxel}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method written exactly as its {@link #label()}; empty for anything else. */
    static Optional<DoseMethod> fromLabel(String text) {
        for (DoseMethod m : values()) {
            if (m.label().equals(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
