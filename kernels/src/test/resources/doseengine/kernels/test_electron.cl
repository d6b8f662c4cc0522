// Entry kernels that expose the electron device files (electron_lookup.clh, moller.clh, bremsstrahlung.clh,
// elastic.clh, straggling.clh) to the host, so tests can compare them with the Java
// ElectronLookup, MollerSampler, BremsstrahlungSampler, ElasticSampler and EnergyLossStraggling. Not used by
// transport.
#include "include/electron_lookup.clh"
#include "include/moller.clh"
#include "include/bremsstrahlung.clh"
#include "include/elastic.clh"
#include "include/straggling.clh"

#define LOOKUPS 20

// out[i] = electron_grid_position(energy[i])
__kernel void compute_grid_positions(ELECTRON_TABLES_PARAMS, __global const float *energy, __global float *out) {
    ELECTRON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    out[i] = electron_grid_position(&tables, energy[i]);
}

// At grid position x[i] (given) of material[i], energy[i]: out[LOOKUPS * i + q] = the 14 quantities, then the
// CSDA and restricted ranges, the Moller, bremsstrahlung and hard elastic cross sections and the restricted
// stopping power through their named functions.
__kernel void look_up_electron_tables(ELECTRON_TABLES_PARAMS, __global const float *x,
                                      __global const int *material, __global const float *energy,
                                      __global float *out) {
    ELECTRON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    int m = material[i];
    __global float *o = out + LOOKUPS * i;
    for (int q = 0; q < ELECTRON_QUANTITY_COUNT; q++) {
        o[q] = electron_interpolate(&tables, q, m, x[i]);
    }
    o[14] = electron_csda_range(&tables, m, x[i]);
    o[15] = electron_restricted_range(&tables, m, x[i]);
    o[16] = electron_moller_cross_section(&tables, m, energy[i], x[i]);
    o[17] = electron_brems_cross_section(&tables, m, energy[i], x[i]);
    o[18] = electron_elastic_hard_cross_section(&tables, m, x[i]);
    o[19] = electron_restricted_stopping_power(&tables, m, x[i]);
}

// restricted[i], csda[i]: the energies whose restricted and CSDA ranges are range[i] in material[i].
__kernel void invert_ranges(ELECTRON_TABLES_PARAMS, __global const float *range, __global const int *material,
                            __global float *restricted, __global float *csda) {
    ELECTRON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    restricted[i] = electron_energy_from_restricted_range(&tables, material[i], range[i]);
    csda[i] = electron_energy_from_csda_range(&tables, material[i], range[i]);
}

// Work-item i, from the stream of history first_history + i: a Moller delta ray at energy[i] (threshold
// W_cc of the tables), then, from the stream with purpose + 1, a bremsstrahlung photon at energy[i] (grid
// position x[i] given) in material[i]; draws of each.
__kernel void sample_hard_events(ELECTRON_TABLES_PARAMS, ulong seed, ulong first_history, uint purpose,
                                 __global const float *energy, __global const float *x,
                                 __global const int *material, __global float *delta, __global uint *delta_draws,
                                 __global float *photon, __global uint *photon_draws) {
    ELECTRON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    philox_stream rng;
    philox_stream_init(&rng, seed, first_history + i, purpose);
    delta[i] = moller_sample_energy_transfer(energy[i], tables.moller_threshold, &rng);
    delta_draws[i] = philox_stream_draws(&rng);
    philox_stream_init(&rng, seed, first_history + i, purpose + 1u);
    photon[i] = brems_sample_photon_energy(&tables, material[i], energy[i], x[i], &rng);
    photon_draws[i] = philox_stream_draws(&rng);
}

// Work-item i, from the stream of history first_history + i: one hard elastic deflection then the soft
// deflection over the mass path path[i], both at grid position x[i] of material[i].
__kernel void sample_elastic_deflections(ELECTRON_TABLES_PARAMS, ulong seed, ulong first_history, uint purpose,
                                         __global const float *x, __global const int *material,
                                         __global const float *path, __global float *hard, __global float *soft) {
    ELECTRON_TABLES_VIEW(tables);
    size_t i = get_global_id(0);
    philox_stream rng;
    philox_stream_init(&rng, seed, first_history + i, purpose);
    hard[i] = elastic_sample_hard_deflection(&tables, material[i], x[i], &rng);
    soft[i] = elastic_sample_soft_deflection(&tables, material[i], x[i], path[i], &rng);
}

// Work-item i, from the stream of history first_history + i: the straggled soft loss of a step with mean
// mean_loss[i] and variance variance[i], the draws it took, and the largest loss of such a step.
__kernel void sample_straggling(ulong seed, ulong first_history, uint purpose, __global const float *mean_loss,
                                __global const float *variance, __global float *loss, __global uint *draws,
                                __global float *max_loss) {
    size_t i = get_global_id(0);
    philox_stream rng;
    philox_stream_init(&rng, seed, first_history + i, purpose);
    loss[i] = straggling_sample_loss(mean_loss[i], variance[i], &rng);
    draws[i] = philox_stream_draws(&rng);
    max_loss[i] = straggling_max_loss(mean_loss[i], variance[i]);
}

// The constants of electron_tables.clh, elastic.clh and straggling.clh, for comparison with the Java ones: the quantity indices, the electron
// mass and the isotropic limit.
__kernel void write_electron_constants(__global int *quantity, __global float *value) {
    quantity[0] = ELECTRON_RESTRICTED_STOPPING_POWER;
    quantity[1] = ELECTRON_TOTAL_STOPPING_POWER;
    quantity[2] = ELECTRON_LN_CSDA_RANGE;
    quantity[3] = ELECTRON_LN_RESTRICTED_RANGE;
    quantity[4] = ELECTRON_MOLLER_CROSS_SECTION;
    quantity[5] = ELECTRON_BREMS_CROSS_SECTION;
    quantity[6] = ELECTRON_ELASTIC_SCREENING;
    quantity[7] = ELECTRON_ELASTIC_HARD_CUTOFF;
    quantity[8] = ELECTRON_ELASTIC_HARD_CROSS_SECTION;
    quantity[9] = ELECTRON_ELASTIC_SOFT_TRANSPORT1;
    quantity[10] = ELECTRON_ELASTIC_SOFT_TRANSPORT2;
    quantity[11] = ELECTRON_ELASTIC_TRANSPORT1;
    quantity[12] = ELECTRON_ELASTIC_CROSS_SECTION;
    quantity[13] = ELECTRON_SOFT_STRAGGLING;
    quantity[14] = ELECTRON_QUANTITY_COUNT;
    value[0] = ELECTRON_REST_ENERGY_MEV;
    value[1] = ELECTRON_ISOTROPIC_LIMIT;
    value[2] = STRAGGLING_SQRT3;
    value[3] = STRAGGLING_TWO_PI;
}
