package doseengine.kernels.opencl;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.kernels.photon.RayleighSampler;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.source.SourceSampler;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.transport.TransportProblem;
import java.util.Locale;

/**
 * The device memory one OpenCL transport run will hold, computed from the host objects before anything is
 * allocated, so that a problem too large for the device is refused with a message instead of failing somewhere
 * in the driver. Each part is the sum of the buffers the upload classes create (an empty table part costs its
 * one-element placeholder):
 *
 * <ul>
 *   <li>grid: one byte of material and one float of density per voxel ({@link DeviceVoxelGeometry});</li>
 *   <li>tables: emission, photon and electron tables ({@link DeviceTables}) and the step settings
 *       ({@link DeviceTransportSettings});</li>
 *   <li>source: the alias table, three 4-byte arrays per active voxel ({@link DeviceAliasSource}); a point source
 *       has none;</li>
 *   <li>tally: {@code bins + 2} longs (tally.md), plus the squared edges of radial shells, plus the 20 bytes of
 *       the kernel's counters; once per tally copy: {@code OpenClHistoryDriver} keeps two, so that one batch's
 *       tally is read back while the next batch runs, when two fit ({@link #preferTwoTallies}), and one otherwise.</li>
 * </ul>
 *
 * A 512 x 512 x 600 CT (157 M voxels) needs 0.79 GB of grid and 1.26 GB per tally copy; with activity in every voxel
 * the source adds 1.89 GB, 3.9 GB in all with the tables and one tally, 5.2 GB with two (engine test
 * {@code OpenClMemoryTest}).
 *
 * @param gridBytes         material and density grids
 * @param tableBytes        physics tables and step settings
 * @param sourceBytes       decay source
 * @param tallyBytes        tally buffers (and shell edges) and counters, all copies
 * @param tallyCopies       copies of the tally and counters (1 or 2)
 * @param largestBufferBytes the largest single buffer, which must fit the device's maximum allocation
 * @param largestBuffer     what that buffer holds, for the message
 */
