/**
 * Image files of the voxel world: NIfTI-1 ({@code .nii}, {@code .nii.gz}, {@code .hdr/.img}) and MetaImage
 * ({@code .mhd}, {@code .mha}), read into and written from {@link doseengine.geometry.Volume}s on an LPS
 * {@link doseengine.geometry.VoxelGrid}. Start at {@link doseengine.geometry.io.ImageFiles}.
 *
 * <p>Readers stream the voxels in fixed-size chunks straight into the volume's array, so a 512x512x600 CT
 * costs its array plus about a megabyte. Every problem with a file is an
 * {@link doseengine.geometry.io.ImageFormatException}: one line naming the file and the problem; no
 * IOException or IllegalArgumentException escapes.
 */
package doseengine.geometry.io;
