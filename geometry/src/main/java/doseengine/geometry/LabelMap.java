package doseengine.geometry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Named structures on one voxel grid (organs, lesions, phantom compartments), each a label value 1..32767 with a
 * unique name (names are how users pick structures, so two structures may not share one).
 *
 * <p>Structures may overlap: a clinical structure set draws a tumour inside the liver, and each must keep its own
 * mask. So the map holds one or more <em>layers</em>, 16-bit label images on the same grid; every named value lives
 * in exactly one layer, and within a layer structures do not overlap (0 = none). A voxel belongs to every
 * structure whose value it carries in any layer. This keeps what makes a single label image fast, a per-voxel loop
 * over a short array with a value-indexed lookup, while storing overlaps at 2 bytes per voxel per layer rather
 * than one bit set per structure; a structure's voxels are one layer's voxels of its value, so per-structure sums
 * over layers never count a voxel twice for the same structure. A map built from one label image
 * ({@link #LabelMap(ShortVolume, Map)}) is the one-layer case and behaves exactly as a plain label image does.
 *
 * <p>{@link #volume()} exists only for the one-layer case (writing a phantom's label image): it refuses a
 * layered map, so no consumer reads the first layer and silently loses the structures of the others.
 */
public final class LabelMap {
    private final VoxelGrid grid;
    private final List<ShortVolume> layers;
    private final Map<Integer, String> names;
    /** Layer of every named value; -1 for values without a name. */
    private final byte[] layerOfValue;

    /** One label image: its named values, all in layer 0 (values present but not named belong to no structure). */
    public LabelMap(ShortVolume labels, Map<Integer, String> names) {
        this(List.of(labels), List.of(names));
    }

    private LabelMap(List<ShortVolume> layers, List<? extends Map<Integer, String>> namesPerLayer) {
        if (layers.isEmpty() || layers.size() != namesPerLayer.size()) {
            throw new IllegalArgumentException("need at least one layer and one name table per layer");
        }
        if (layers.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " label layers, got " + layers.size());
        }
        this.grid = layers.get(0).grid();
        this.layerOfValue = new byte[Short.MAX_VALUE + 1];
        java.util.Arrays.fill(layerOfValue, (byte) -1);
        Map<Integer, String> all = new TreeMap<>();
        Map<String, Integer> valueOfName = new HashMap<>();
        for (int k = 0; k < layers.size(); k++) {
            grid.requireSameGrid(layers.get(k).grid(), "label layer 0", "label layer " + k);
            for (Map.Entry<Integer, String> e : namesPerLayer.get(k).entrySet()) {
                int value = e.getKey();
                if (value <= 0 || value > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("label values must be in 1.." + Short.MAX_VALUE + ", got "
                            + value + " for " + e.getValue());
                }
                if (e.getValue() == null || e.getValue().isBlank()) {
                    throw new IllegalArgumentException("label " + value + " has no name");
                }
                if (all.containsKey(value)) {
                    throw new IllegalArgumentException("label value " + value + " is in two layers");
                }
                Integer other = valueOfName.put(e.getValue(), value);
                if (other != null) {
                    throw new BadInputException("structure name '" + e.getValue() + "' is given to labels " + other
                            + " and " + value + "; structure names must be unique");
                }
                all.put(value, e.getValue());
                layerOfValue[value] = (byte) k;
            }
        }
        this.layers = List.copyOf(layers);
        this.names = Collections.unmodifiableMap(all);
    }

    /**
     * Structures given as voxel masks (bit = flat voxel index), which may overlap. The structures get values
     * 1..n in the map's order and are packed first-fit into layers: each goes into the first layer none of whose
     * structures it overlaps, else into a new layer. Disjoint masks therefore give one layer, the same label
     * image a segmentation tool would write. First-fit is not always the fewest layers (that is graph colouring),
     * but for structure sets (a few nested or touching structures) it is, and it keeps values in the given order.
     *
     * @throws BadInputException for a blank or repeated name, or more than 32767 structures
     * @throws IllegalArgumentException for a mask with a bit beyond the grid
     */
    public static LabelMap ofMasks(VoxelGrid grid, LinkedHashMap<String, BitSet> masks) {
        if (masks.size() > Short.MAX_VALUE) {
            throw new BadInputException(masks.size() + " structures; at most " + Short.MAX_VALUE + " fit a label map");
        }
        List<short[]> data = new ArrayList<>();
        List<BitSet> occupied = new ArrayList<>();
        List<Map<Integer, String>> names = new ArrayList<>();
        int value = 0;
        for (Map.Entry<String, BitSet> e : masks.entrySet()) {
            value++;
            String name = e.getKey();
            BitSet mask = e.getValue();
            if (name == null || name.isBlank()) {
                throw new BadInputException("structure " + value + " has no name");
            }
            if (mask.length() > grid.voxelCount()) {
                throw new IllegalArgumentException("mask of " + name + " has voxel " + (mask.length() - 1)
                        + " beyond the grid's " + grid.voxelCount());
            }
            int k = 0;
            while (k < occupied.size() && occupied.get(k).intersects(mask)) {
                k++;
            }
            if (k == occupied.size()) {
                data.add(new short[grid.voxelCount()]);
                occupied.add(new BitSet(grid.voxelCount()));
                names.add(new LinkedHashMap<>());
            }
            short[] layer = data.get(k);
            for (int v = mask.nextSetBit(0); v >= 0; v = mask.nextSetBit(v + 1)) {
                layer[v] = (short) value;
            }
            occupied.get(k).or(mask);
            names.get(k).put(value, name);
        }
        if (data.isEmpty()) {
            data.add(new short[grid.voxelCount()]);
            names.add(Map.of());
        }
        List<ShortVolume> layers = new ArrayList<>();
        for (short[] d : data) {
            layers.add(new ShortVolume(grid, d));
        }
        return new LabelMap(layers, names);
    }

    /**
     * Layers given as they are, with the names of each layer's values (a value belongs to one layer only), e.g. a
     * layered map moved to another grid layer by layer.
     */
    public static LabelMap ofLayers(List<ShortVolume> layers, List<? extends Map<Integer, String>> namesPerLayer) {
        return new LabelMap(layers, namesPerLayer);
    }

    /**
     * The label image of a one-layer map.
     *
     * @throws IllegalStateException for a map of several layers (overlapping structures), which no single label
     *         image can hold: read {@link #layer(int)} for each layer, or {@link #voxelsOf(int)}
     */
    public ShortVolume volume() {
        if (layers.size() != 1) {
            throw new IllegalStateException("this label map holds overlapping structures in " + layers.size()
                    + " layers; one label image cannot hold them: read every layer");
        }
        return layers.get(0);
    }

    public VoxelGrid grid() { return grid; }

    /** Number of layers, 1 for a plain label image. */
    public int layerCount() { return layers.size(); }

    /** Layer k (0-based): a label image whose named values are {@link #namesInLayer(int)}. */
    public ShortVolume layer(int k) { return layers.get(k); }

    /** The layer holding named value {@code value}. */
    public int layerOf(int value) {
        int k = value > 0 && value <= Short.MAX_VALUE ? layerOfValue[value] : -1;
        if (k < 0) {
            throw new IllegalArgumentException("no structure has label value " + value);
        }
        return k;
    }

    /** The named values of layer k and their names, sorted by value. */
    public Map<Integer, String> namesInLayer(int k) {
        Map<Integer, String> out = new TreeMap<>();
        names.forEach((value, name) -> {
            if (layerOfValue[value] == k) {
                out.put(value, name);
            }
        });
        return out;
    }

    /**
     * For the voxel loops of per-structure statistics: indexed by label value, the position of the value in
     * {@link #names()} (the compact structure index) when the value is a structure of layer k, -1 for every other
     * value. Summing each layer's voxels through its own table counts each structure's voxels exactly once.
     */
    public int[] compactIndexInLayer(int k) {
        int[] out = new int[Short.MAX_VALUE + 1];
        java.util.Arrays.fill(out, -1);
        int c = 0;
        for (int value : names.keySet()) {
            if (layerOfValue[value] == k) {
                out[value] = c;
            }
            c++;
        }
        return out;
    }

    /** True when some voxel belongs to two or more named structures (possible only with several layers). */
    public boolean overlaps() {
        if (layers.size() < 2) {
            return false;
        }
        int n = grid.voxelCount();
        for (int v = 0; v < n; v++) {
            int held = 0;
            for (int k = 0; k < layers.size() && held < 2; k++) {
                if (isNamedInLayer(layers.get(k).data()[v], k)) {
                    held++;
                }
            }
            if (held >= 2) {
                return true;
            }
        }
        return false;
    }

    private boolean isNamedInLayer(short s, int k) {
        return s > 0 && layerOfValue[s] == k;
    }

    /** Label value to name, sorted by value. */
    public Map<Integer, String> names() { return names; }

    public int valueOf(String name) {
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        throw new BadInputException("no label named '" + name + "'; known labels: " + names.values());
    }

    /** Calls {@code action} with every voxel (flat index, ascending) of the named structure {@code value}. */
    public void forEachVoxel(int value, IntConsumer action) {
        short[] lab = layers.get(layerOf(value)).data();
        for (int v = 0; v < lab.length; v++) {
            if (lab[v] == value) {
                action.accept(v);
            }
        }
    }

    /** The voxels (flat indices, ascending) of the named structure {@code value}. */
    public int[] voxelsOf(int value) {
        short[] lab = layers.get(layerOf(value)).data();
        int n = 0;
        for (short s : lab) {
            if (s == value) {
                n++;
            }
        }
        int[] out = new int[n];
        int i = 0;
        for (int v = 0; v < lab.length; v++) {
            if (lab[v] == value) {
                out[i++] = v;
            }
        }
        return out;
    }

    /** The mask of the named structure {@code value} (bit = flat voxel index). */
    public BitSet maskOf(int value) {
        BitSet out = new BitSet(grid.voxelCount());
        forEachVoxel(value, out::set);
        return out;
    }

    /** The named values that hold voxel {@code v}, ascending; empty outside every structure. */
    public int[] valuesAt(int v) {
        int[] found = new int[layers.size()];
        int n = 0;
        for (int k = 0; k < layers.size(); k++) {
            short s = layers.get(k).data()[v];
            if (isNamedInLayer(s, k)) {
                found[n++] = s;
            }
        }
        int[] out = java.util.Arrays.copyOf(found, n);
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * One label image that gives each voxel to the smallest named structure holding it (fewest voxels, the lower
     * value among equals), 0 outside every structure: for the consumers that need one structure per voxel, such as
     * an activity or dose assigned per structure, where an inner structure (a tumour) was drawn to be told apart
     * from the one around it (the liver). For a one-layer map it is its label image with unnamed values set to 0.
     */
    public ShortVolume innermost() {
        Map<Integer, Integer> counts = voxelCounts();
        Integer[] bySize = names.keySet().toArray(new Integer[0]);
        java.util.Arrays.sort(bySize, (x, y) -> counts.get(x).equals(counts.get(y)) ? Integer.compare(x, y)
                : Integer.compare(counts.get(x), counts.get(y)));
        int[] rank = new int[Short.MAX_VALUE + 1];
        for (int i = 0; i < bySize.length; i++) {
            rank[bySize[i]] = i;
        }
        short[] out = new short[grid.voxelCount()];
        for (int k = 0; k < layers.size(); k++) {
            short[] lab = layers.get(k).data();
            for (int v = 0; v < out.length; v++) {
                short s = lab[v];
                if (isNamedInLayer(s, k) && (out[v] == 0 || rank[s] < rank[out[v]])) {
                    out[v] = s;
                }
            }
        }
        return new ShortVolume(grid, out);
    }

    /** True when voxel {@code v} belongs to some named structure. */
    public boolean isLabelled(int v) {
        for (int k = 0; k < layers.size(); k++) {
            if (isNamedInLayer(layers.get(k).data()[v], k)) {
                return true;
            }
        }
        return false;
    }

    /** Voxel count per named label value (labels with no voxel count 0). */
    public Map<Integer, Integer> voxelCounts() {
        int[] counts = new int[Short.MAX_VALUE + 1];
        for (int k = 0; k < layers.size(); k++) {
            for (short s : layers.get(k).data()) {
                if (isNamedInLayer(s, k)) {
                    counts[s]++;
                }
            }
        }
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (int v : names.keySet()) {
            out.put(v, counts[v]);
        }
        return out;
    }
}
