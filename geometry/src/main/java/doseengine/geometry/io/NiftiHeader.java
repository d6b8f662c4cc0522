package doseengine.geometry.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The fields of the 348-byte NIfTI-1 header that locate and orient the voxels, at the byte offsets of
 * nifti1.h (NIfTI-1 Data Format Working Group, 2004). The byte order is the one in which sizeof_hdr reads 348.
 */
final class NiftiHeader {
    static final int SIZE = 348;
    /** Header plus the 4-byte extension flag: the smallest vox_offset of a single-file (n+1) image. */
    static final int SINGLE_FILE_DATA_OFFSET = 352;

    static final int OFF_DIM = 40, OFF_DATATYPE = 70, OFF_BITPIX = 72, OFF_PIXDIM = 76, OFF_VOX_OFFSET = 108,
            OFF_SCL_SLOPE = 112, OFF_SCL_INTER = 116, OFF_XYZT_UNITS = 123, OFF_DESCRIP = 148,
            OFF_QFORM_CODE = 252, OFF_SFORM_CODE = 254, OFF_QUATERN_B = 256, OFF_QOFFSET_X = 268,
            OFF_SROW_X = 280, OFF_MAGIC = 344;

    /** NIFTI_XFORM_SCANNER_ANAT: coordinates are the scanner's patient coordinates. */
    static final short XFORM_SCANNER_ANAT = 1;
    /** NIFTI_UNITS_MM. */
    static final byte UNITS_MM = 2;

    final ByteOrder order;
    /** True for "n+1" (data in the same file), false for "ni1" (data in the .img beside the .hdr). */
    final boolean singleFile;
    final short[] dim = new short[8];
    final short datatype;
    final short bitpix;
    final float[] pixdim = new float[8];
    final float voxOffset;
    final float sclSlope;
    final float sclInter;
    final int xyztUnits;
    final short qformCode;
    final short sformCode;
    final float quaternB, quaternC, quaternD;
    final float[] qoffset = new float[3];
    /** srow_x, srow_y, srow_z: rows of the 3x4 sform affine, row-major. */
    final float[] srow = new float[12];

    private NiftiHeader(ByteBuffer bb, boolean singleFile) {
        this.order = bb.order();
        this.singleFile = singleFile;
        for (int i = 0; i < 8; i++) {
            dim[i] = bb.getShort(OFF_DIM + 2 * i);
            pixdim[i] = bb.getFloat(OFF_PIXDIM + 4 * i);
        }
        datatype = bb.getShort(OFF_DATATYPE);
        bitpix = bb.getShort(OFF_BITPIX);
        voxOffset = bb.getFloat(OFF_VOX_OFFSET);
        sclSlope = bb.getFloat(OFF_SCL_SLOPE);
        sclInter = bb.getFloat(OFF_SCL_INTER);
        xyztUnits = bb.get(OFF_XYZT_UNITS) & 0xFF;
        qformCode = bb.getShort(OFF_QFORM_CODE);
        sformCode = bb.getShort(OFF_SFORM_CODE);
        quaternB = bb.getFloat(OFF_QUATERN_B);
        quaternC = bb.getFloat(OFF_QUATERN_B + 4);
        quaternD = bb.getFloat(OFF_QUATERN_B + 8);
        for (int i = 0; i < 3; i++) {
            qoffset[i] = bb.getFloat(OFF_QOFFSET_X + 4 * i);
        }
        for (int i = 0; i < 12; i++) {
            srow[i] = bb.getFloat(OFF_SROW_X + 4 * i);
        }
    }

    /** Parses the first {@link #SIZE} bytes of {@code h}, which must hold a whole header. */
    static NiftiHeader parse(byte[] h, Path file) {
        ByteBuffer bb = ByteBuffer.wrap(h, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getInt(0) != SIZE) {
            bb.order(ByteOrder.BIG_ENDIAN);
            if (bb.getInt(0) != SIZE) {
                int le = Integer.reverseBytes(bb.getInt(0));
                if (le == 540 || bb.getInt(0) == 540) {
                    throw new ImageFormatException(file, "NIfTI-2 files are not supported; save as NIfTI-1");
                }
                throw new ImageFormatException(file, "not a NIfTI-1 file: sizeof_hdr is " + le
                        + " (little-endian) or " + bb.getInt(0) + " (big-endian), expected 348");
            }
        }
        String magic = new String(h, OFF_MAGIC, 4, StandardCharsets.ISO_8859_1);
        boolean single;
        if (magic.equals("n+1\0")) {
            single = true;
        } else if (magic.equals("ni1\0")) {
            single = false;
        } else {
            throw new ImageFormatException(file, "no NIfTI-1 magic (\"n+1\" or \"ni1\"); an Analyze 7.5 header "
                    + "has no defined orientation, convert it to NIfTI-1 first");
        }
        return new NiftiHeader(bb, single);
    }

    /**
     * A single-file header plus the 4 zero extension bytes. {@code sform} and {@code quatern} (b, c, d, qfac)
     * describe the same RAS mm geometry; both codes are scanner-anatomical because a grid's world is the
     * scanner's patient coordinate system.
     */
    static byte[] encode(short[] dims, short datatype, short bitpix, double[] spacing, double[] quatern,
            double[] qoffset, double[] sform) {
        ByteBuffer bb = ByteBuffer.allocate(SINGLE_FILE_DATA_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(0, SIZE);
        bb.put(38, (byte) 'r'); // "regular": Analyze 7.5 field, set by every NIfTI writer
        for (int i = 0; i < 8; i++) {
            bb.putShort(OFF_DIM + 2 * i, dims[i]);
        }
        bb.putShort(OFF_DATATYPE, datatype);
        bb.putShort(OFF_BITPIX, bitpix);
        float[] pixdim = {(float) quatern[3], (float) spacing[0], (float) spacing[1], (float) spacing[2], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            bb.putFloat(OFF_PIXDIM + 4 * i, pixdim[i]);
        }
        bb.putFloat(OFF_VOX_OFFSET, SINGLE_FILE_DATA_OFFSET);
        bb.putFloat(OFF_SCL_SLOPE, 1);
        bb.putFloat(OFF_SCL_INTER, 0);
        bb.put(OFF_XYZT_UNITS, UNITS_MM);
        byte[] descrip = "doseengine".getBytes(StandardCharsets.US_ASCII);
        bb.put(OFF_DESCRIP, descrip);
        bb.putShort(OFF_QFORM_CODE, XFORM_SCANNER_ANAT);
        bb.putShort(OFF_SFORM_CODE, XFORM_SCANNER_ANAT);
        for (int i = 0; i < 3; i++) {
            bb.putFloat(OFF_QUATERN_B + 4 * i, (float) quatern[i]);
            bb.putFloat(OFF_QOFFSET_X + 4 * i, (float) qoffset[i]);
        }
        for (int i = 0; i < 12; i++) {
            bb.putFloat(OFF_SROW_X + 4 * i, (float) sform[i]);
        }
        bb.put(OFF_MAGIC, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return bb.array();
    }
}
