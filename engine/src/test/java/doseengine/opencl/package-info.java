/**
 * Twin tests of the OpenCL device functions whose tables the engine builds: {@code EmissionOpenClTest}
 * ({@code emission.clh}), {@code PhotonOpenClTest} ({@code photon_cross_sections.clh}, {@code photon_majorant.clh},
 * {@code compton.clh}, {@code rayleigh.clh}), {@code ElectronOpenClTest} ({@code electron_tables.clh},
 * {@code electron_lookup.clh}, {@code moller.clh}, {@code bremsstrahlung.clh}, {@code elastic.clh},
 * {@code straggling.clh}) and {@code DeviceTablesTest} ({@code tables.clh}). Each compares a device function with
 * its Java twin in the kernels module, sample by sample.
 *
 * <p>Why here and not in the kernels module, beside the other twin tests: their inputs are real physics tables
 * (cross sections and samplers of six materials, the electron tables of {@code ElectronTablesBuilder}, the emission
 * arrays of ICRP-107 nuclides, a Woodcock majorant), which only the engine builds from its data files. The kernels
 * module cannot depend on the engine, not even for its tests, because the engine depends on the kernels module:
 * Maven refuses the cycle. Moving them would need the tables as fixture files in the kernels module's test
 * resources, written by the engine and checked there against what it builds; until then they stay here.
 *
 * <p>What they share with the kernels module's own twin tests comes from its test-jar, one copy for both:
 * {@code doseengine.kernels.opencl.OpenClTestSupport} (the device, skip or fail without one),
 * {@code doseengine.kernels.opencl.UlpDifference} and the {@code test_*.cl} entry kernels that expose the device
 * functions (loaded by {@code KernelSource} from the test classpath; the product jar does not hold them).
 */
package doseengine.opencl;
