package doseengine.geometry.io;

/**
 * How one voxel value is stored on disk. The set is what both NIfTI-1 and MetaImage files in the clinic
 * use for scalar images; 64-bit integers, complex and colour types are refused.
 */
enum SampleType {
    UINT8(1), INT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), FLOAT32(4), FLOAT64(8);

    private final int bytes;

    SampleType(int bytes) {
        this.bytes = bytes;
    }

    int bytes() { return bytes; }

    /** The name used in messages: "int16", "float32". */
    @Override
    public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
}
