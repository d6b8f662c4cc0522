package doseengine.io;

import doseengine.dosimetry.treatment.StructureKind;
import doseengine.dosimetry.treatment.StructureKinds;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.dicom.CtSeriesWriter;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.NmImageWriter;
import doseengine.geometry.io.dicom.RtStructWriter;
import doseengine.geometry.io.dicom.Uids;
import doseengine.phantoms.Phantom;
import doseengine.physics.decay.Nuclide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A phantom written as the DICOM a clinic exports, so that every user has a DICOM example and the tests have
 * fixtures without patient data: a CT series ({@value #CT}/), a quantitative SPECT as one NM image in Bq/ml on a
 * coarser grid ({@value #SPECT}), and an RT Structure Set of the phantom's structures ({@value #RTSTRUCT}), all in
 * one study and frame of reference.
 *
 * <p>The SPECT holds the phantom's activity at t = 0 (acquired at the injection time), summed over blocks of
 * {@code factor}^3 CT voxels, so its total is the phantom's: a coarser grid as a real SPECT has, and no
 * resolution loss beyond it. Lesions (names with lesion, tumour, tumor or metast) are GTVs in the structure set,
 * the rest ORGANs.
 */
public final class PhantomDicomFolder {
    public static final String CT = "ct";
    public static final String SPECT = "spect/nm.dcm";
    public static final String RTSTRUCT = "rtstruct.dcm";

    /** What was written, for the command's summary. */
    public record Written(Path ct, Path spect, Path rtstruct, VoxelGrid spectGrid, double spectTotalMBq,
                          String frameOfReferenceUid) {}

    private PhantomDicomFolder() {}

    /**
     * @param factor SPECT voxels are {@code factor} CT voxels wide (1 keeps the CT grid)
     * @param acquisition the SPECT's acquisition and injection time
     */
    public static Written write(Path dir, Phantom p, Nuclide nuclide, int factor, LocalDateTime acquisition) {
        if (factor < 1) {
            throw new IllegalArgumentException("SPECT block factor must be at least 1, not " + factor);
        }
        DicomReference ref = DicomReference.anonymous(Uids.fresh(), Uids.fresh(), "phantom-" + p.name(),
                "doseengine phantom " + p.name());
        Path ctDir = dir.resolve(CT);
        Path spect = dir.resolve(SPECT);
        try {
            Files.createDirectories(ctDir);
            Files.createDirectories(spect.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CtSeriesWriter.CtSeries ct = CtSeriesWriter.write(ctDir, p.ctHu(), ref, p.name() + " CT");

        FloatVolume blocks = blockSums(p.activityMBq(), factor);
        double ml = blocks.grid().voxelVolumeCm3();
        float[] mbq = blocks.data();
        float[] bqPerMl = new float[mbq.length];
        for (int v = 0; v < mbq.length; v++) {
            bqPerMl[v] = (float) (mbq[v] * 1e6 / ml);
        }
        double total = p.activityMBq().sum();
        NmImageWriter.write(spect, new FloatVolume(blocks.grid(), bqPerMl), ref, p.name() + " SPECT", acquisition,
                new NmImageWriter.Radiopharmaceutical(nuclide.name(), null, null, acquisition, total,
                        nuclide.halfLifeSeconds()));

        Path rtstruct = dir.resolve(RTSTRUCT);
        RtStructWriter.write(rtstruct, p.grid(), structures(p.labels()), ref, ct.reference(), p.name());
        return new Written(ctDir, spect, rtstruct, blocks.grid(), blocks.sum(), ref.frameOfReferenceUid());
    }

    private static List<RtStructWriter.Structure> structures(LabelMap labels) {
        StructureKinds kinds = StructureKinds.standard();
        List<RtStructWriter.Structure> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            BitSet mask = labels.maskOf(e.getKey());
            if (mask.isEmpty()) {
                continue;
            }
            String type = kinds.kindOf(e.getValue()) == StructureKind.LESION ? "GTV" : "ORGAN";
            out.add(new RtStructWriter.Structure(e.getValue(), mask, type, null));
        }
        return out;
    }

    /**
     * Sums of {@code factor}^3 blocks of voxels, on the grid whose voxel 0 covers voxels 0..factor-1 of each axis
     * (the last block may overhang the image: the overhang holds nothing).
     */
    static FloatVolume blockSums(FloatVolume v, int factor) {
        VoxelGrid g = v.grid();
        int nx = (g.nx() + factor - 1) / factor;
        int ny = (g.ny() + factor - 1) / factor;
        int nz = (g.nz() + factor - 1) / factor;
        double half = (factor - 1) / 2.0;
        VoxelGrid coarse = new VoxelGrid(nx, ny, nz, g.spacingX() * factor, g.spacingY() * factor,
                g.spacingZ() * factor, g.indexToWorld(half, half, half), g.direction());
        float[] src = v.data();
        double[] sum = new double[nx * ny * nz];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                int row = g.nx() * (j + g.ny() * k);
                int crow = nx * (j / factor + ny * (k / factor));
                for (int i = 0; i < g.nx(); i++) {
                    sum[crow + i / factor] += src[row + i];
                }
            }
        }
        float[] out = new float[sum.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) sum[c];
        }
        return new FloatVolume(coarse, out);
    }
}
