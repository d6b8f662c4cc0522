// Entry kernels that expose include/emission.clh to the host, so tests can compare it with the Java
// EmissionSampler. Not used by transport.
#include "include/emission.clh"

// Work-item i walks the decay of history first_history + i: count[i] particles, the first `stored` of them
// written to type/energy[i * stored + n]; energy_sum[i] = their energies added in emission order;
// draws[i] = uniforms used.
__kernel void sample_decays(EMISSION_TABLE_PARAMS, ulong seed, ulong first_history, uint purpose,
                            int stored, __global int *count, __global int *type, __global float *energy,
                            __global float *energy_sum, __global uint *draws) {
    EMISSION_TABLE_VIEW(table);
    size_t i = get_global_id(0);
    philox_stream rng;
    philox_stream_init(&rng, seed, first_history + i, purpose);
    emission_cursor cursor;
    emission_cursor_init(&cursor);
    int n = 0;
    int t;
    float e;
    float sum = 0.0f;
    while (emission_next(&table, &cursor, &rng, &t, &e)) {
        if (n < stored) {
            type[i * stored + n] = t;
            energy[i * stored + n] = e;
        }
        sum += e;
        n++;
    }
    count[i] = n;
    energy_sum[i] = sum;
    draws[i] = philox_stream_draws(&rng);
}

// energy[i] = emission_sample_beta(u[i])
__kernel void sample_beta_energies(EMISSION_TABLE_PARAMS, __global const float *u, __global float *energy) {
    EMISSION_TABLE_VIEW(table);
    size_t i = get_global_id(0);
    energy[i] = emission_sample_beta(&table, u[i]);
}
