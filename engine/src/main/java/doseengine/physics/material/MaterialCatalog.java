package doseengine.physics.material;

import doseengine.geometry.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The materials the engine knows: every ESTAR material definition shipped in the resources (names are the
 * EGSnrc density-file stems, for example {@code water_liquid}, {@code tissue_soft_icrp},
 * {@code bone_cortical_icrp}), plus the mixtures the CT calibration needs.
 *
 * <p>{@code spongiosa}: trabecular bone is not an ESTAR material. It is defined here as red marrow (ICRU 1986)
 * and cortical bone (ICRP) mixed by mass so that the mixture's density is 1.18 g/cm3, the density of
 * spongiosa in ICRU Report 46 (1992). Volumes add: 1/rho = w_b/rho_b + (1 - w_b)/rho_m.
 */
public final class MaterialCatalog {
    /** ICRU Report 46 (1992) spongiosa density, g/cm3. */
    public static final double SPONGIOSA_DENSITY = 1.18;

    private static final MaterialCatalog DEFAULT = load();

    private final Map<String, Material> materials;

    private MaterialCatalog(Map<String, Material> materials) {
        this.materials = Collections.unmodifiableMap(materials);
    }

    public static MaterialCatalog standard() {
        return DEFAULT;
    }

    public Material get(String name) {
        Material m = materials.get(name);
        if (m == null) {
            throw new BadInputException("unknown material '" + name + "'; known materials: " + materials.keySet());
        }
        return m;
    }

    public boolean contains(String name) {
        return materials.containsKey(name);
    }

    public List<String> names() {
        return new ArrayList<>(materials.keySet());
    }

    private static MaterialCatalog load() {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] f : readCsv("material_compositions_egsnrc_estar.csv", 6)) {
            rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        Map<String, List<double[]>> deltas = new LinkedHashMap<>();
        for (String[] f : readCsv("density_effect_delta_egsnrc_estar.csv", 3)) {
            deltas.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        Map<String, Material> out = new TreeMap<>();
        for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
            List<String[]> r = e.getValue();
            int[] z = new int[r.size()];
            double[] w = new double[r.size()];
            for (int i = 0; i < r.size(); i++) {
                z[i] = Integer.parseInt(r.get(i)[4]);
                w[i] = Double.parseDouble(r.get(i)[5]);
            }
            List<double[]> d = deltas.get(e.getKey());
            DensityEffectTable table = null;
            if (d != null) {
                table = new DensityEffectTable(d.stream().mapToDouble(p -> p[0]).toArray(),
                        d.stream().mapToDouble(p -> p[1]).toArray());
            }
            out.put(e.getKey(), new Material(e.getKey(), Double.parseDouble(r.get(0)[3]), z, w,
                    Double.parseDouble(r.get(0)[2]), table));
        }
        Material marrow = out.get("redmarrow_skeletal_icru_1986");
        Material cortical = out.get("bone_cortical_icrp");
        double wBone = (1 / marrow.densityGPerCm3() - 1 / SPONGIOSA_DENSITY)
                / (1 / marrow.densityGPerCm3() - 1 / cortical.densityGPerCm3());
        out.put("spongiosa", MaterialMixer.byMass("spongiosa", SPONGIOSA_DENSITY,
                new Material[] {marrow, cortical}, new double[] {1 - wBone, wBone}));
        return new MaterialCatalog(out);
    }

    private static List<String[]> readCsv(String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = MaterialCatalog.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("material,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
                }
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the engine's resources", e);
        }
        return out;
    }
}