public record DeviceMemoryEstimate(long gridBytes, long tableBytes, long sourceBytes, long tallyBytes,
                                   int tallyCopies, long largestBufferBytes, String largestBuffer) {

    /** The kernel's diagnostic counters: two longs and an int. */
    static final long COUNTER_BYTES = 2L * Long.BYTES + Integer.BYTES;
    /** Most tally copies a run keeps (double buffering). */
    public static final int MAX_TALLY_COPIES = 2;

    public DeviceMemoryEstimate {
        if (tallyCopies < 1 || tallyCopies > MAX_TALLY_COPIES) {
            throw new IllegalArgumentException("tally copies must be 1.." + MAX_TALLY_COPIES + ", got " + tallyCopies);
        }
    }

    /** The estimate for a problem and the tally it will score into. */
    public static DeviceMemoryEstimate of(TransportProblem p, EnergyTally tally) {
        return of(p, tally.bins(), tally instanceof RadialShellTally shells ? shells.edgesSquaredCm2() : null);
    }

    /**
     * The estimate for a problem and a tally of {@code bins} bins, with {@code shellEdgesSq} the squared edges of
     * radial shells, or null for a voxel tally.
     */
    public static DeviceMemoryEstimate of(TransportProblem p, int bins, float[] shellEdgesSq) {
        long voxels = p.geometry().voxelCount();
        long[] largestTable = {0};
        long tables = tableBytes(p.emissions(), p.photonCrossSections(), p.photonMajorant(), p.rayleigh(),
                p.compton(), p.electrons(), largestTable);
        long source = sourceBytes(p.source());
        long tallyBytes = tallyBytes(bins);
        if (shellEdgesSq != null) {
            tallyBytes += (long) shellEdgesSq.length * Float.BYTES;
        }
        return new DeviceMemoryEstimate(DeviceVoxelGeometry.bytes(voxels), tables, source, tallyBytes, 1,
                largestTable[0], "a physics table")
                .withCandidate(voxels * Float.BYTES, "the density grid")
                .withCandidate(source / 3, "a source alias array")
                .withCandidate(((long) bins + 2) * Long.BYTES, "the tally");
    }

    /**
     * The estimate for a voxel grid of {@code voxels} voxels with a voxel tally, an alias source over
     * {@code activeVoxels} voxels and tables of {@code tableBytes} bytes (their largest array
     * {@code largestTableBuffer}): for sizing a problem without building it.
     */
    public static DeviceMemoryEstimate forVoxelGrid(long voxels, long activeVoxels, long tableBytes,
                                                    long largestTableBuffer) {
        if (voxels <= 0 || activeVoxels < 0 || activeVoxels > voxels || tableBytes < 0) {
            throw new IllegalArgumentException("grid of " + voxels + " voxels with " + activeVoxels
                    + " active voxels and " + tableBytes + " table bytes");
        }
        long tally = ((voxels + 2) * Long.BYTES);
        return new DeviceMemoryEstimate(DeviceVoxelGeometry.bytes(voxels), tableBytes, 3 * activeVoxels * 4,
                tally + COUNTER_BYTES, 1, largestTableBuffer, "a physics table")
                .withCandidate(voxels * Float.BYTES, "the density grid")
                .withCandidate(activeVoxels * 4, "a source alias array")
                .withCandidate(tally, "the tally");
    }

    /**
     * Bytes of the physics tables and step settings as {@link DeviceTables} and {@link DeviceTransportSettings}
     * upload them; {@code largest[0]} receives the largest single array.
     */
    public static long tableBytes(EmissionArrays e, PhotonCrossSections xs, PhotonMajorant majorant,
                                  RayleighSampler rayleigh, ComptonSampler compton, ElectronTables el,
                                  long[] largest) {
        long[] sizes = {
            floats(e.betaEnergyMeV().length), floats(e.betaCdf().length), floats(e.betaDensity().length),
            floats(e.betaGuide().length), floats(e.fixedType().length), floats(e.fixedEnergyMeV().length),
            floats(e.chanceType().length), floats(e.chanceEnergyMeV().length), floats(e.chanceProbability().length),
            floats(e.chanceLogComplement().length),
            floats(xs.nodeLnEnergyArray().length), floats(xs.binFirstNodeArray().length),
            floats(xs.muOverRhoArray().length), floats(xs.logSlopeArray().length),
            floats(majorant.perBinArray().length), floats(rayleigh.inverseCdfX2Array().length),
            floats(rayleigh.cdfAtKmaxArray().length), floats(compton.scatteringFunctionArray().length),
            floats((long) ElectronTables.Quantity.values().length * el.materialCount() * el.nodeCount()),
            floats(el.bremsKappaCount()), floats(el.bremsShape().length),
            floats((long) el.materialCount() * el.nodeCount()), floats(el.materialCount())
        };
        long sum = 0;
        for (long s : sizes) {
            sum += s;
            largest[0] = Math.max(largest[0], s);
        }
        return sum;
    }

    /** Bytes of a decay source on the device: the alias table's three arrays, nothing for a point. */
    public static long sourceBytes(DecaySource source) {
        return source instanceof SourceSampler alias ? 3 * floats(alias.columns()) : 0;
    }

    /** Bytes of a tally of {@code bins} bins (two more slots) and the kernel's counters. */
    public static long tallyBytes(int bins) {
        return ((long) bins + 2) * Long.BYTES + COUNTER_BYTES;
    }

    /** The same run with {@code copies} copies of the tally and its counters (each its own buffers). */
    public DeviceMemoryEstimate withTallyCopies(int copies) {
        if (copies < 1 || copies > MAX_TALLY_COPIES) {
            throw new IllegalArgumentException("tally copies must be 1.." + MAX_TALLY_COPIES + ", got " + copies);
        }
        return new DeviceMemoryEstimate(gridBytes, tableBytes, sourceBytes, tallyBytes / tallyCopies * copies, copies,
                largestBufferBytes, largestBuffer);
    }

    /**
     * The estimate with two tally copies when they fit the device, else {@code estimate} with one: double buffering
     * is worth a batch's read-back time, not a refused run.
     */
    public static DeviceMemoryEstimate preferTwoTallies(DeviceMemoryEstimate estimate, OpenClDeviceInfo device) {
        DeviceMemoryEstimate two = estimate.withTallyCopies(2);
        return two.fits(device) ? two : estimate.withTallyCopies(1);
    }

    /** Whether the run fits the device: its total global memory and its largest allocation. */
    public boolean fits(OpenClDeviceInfo device) {
        return totalBytes() <= device.globalMemBytes() && largestBufferBytes <= device.maxAllocBytes();
    }

    /** Everything together. */
    public long totalBytes() {
        return gridBytes + tableBytes + sourceBytes + tallyBytes;
    }

    /**
     * Refuses a run that does not fit the device: more than its global memory in all, or one buffer larger than
     * its largest allowed allocation.
     *
     * @throws InsufficientDeviceMemoryException with a one-line message naming the sizes
     */
    public void requireFits(OpenClDeviceInfo device) {
        if (totalBytes() > device.globalMemBytes()) {
            throw new InsufficientDeviceMemoryException(String.format(Locale.ROOT,
                    "the OpenCL run needs %s of device memory (%s) but %s has %s", gb(totalBytes()), parts(),
                    device.deviceName(), gb(device.globalMemBytes())));
        }
        if (largestBufferBytes > device.maxAllocBytes()) {
            throw new InsufficientDeviceMemoryException(String.format(Locale.ROOT,
                    "the OpenCL run needs one buffer of %s (%s) but %s allocates at most %s at once",
                    gb(largestBufferBytes), largestBuffer, device.deviceName(), gb(device.maxAllocBytes())));
        }
    }

    /** The parts, for messages. */
    public String parts() {
        return String.format(Locale.ROOT, "grid %s, tables %s, source %s, tally %s%s", gb(gridBytes), gb(tableBytes),
                gb(sourceBytes), gb(tallyBytes), tallyCopies == 1 ? "" : " (" + tallyCopies + " copies)");
    }

    private DeviceMemoryEstimate withCandidate(long bytes, String what) {
        return bytes > largestBufferBytes
                ? new DeviceMemoryEstimate(gridBytes, tableBytes, sourceBytes, tallyBytes, tallyCopies, bytes, what)
                : this;
    }

    /** Bytes of a device array of n 4-byte elements; an empty one is a one-element placeholder. */
    private static long floats(long n) {
        return Math.max(1, n) * 4;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
