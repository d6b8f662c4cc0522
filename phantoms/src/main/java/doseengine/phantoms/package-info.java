/**
 * Analytic phantoms rendered onto a {@link doseengine.geometry.VoxelGrid}: CT numbers (HU), activity (MBq per
 * voxel) and labels, with sub-voxel sampling so that partial volumes and total activities are right.
 *
 * <p>Shapes ({@link doseengine.phantoms.Sphere}, {@link doseengine.phantoms.Ellipsoid},
 * {@link doseengine.phantoms.EllipticCylinder}, {@link doseengine.phantoms.Box},
 * {@link doseengine.phantoms.HalfSpace}, {@link doseengine.phantoms.Union},
 * {@link doseengine.phantoms.Intersection}) are painted as {@link doseengine.phantoms.Layer}s by the
 * {@link doseengine.phantoms.Rasterizer}; {@link doseengine.phantoms.PhantomCatalog} names the phantoms.
 * {@link doseengine.phantoms.TorsoStudy} is the torso as a synthetic patient: images at four time points after
 * injection from known kinetics per structure.
 */
package doseengine.phantoms;
