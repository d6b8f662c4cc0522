package doseengine.methods;

import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The dose methods {@code compare} puts side by side (docs/methods.md): Monte Carlo, the reference, and the fast
 * methods clinics use.
 */
public enum Method {
    /** Coupled photon-electron Monte Carlo: the reference, with its statistical uncertainty. */
    MC("mc", "Monte Carlo"),
    /** Local energy deposition: the electrons' energy in the decay's voxel, photons left out. */
    LED("led", "local energy deposition"),
    /** Dose point kernel convolution: the nuclide's water kernel, integrated over voxels, energy over local mass. */
    DPK("dpk", "dose point kernel convolution"),
    /** Voxel S value convolution: soft-tissue S values of the image's voxel size. */
    VSV("vsv", "voxel S value convolution"),
    /** Voxel S values with the dose scaled by soft-tissue over voxel density (Dieudonné et al. 2013). */
    VSV_DENSITY("vsv-density", "voxel S values, density-corrected"),
    /** The sphere model: each structure a unit-density sphere of its mass, self dose only. */
    SPHERE("sphere", "sphere model");

    private final String key;
    private final String title;

    Method(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** Every key, for messages: "mc, led, dpk, vsv, vsv-density, sphere". */
    public static String keys() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Method::key).toList());
    }

    /**
     * The methods of {@code --methods}: keys separated by commas, in the order of this enum whatever the order
     * given; Monte Carlo is always included (it is what the others are compared with).
     *
     * @throws BadInputException naming an unknown key
     */
    public static List<Method> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("--methods is empty: give some of " + keys());
        }
        Set<Method> chosen = EnumSet.of(MC);
        for (String part : text.split(",")) {
            String k = part.strip().toLowerCase(Locale.ROOT);
            Method m = null;
            for (Method c : values()) {
                if (c.key.equals(k)) {
                    m = c;
                }
            }
            if (m == null) {
                throw new BadInputException("unknown method '" + part.strip() + "' in --methods: use " + keys());
            }
            chosen.add(m);
        }
        return new ArrayList<>(chosen);
    }
}
