package doseengine.dosimetry.treatment;

import doseengine.geometry.BadInputException;
import java.util.Locale;

/**
 * The kind of a structure from its name. The standard rule, on the lower-cased name, first match wins:
 * <ol>
 *   <li>"lesion", "tumour", "tumor" or "metast": {@link StructureKind#LESION} (first, so that "kidney_lesion" is a
 *       lesion and not a kidney);</li>
 *   <li>"kidney": {@link StructureKind#KIDNEY};</li>
 *   <li>"marrow": {@link StructureKind#RED_MARROW};</li>
 *   <li>"salivary", "parotid" or "submandibular": {@link StructureKind#SALIVARY_GLANDS};</li>
 *   <li>else {@link StructureKind#OTHER}.</li>
 * </ol>
 * It is replaceable: {@link #withOverride} pins a name (exact, case-insensitive) to a kind, or a caller implements
 * this interface.
 */
@FunctionalInterface
public interface StructureKinds {
    StructureKind kindOf(String structureName);

    /** The standard rule of the class comment. */
    static StructureKinds standard() {
        return name -> {
            if (name == null || name.isBlank()) {
                throw new BadInputException("structure name must be a non-empty string");
            }
            String n = name.toLowerCase(Locale.ROOT);
            if (n.contains("lesion") || n.contains("tumour") || n.contains("tumor") || n.contains("metast")) {
                return StructureKind.LESION;
            }
            if (n.contains("kidney")) {
                return StructureKind.KIDNEY;
            }
            if (n.contains("marrow")) {
                return StructureKind.RED_MARROW;
            }
            if (n.contains("salivary") || n.contains("parotid") || n.contains("submandibular")) {
                return StructureKind.SALIVARY_GLANDS;
            }
            return StructureKind.OTHER;
        };
    }

    /** This rule with {@code name} (case-insensitive, exact) mapped to {@code kind}. */
    default StructureKinds withOverride(String name, StructureKind kind) {
        if (name == null || name.isBlank() || kind == null) {
            throw new BadInputException("structure kind override: a non-empty name and a kind are needed");
        }
        StructureKinds rest = this;
        return n -> name.equalsIgnoreCase(n) ? kind : rest.kindOf(n);
    }
}
