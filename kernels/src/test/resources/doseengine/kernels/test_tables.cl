// An entry kernel that reads one value from each of the tables bound by DeviceTables, so a test can check the
// argument order of PHYSICS_TABLES_PARAMS. Not used by transport.
#include "include/tables.clh"
#include "include/photon_majorant.clh"
#include "include/compton.clh"
#include "include/rayleigh.clh"
#include "include/electron_lookup.clh"

// sizes: emission maximum per decay, photon materials, nodes, bins, electron materials, nodes, kappas;
// values: beta energy at u, mu/rho total of material m at ln E, majorant at ln E, Rayleigh P(k^2) there,
// S/Z at x = 1/Angstrom, electron restricted stopping power at energy, W_cc, W_cr, E_abs, last brems shape.
__kernel void read_physics_tables(PHYSICS_TABLES_PARAMS, float u, int m, float ln_energy, float energy,
                                  __global int *sizes, __global float *values) {
    PHYSICS_TABLES_VIEW(emission, photon, electron);
    sizes[0] = emission_max_per_decay(&emission);
    sizes[1] = photon.materials;
    sizes[2] = photon.nodes;
    sizes[3] = photon.bins;
    sizes[4] = electron.materials;
    sizes[5] = electron.nodes;
    sizes[6] = electron.kappa_count;
    int node = photon_node(&photon, ln_energy);
    values[0] = emission_sample_beta(&emission, u);
    values[1] = photon_mu_over_rho(&photon, PHOTON_TOTAL, m, node, ln_energy);
    values[2] = photon_majorant_at(&photon, ln_energy);
    values[3] = rayleigh_cdf_at_kmax(&photon, m, node, ln_energy);
    values[4] = compton_scattering_function(&photon, m, 1.0f);
    values[5] = electron_restricted_stopping_power(&electron, m, electron_grid_position(&electron, energy));
    values[6] = electron.moller_threshold;
    values[7] = electron.brems_threshold;
    values[8] = electron.absorption_cutoff;
    values[9] = electron.brems_shape[electron.materials * electron.nodes * electron.kappa_count - 1];
}
