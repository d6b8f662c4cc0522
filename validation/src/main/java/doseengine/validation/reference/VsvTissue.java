package doseengine.validation.reference;

import doseengine.geometry.BadInputException;
import java.util.Locale;

/**
 * The two media of the Lanconelli et al. 2012 voxel S values (Phys Med Biol 57:517), as this project models them:
 * a material of the engine's catalogue and the mass density of the voxels.
 *
 * <p>Evidence. The distributed files name the media only in their title lines, "Soft tissue" and "Bone compact";
 * the paper's text was not reachable from this project's sources, so the densities are established from the
 * tables themselves: for Y-90, a pure beta emitter whose electrons stop well inside the 11 x 11 x 11 voxel
 * block, the S values summed over the block times the voxel mass must return the electron energy per decay
 * less the bremsstrahlung that escapes (under 1 %). Solving that for the density gives 1.039 g/cm3 (soft; 3, 4 and
 * 6 mm voxels alike) and 1.852 g/cm3 (bone), before the radiative correction that can only lower them by up to
 * about 1 %. 1.04 and 1.85 fit; the often-quoted 1.00 (ESTAR soft tissue) and 1.92 (ICRU cortical bone) would
 * need 4 % of the energy to vanish and are excluded ({@code VsvTissueTest} repeats this check).
 * <ul>
 *   <li>soft: ICRP soft tissue ({@code tissue_soft_icrp}: ESTAR's "Tissue, soft (ICRP)" composition and
 *   I = 72.3 eV) at 1.04 g/cm3, the density the tables' energy balance gives. ESTAR's nominal density of that
 *   material is 1.00; the density of the voxels, not the nominal one, sets the mass. The composition is the
 *   catalogue's soft tissue matching the files' "Soft tissue"; the paper's exact composition is unconfirmed.</li>
 *   <li>bone: ICRU compact bone ({@code bone_compact_icru}: ESTAR's "Bone, compact (ICRU)", 1.85 g/cm3,
 *   I = 91.9 eV), the medium the files' title names.</li>
 * </ul>
 * The densities matter most (S scales close to 1/rho near the source); the soft-tissue compositions of ICRP and
 * ICRU differ in stopping power by less than 1 %. Confirm both against the paper's section 2 when it is at hand.
 */
public enum VsvTissue {
    SOFT("soft", "tissue_soft_icrp", 1.04, "Soft tissue"),
    BONE("bone", "bone_compact_icru", 1.85, "Bone compact");

    private final String key;
    private final String material;
    private final double density;
    private final String fileTitle;

    VsvTissue(String key, String material, double density, String fileTitle) {
        this.key = key;
        this.material = material;
        this.density = density;
        this.fileTitle = fileTitle;
    }

    /** {@code soft} or {@code bone}: the command-line and CSV name. */
    public String key() {
        return key;
    }

    /** The engine's {@code MaterialCatalog} name of the composition. */
    public String material() {
        return material;
    }

    /** Mass density of the voxels (g/cm3). */
    public double densityGPerCm3() {
        return density;
    }

    /** How the Lanconelli files' title line names the medium. */
    public String fileTitle() {
        return fileTitle;
    }

    /** The tissue named {@code soft} or {@code bone} (any case). */
    public static VsvTissue of(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (VsvTissue t : values()) {
            if (t.key.equals(k)) {
                return t;
            }
        }
        throw new BadInputException("unknown tissue '" + key + "': use soft or bone");
    }

    /** The tissue of a Lanconelli title such as "Soft tissue" or "Bone compact", or null. */
    static VsvTissue ofTitle(String title) {
        String t = title.strip().toLowerCase(Locale.ROOT);
        for (VsvTissue v : values()) {
            if (t.equals(v.fileTitle.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }
}
