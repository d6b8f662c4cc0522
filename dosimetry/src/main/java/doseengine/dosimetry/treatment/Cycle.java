package doseengine.dosimetry.treatment;

import doseengine.geometry.BadInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One cycle: its name, administered activity and each structure's summary. Structure names are unique.
 *
 * @param name            e.g. "C1"
 * @param administeredMBq administered activity, MBq
 * @param structures      one summary per structure
 */
public record Cycle(String name, double administeredMBq, List<StructureCycle> structures) {
    public Cycle {
        if (name == null || name.isBlank()) {
            throw new BadInputException("cycle: \"name\" must be a non-empty string");
        }
        if (!(administeredMBq > 0) || !Double.isFinite(administeredMBq)) {
            throw new BadInputException(name + ": administered_MBq must be finite and > 0, got " + administeredMBq);
        }
        structures = List.copyOf(structures);
        Set<String> seen = new HashSet<>();
        for (StructureCycle s : structures) {
            if (!seen.add(s.name())) {
                throw new BadInputException(name + ": structure \"" + s.name() + "\" appears twice");
            }
        }
    }

    /** The structure called {@code structure}, or null. */
    public StructureCycle structure(String structure) {
        return structures.stream().filter(s -> s.name().equals(structure)).findFirst().orElse(null);
    }
}
