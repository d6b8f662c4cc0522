package doseengine.dosimetry.treatment;

import doseengine.dosimetry.radiobiology.TissueParameters;
import doseengine.dosimetry.radiobiology.TissueTable;
import java.util.Optional;

/**
 * What the tissue and limit tables know a structure as. {@link #key()} is the key of
 * {@link doseengine.dosimetry.radiobiology.LimitTable} and {@link TissueTable}; a lesion's tissue parameters are
 * looked up as "lesion" and then as "tumour" (the key the tissue table's documentation uses).
 */
public enum StructureKind {
    KIDNEY("kidney"), RED_MARROW("red_marrow"), SALIVARY_GLANDS("salivary_glands"), LESION("lesion"), OTHER("other");

    private final String key;

    StructureKind(String key) {
        this.key = key;
    }

    /** The tables' key, e.g. "red_marrow". */
    public String key() {
        return key;
    }

    /** This kind's linear-quadratic parameters in {@code table}, if it has them. */
    public Optional<TissueParameters> tissue(TissueTable table) {
        Optional<TissueParameters> p = table.get(key);
        if (p.isEmpty() && this == LESION) {
            return table.get("tumour");
        }
        return p;
    }
}
