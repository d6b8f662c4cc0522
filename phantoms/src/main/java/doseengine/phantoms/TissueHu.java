package doseengine.phantoms;

/**
 * CT numbers (HU) of the phantom tissues. Each lies well inside one bin of the Schneider et al. 2000 HU-to-material
 * table (Phys Med Biol 45:459, as distributed with GATE: {@code Schneider2000MaterialsTable.txt}; a bin runs
 * from its HU_lower to the next row's), so a HU-to-material calibration built on those bins maps every
 * tissue unambiguously. Densities quoted are those of the Schneider piecewise-linear HU-to-density curve.
 */
public final class TissueHu {
    /** Air outside the body; bin 'Air' [-1050, -950). */
    public static final short AIR = -1000;
    /** Inflated lung; bin 'Lung' [-950, -120); 0.26 g/cm3 on the Schneider curve. */
    public static final short LUNG = -750;
    /**
     * Lung-equivalent insert of the NEMA IEC phantom; bin 'Lung' [-950, -120); 0.30 g/cm3 on the Schneider
     * curve, the insert density NEMA NU 2 asks for (0.3 +- 0.1 g/cm3).
     */
    public static final short LUNG_INSERT = -710;
    /**
     * Water; bin 'AT_AG_SI4' [-22, 8), an adipose/soft-tissue mixture: a calibration that must treat water as
     * water needs its own entry at 0 HU.
     */
    public static final short WATER = 0;
    /** Soft tissue and muscle (body remainder, sphere phantoms); bin 'SoftTissus' [19, 80), its middle. */
    public static final short SOFT_TISSUE = 50;
    /** Unenhanced liver, a little denser than other soft tissue on CT; bin 'SoftTissus' [19, 80). */
    public static final short LIVER = 60;
    /** Spleen; bin 'SoftTissus' [19, 80). */
    public static final short SPLEEN = 50;
    /** Renal cortex; bin 'SoftTissus' [19, 80). */
    public static final short KIDNEY_CORTEX = 40;
    /** Renal medulla; bin 'SoftTissus' [19, 80). */
    public static final short KIDNEY_MEDULLA = 35;
    /** Tumours, a little hypodense to liver as metastases are on unenhanced CT; bin 'SoftTissus' [19, 80). */
    public static final short TUMOUR = 40;
    /** Vertebral spongiosa (trabecular bone with marrow); bin 'Marrow_Bone02' [200, 300); 1.16 g/cm3. */
    public static final short SPONGIOSA = 250;
    /**
     * Vertebral cortical shell and posterior arch; bin 'Marrow_Bone11' [1100, 1200); 1.70 g/cm3. Lower than
     * compact bone (about 1500 HU, 1.9 g/cm3) because a thin cortex is seen through partial volume at
     * clinical CT resolution.
     */
    public static final short CORTICAL_BONE = 1150;

    private TissueHu() {
    }
}
