package doseengine.geometry.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds NIfTI-1 files byte by byte at the offsets of nifti1.h, independently of the production code, so tests
 * can make the unusual-but-valid and the broken files real scanners and tools produce.
 */
final class NiftiBytes {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int sizeofHdr = 348;
    short[] dim = {3, 7, 5, 3, 1, 1, 1, 1};
    short datatype = 4;
    short bitpix = 16;
    float[] pixdim = {1, 1, 1, 1, 0, 0, 0, 0};
    float voxOffset = 352;
    float sclSlope = 0;
    float sclInter = 0;
    byte xyztUnits = 2;
    short qformCode = 0;
    short sformCode = 0;
    float[] quatern = {0, 0, 0};
    float[] qoffset = {0, 0, 0};
    float[] srow = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
    String magic = "n+1\0";
    /** Bytes from 348 up to vox_offset (extension flag and extensions); zero-filled when null. */
    byte[] extension;

    /** The header alone (348 bytes). */
    byte[] header() {
        ByteBuffer bb = ByteBuffer.allocate(348).order(order);
        bb.putInt(0, sizeofHdr);
        for (int i = 0; i < 8; i++) {
            bb.putShort(40 + 2 * i, dim[i]);
            bb.putFloat(76 + 4 * i, pixdim[i]);
        }
        bb.putShort(70, datatype);
        bb.putShort(72, bitpix);
        bb.putFloat(108, voxOffset);
        bb.putFloat(112, sclSlope);
        bb.putFloat(116, sclInter);
        bb.put(123, xyztUnits);
        bb.putShort(252, qformCode);
        bb.putShort(254, sformCode);
        for (int i = 0; i < 3; i++) {
            bb.putFloat(256 + 4 * i, quatern[i]);
            bb.putFloat(268 + 4 * i, qoffset[i]);
        }
        for (int i = 0; i < 12; i++) {
            bb.putFloat(280 + 4 * i, srow[i]);
        }
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 4; i++) {
            bb.put(344 + i, m[i]);
        }
        return bb.array();
    }

    /** A single file: header, the bytes up to vox_offset, then {@code data}. */
    byte[] singleFile(byte[] data) {
        int off = (int) voxOffset;
        byte[] out = new byte[off + data.length];
        System.arraycopy(header(), 0, out, 0, 348);
        if (extension != null) {
            System.arraycopy(extension, 0, out, 348, extension.length);
        }
        System.arraycopy(data, 0, out, off, data.length);
        return out;
    }

    /** Stored samples of int16 values in the builder's byte order. */
    byte[] int16(int... values) {
        ByteBuffer bb = ByteBuffer.allocate(2 * values.length).order(order);
        for (int v : values) {
            bb.putShort((short) v);
        }
        return bb.array();
    }

    byte[] float32(float... values) {
        ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            bb.putFloat(v);
        }
        return bb.array();
    }

    byte[] float64(double... values) {
        ByteBuffer bb = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            bb.putDouble(v);
        }
        return bb.array();
    }

    byte[] int32(long... values) {
        ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(order);
        for (long v : values) {
            bb.putInt((int) v);
        }
        return bb.array();
    }

    /** 0, 1, 2, ... : one distinct value per voxel of the builder's dims. */
    static int[] ramp(int n, int start, int step) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return v;
    }
}
