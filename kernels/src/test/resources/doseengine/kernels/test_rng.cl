// Entry kernels that expose include/philox.clh to the host, so tests can compare it with the Java
// Philox4x32 / PhiloxStream bit for bit. Not used by transport.
#include "include/philox.clh"

// out[4i..4i+3] = philox4x32_10(counters[4i..4i+3], keys[2i..2i+1])
__kernel void generate_philox_blocks(__global const uint *counters, __global const uint *keys,
                                     __global uint *out) {
    size_t i = get_global_id(0);
    vstore4(philox4x32_10(vload4(i, counters), vload2(i, keys)), i, out);
}

// Work-item i draws the first draws_per_history floats of history first_history + i.
__kernel void generate_uniform_floats(ulong seed, ulong first_history, uint purpose,
                                      uint draws_per_history, __global float *out) {
    size_t i = get_global_id(0);
    philox_stream s;
    philox_stream_init(&s, seed, first_history + i, purpose);
    for (uint j = 0; j < draws_per_history; j++) {
        out[i * draws_per_history + j] = philox_next_float(&s);
    }
}

// out[i] = philox_uint_to_float(words[i])
__kernel void convert_uints_to_floats(__global const uint *words, __global float *out) {
    size_t i = get_global_id(0);
    out[i] = philox_uint_to_float(words[i]);
}

// out[i] = philox_exp_sample(u[i])
__kernel void generate_exp_samples(__global const float *u, __global float *out) {
    size_t i = get_global_id(0);
    out[i] = philox_exp_sample(u[i]);
}
