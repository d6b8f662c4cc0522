/**
 * Electron interaction data for class II condensed-history transport (DESIGN.md 3.3), 1 keV to 3 MeV, and the
 * flat tables the kernels read.
 *
 * <ul>
 * <li>{@link doseengine.physics.electron.CollisionStoppingPower}: Bethe (ICRU 37) with ESTAR's density effect,
 *     unrestricted and restricted to transfers below W_cc; {@link doseengine.physics.electron.DensityEffect}
 *     falls back on {@link doseengine.physics.electron.SternheimerPeierlsDensityEffect} for mixtures.</li>
 * <li>{@link doseengine.physics.electron.BremsstrahlungModel}: Seltzer-Berger radiative stopping power, its soft
 *     part below W_cr and the hard cross section ({@link doseengine.physics.electron.SeltzerBergerTable}).</li>
 * <li>{@link doseengine.physics.electron.MollerCrossSection}: hard inelastic collisions above W_cc.</li>
 * <li>{@link doseengine.physics.electron.WentzelElasticModel}: screened Rutherford elastic scattering with Moliere
 *     screening, and the soft/hard split of the mixed scheme; its amplitude carries the spin correction of
 *     {@link doseengine.physics.electron.MottCorrection} (McKinley-Feshbach, matched on the first transport cross
 *     section).</li>
 * <li>{@link doseengine.physics.electron.RangeIntegrator}: CSDA and restricted ranges.</li>
 * <li>{@link doseengine.physics.electron.ElectronTablesBuilder}: samples all of it on a ln T grid into
 *     {@link doseengine.kernels.electron.ElectronTables}.</li>
 * </ul>
 *
 * <p>Measured against NIST ESTAR for liquid water (tests in this package): collision stopping power within
 * +0.008 % (10 keV - 1 MeV), radiative stopping power -0.01 % to -0.34 % (10 keV - 3 MeV), CSDA range +0.36 % at
 * 10 keV (the part below 1 keV, see RangeIntegrator) and within 0.03 % from 100 keV to 2 MeV.
 */
package doseengine.physics.electron;
