package doseengine.physics.photon;

import doseengine.geometry.BadInputException;
import doseengine.physics.material.Material;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/** Builds {@link PhotonTables} from the element data; the layout is described there. */
final class PhotonTableBuilder {
    /** h c in MeV Angstrom (CODATA 2018), the same constant as the kernels' ComptonSampler.HC. */
    static final double HC_MEV_ANGSTROM = 0.01239841984;
    /** The kernels index materials with an unsigned byte. */
    static final int MAX_MATERIALS = 256;

    private static final PhotonProcess[] PARTIALS = {
        PhotonProcess.COHERENT, PhotonProcess.INCOHERENT, PhotonProcess.PHOTOELECTRIC, PhotonProcess.PAIR};

    private final XcomLibrary library;
    private final ScatteringFactors factors;
    private final int binCount;

    PhotonTableBuilder(XcomLibrary library, ScatteringFactors factors, int binCount) {
        if (binCount < 1) {
            throw new BadInputException("photon tables need at least one energy bin, not " + binCount);
        }
        this.library = library;
        this.factors = factors;
        this.binCount = binCount;
    }

    PhotonTables build(List<Material> materials) {
        check(materials);
        int m = materials.size();
        List<MaterialAttenuation> attenuation = new ArrayList<>();
        for (Material mat : materials) {
            attenuation.add(new MaterialAttenuation(mat, library));
        }
        PhotonEnergyGrid grid = energyGrid(attenuation);
        int n = grid.nodeCount();
        int processes = PhotonProcess.values().length;
        float[] mu = new float[processes * m * n];
        float[] slope = new float[mu.length];
        double[] values = new double[n];
        double[] total = new double[n];
        for (int mi = 0; mi < m; mi++) {
            Arrays.fill(total, 0);
            for (PhotonProcess p : PARTIALS) {
                for (int i = 0; i < n; i++) {
                    EdgeSide side = grid.isBelowEdge(i) ? EdgeSide.BELOW : EdgeSide.ABOVE;
                    values[i] = attenuation.get(mi).muOverRhoAtLn(p, grid.nodeLnEnergy(i), side);
                    total[i] += values[i];
                }
                fill(grid, values, mu, slope, (p.index() * m + mi) * n);
            }
            fill(grid, total, mu, slope, (PhotonProcess.TOTAL.index() * m + mi) * n);
        }
        float[] nodeLn = new float[n];
        for (int i = 0; i < n; i++) {
            nodeLn[i] = (float) grid.nodeLnEnergy(i);
        }
        float[] inverseCdf = new float[m * (PhotonTables.RAYLEIGH_BIN_COUNT + 1)];
        float[] cdfAtKmax = new float[m * n];
        rayleighTables(materials, grid, inverseCdf, cdfAtKmax);
        return new PhotonTables(materials.stream().map(Material::name).toList(), (float) grid.lnEnergyMin(),
                (float) grid.lnEnergyMax(), (float) grid.binsPerUnitLnEnergy(), nodeLn, grid.binFirstNode(), mu, slope,
                inverseCdf, cdfAtKmax, (float) Math.log(PhotonTables.COMPTON_X_MIN), scatteringFunctions(materials));
    }

    private void check(List<Material> materials) {
        if (materials.isEmpty() || materials.size() > MAX_MATERIALS) {
            throw new BadInputException("photon tables need 1 to " + MAX_MATERIALS + " materials, not "
                    + materials.size());
        }
        for (Material mat : materials) {
            for (int z : mat.atomicNumbers()) {
                if (!factors.supports(z)) {
                    throw new BadInputException("material '" + mat.name() + "' contains Z=" + z
                            + ", which has no form factor data in the engine (it has Z = "
                            + Arrays.toString(factors.supported()) + ")");
                }
            }
        }
    }

    private PhotonEnergyGrid energyGrid(List<MaterialAttenuation> attenuation) {
        double lo = Math.log(PhotonTables.ENERGY_MIN_MEV);
        double hi = Math.log(PhotonTables.ENERGY_MAX_MEV);
        double[] edges = attenuation.stream().flatMapToDouble(a -> DoubleStream.of(a.edgeLnEnergies(lo, hi)))
                .toArray();
        double[] nativeNodes = attenuation.stream()
                .flatMapToDouble(a -> DoubleStream.of(a.nativeLnEnergies(lo, hi))).toArray();
        return PhotonEnergyGrid.build(PhotonTables.ENERGY_MIN_MEV, PhotonTables.ENERGY_MAX_MEV, binCount, edges,
                nativeNodes);
    }

    /**
     * Node values and log-log slopes of one (process, material) row. The slope of segment i is taken to the
     * value at node i+1, which for the lower node of an edge is the limit from below: the interpolation is
     * exact at every node and continuous except at the edges. Zero-width segments (edges) and segments that
     * start at zero (pair below threshold) get slope 0.
     */
    private static void fill(PhotonEnergyGrid grid, double[] values, float[] mu, float[] slope, int offset) {
        int n = grid.nodeCount();
        for (int i = 0; i < n; i++) {
            mu[offset + i] = (float) values[i];
            double s = 0;
            if (i + 1 < n) {
                double width = grid.nodeLnEnergy(i + 1) - grid.nodeLnEnergy(i);
                if (width > 0 && values[i] > 0 && values[i + 1] > 0) {
                    s = (Math.log(values[i + 1]) - Math.log(values[i])) / width;
                }
            }
            slope[offset + i] = (float) s;
        }
    }

    private static double x2Max() {
        double k = PhotonTables.ENERGY_MAX_MEV / HC_MEV_ANGSTROM;
        return k * k;
    }

    /**
     * Fills the inverse CDF of F^2 in x^2 at y = j/R, P = 1 - (1 - y^2)^4 (RayleighSampler says why) and, per
     * energy node, the cumulative at x^2 = (E/hc)^2.
     */
    private void rayleighTables(List<Material> materials, PhotonEnergyGrid grid, float[] inverseCdf,
                                float[] cdfAtKmax) {
        int r = PhotonTables.RAYLEIGH_BIN_COUNT;
        int n = grid.nodeCount();
        for (int mi = 0; mi < materials.size(); mi++) {
            MaterialFormFactor ff = new MaterialFormFactor(materials.get(mi), factors, x2Max());
            for (int j = 0; j <= r; j++) {
                double y = (double) j / r;
                inverseCdf[mi * (r + 1) + j] = (float) ff.inverseCumulative(1 - Math.pow(1 - y * y, 4));
            }
            for (int i = 0; i < n; i++) {
                double k = Math.exp(grid.nodeLnEnergy(i)) / HC_MEV_ANGSTROM;
                cdfAtKmax[mi * n + i] = (float) ff.cumulativeFraction(k * k);
            }
        }
    }

    private float[] scatteringFunctions(List<Material> materials) {
        int k = PhotonTables.COMPTON_NODE_COUNT;
        double lnXMin = Math.log(PhotonTables.COMPTON_X_MIN);
        float[] out = new float[materials.size() * k];
        for (int mi = 0; mi < materials.size(); mi++) {
            MaterialScatteringFunction s = new MaterialScatteringFunction(materials.get(mi), factors);
            for (int j = 0; j < k; j++) {
                out[mi * k + j] = (float) s.perElectron(Math.exp(lnXMin + (double) j
                        / PhotonTables.COMPTON_NODES_PER_UNIT_LN_X));
            }
        }
        return out;
    }
}
