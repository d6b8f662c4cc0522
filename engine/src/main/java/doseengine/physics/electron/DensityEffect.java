package doseengine.physics.electron;

import doseengine.physics.material.DensityEffectTable;
import doseengine.physics.material.Material;
import java.util.function.DoubleUnaryOperator;

/** Chooses a material's density-effect correction: ESTAR's table where there is one, Sternheimer-Peierls if not. */
public final class DensityEffect {
    private DensityEffect() {}

    /** delta(T) of the material, T in MeV. */
    public static DoubleUnaryOperator of(Material material) {
        return material.densityEffect()
                .<DoubleUnaryOperator>map(DensityEffect::fromTable)
                .orElseGet(() -> new SternheimerPeierlsDensityEffect(material.iValueEv(),
                        material.densityGPerCm3(), material.zOverA()));
    }

    /** True when delta comes from ESTAR's table, false when it is computed. */
    public static boolean isTabulated(Material material) {
        return material.densityEffect().isPresent();
    }

    private static DoubleUnaryOperator fromTable(DensityEffectTable table) {
        return table::delta;
    }
}
