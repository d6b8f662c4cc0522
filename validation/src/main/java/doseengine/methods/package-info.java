/**
 * The clinic's fast dose methods beside Monte Carlo ({@code doseengine compare}): local energy deposition, dose point
 * kernel and voxel S value convolution, the sphere model. The package lives in the validation module because its
 * kernels are the validation benchmarks' own Monte Carlo runs (a point source in water as {@code validate dpk}, a
 * voxel source as {@code validate vsv}, spheres as {@code validate sphere}); the arithmetic on plain grids
 * (convolution, voxel integration of kernels, gamma index) is in the dosimetry module.
 */
package doseengine.methods;
