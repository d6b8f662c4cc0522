// Entry kernels that expose the photon device files (photon_cross_sections.clh, photon_majorant.clh, compton.clh,
// rayleigh.clh) to the host, so tests can compare them with the Java
// PhotonCrossSections, PhotonMajorant, ComptonSampler and RayleighSampler. Not used by transport.
#include "include/photon_cross_sections.clh"
#include "include/photon_majorant.clh"
#include "include/compton.clh"
#include "include/rayleigh.clh"

// Lookups at ln_energy[i] (given) in material[i]: bin, node, mu/rho of the five processes
// (mu[5i + p]), the majorant and the process chosen with u[i].
__kernel void look_up_cross_sections(PHOTON_TABLES_PARAMS, __global const float *ln_energy,
                                     __global const int *material, __global const float *u, __global int *bin,
                                     __global int *node, __global float *mu, __global float *majorant,
                                     __global int *process) {
    PHOTON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    float ln_e = ln_energy[i];
    int m = material[i];
    int n = photon_node(&tables, ln_e);
    bin[i] = photon_bin(&tables, ln_e);
    node[i] = n;
    for (int p = 0; p < 5; p++) {
        mu[5 * i + p] = photon_mu_over_rho(&tables, p, m, n, ln_e);
    }
    majorant[i] = photon_majorant_at(&tables, ln_e);
    process[i] = photon_select_process(&tables, m, n, ln_e, u[i]);
}

// The lookup as the transport does it, from the energy (MeV): ln E by the device's log, its node and the
// total mu/rho.
__kernel void look_up_at_energies(PHOTON_TABLES_PARAMS, __global const float *energy,
                                  __global const int *material, __global float *ln_energy, __global int *node,
                                  __global float *mu_total) {
    PHOTON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    float ln_e = log(energy[i]);
    ln_energy[i] = ln_e;
    node[i] = photon_node(&tables, ln_e);
    mu_total[i] = photon_mu_over_rho_at(&tables, PHOTON_TOTAL, material[i], ln_e);
}

// out[i] = S(x[i])/Z of material[i]
__kernel void compute_scattering_functions(PHOTON_TABLES_PARAMS, __global const float *x,
                                           __global const int *material, __global float *out) {
    PHOTON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    out[i] = compton_scattering_function(&tables, material[i], x[i]);
}

// Work-item i scatters a photon of energy[i] in material[i] (bound = 1) or off a free electron (bound = 0),
// from the stream of history first_history + i.
__kernel void sample_compton(PHOTON_TABLES_PARAMS, ulong seed, ulong first_history, uint purpose, int bound,
                             __global const float *energy, __global const int *material,
                             __global float *cos_theta, __global float *photon_energy,
                             __global float *electron_energy, __global uint *draws) {
    PHOTON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    philox_stream rng;
    philox_stream_init(&rng, seed, first_history + i, purpose);
    photon_scatter s = bound ? compton_sample(&tables, material[i], energy[i], &rng)
                             : compton_sample_free_electron(&tables, energy[i], &rng);
    cos_theta[i] = s.cos_theta;
    photon_energy[i] = s.photon_energy;
    electron_energy[i] = s.electron_energy;
    draws[i] = philox_stream_draws(&rng);
}

// Work-item i samples the coherent angle of a photon of energy[i] (ln_energy[i] given) in material[i].
__kernel void sample_rayleigh(PHOTON_TABLES_PARAMS, ulong seed, ulong first_history, uint purpose,
                              __global const float *energy, __global const float *ln_energy,
                              __global const int *material, __global float *cos_theta, __global uint *draws) {
    PHOTON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    philox_stream rng;
    philox_stream_init(&rng, seed, first_history + i, purpose);
    int node = photon_node(&tables, ln_energy[i]);
    cos_theta[i] = rayleigh_sample_cos_theta(&tables, material[i], energy[i], ln_energy[i], node, &rng);
    draws[i] = philox_stream_draws(&rng);
}

// The constants of compton.clh, for comparison with the Java ones.
__kernel void write_photon_constants(__global float *out) {
    out[0] = ELECTRON_REST_ENERGY_MEV;
    out[1] = PHOTON_HC;
}
