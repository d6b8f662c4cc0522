package doseengine.geometry.resample;

import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Moves a label image onto a target grid by nearest neighbour: each target voxel takes the label of the source
 * voxel that contains its centre (source voxel s covers the continuous index range {@code [s - 0.5, s + 0.5)} on
 * each axis), or 0 when its centre lies outside the source grid. Labels are never averaged, so every output value
 * is a label of the input; a structure smaller than a target voxel may vanish, which the caller can see with
 * {@link LabelMap#voxelCounts()}.
 */
public final class LabelResampler {
    private LabelResampler() {}

    /** The labels on {@code target}, with the same names; each layer of overlapping structures on its own. */
    public static LabelMap resample(LabelMap labels, VoxelGrid target) {
        if (labels.layerCount() == 1) {
            return new LabelMap(resample(labels.volume(), target), labels.names());
        }
        List<ShortVolume> layers = new ArrayList<>();
        List<Map<Integer, String>> names = new ArrayList<>();
        for (int k = 0; k < labels.layerCount(); k++) {
            layers.add(resample(labels.layer(k), target));
            names.add(labels.namesInLayer(k));
        }
        return LabelMap.ofLayers(layers, names);
    }

    public static ShortVolume resample(ShortVolume labels, VoxelGrid target) {
        VoxelGrid source = labels.grid();
        short[] in = labels.data();
        short[] out = new short[target.voxelCount()];
        IndexMap toSource = new IndexMap(target, source);
        double[] m = toSource.matrix, o = toSource.offset;
        int nsx = source.nx(), nsy = source.ny(), nsz = source.nz();
        int ntx = target.nx(), nty = target.ny();
        IntStream.range(0, target.nz()).parallel().forEach(r -> {
            for (int q = 0; q < nty; q++) {
                double bx = o[0] + m[1] * q + m[2] * r;
                double by = o[1] + m[4] * q + m[5] * r;
                double bz = o[2] + m[7] * q + m[8] * r;
                int row = ntx * (q + nty * r);
                for (int p = 0; p < ntx; p++) {
                    int i = (int) Math.floor(bx + m[0] * p + 0.5);
                    int j = (int) Math.floor(by + m[3] * p + 0.5);
                    int k = (int) Math.floor(bz + m[6] * p + 0.5);
                    if (i >= 0 && j >= 0 && k >= 0 && i < nsx && j < nsy && k < nsz) {
                        out[row + p] = in[i + nsx * (j + nsy * k)];
                    }
                }
            }
        });
        return new ShortVolume(target, out);
    }
}
