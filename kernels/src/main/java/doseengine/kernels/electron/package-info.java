/**
 * Electron physics as the kernels see it: the flat {@link doseengine.kernels.electron.ElectronTables}, lookups
 * ({@link doseengine.kernels.electron.ElectronLookup}) and the samplers of hard Moller collisions, hard
 * bremsstrahlung and elastic deflections. Float arithmetic, no allocation, random numbers from
 * {@link doseengine.kernels.UniformSource}; nothing here computes physics data. Layout:
 * {@code tables-electron.md} in this module's resources.
 */
package doseengine.kernels.electron;
