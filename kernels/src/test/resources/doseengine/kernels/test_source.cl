// Entry kernels that expose include/source.clh to the host, so tests can compare it with the Java
// SourceSampler, PointSource and IsotropicDirection. Not used by transport. Build with -DDECAY_SOURCE_ALIAS
// or -DDECAY_SOURCE_POINT.
#include "include/source.clh"

// Work-item i samples, from the stream of history first_history + i, one decay position (voxel[i],
// position[3i..3i+2]) then one isotropic direction (direction[3i..3i+2]); draws[i] = uniforms used.
__kernel void sample_decay_origins(DECAY_SOURCE_PARAMS, ulong seed, ulong first_history, uint purpose,
                                   __global int *voxel, __global float *position, __global float *direction,
                                   __global uint *draws) {
    DECAY_SOURCE_VIEW(source);
    size_t i = get_global_id(0);
    philox_stream rng;
    philox_stream_init(&rng, seed, first_history + i, purpose);
    float3 p;
    voxel[i] = decay_source_sample(&source, &rng, &p);
    float3 d = isotropic_direction_sample(&rng);
    vstore3(p, i, position);
    vstore3(d, i, direction);
    draws[i] = philox_stream_draws(&rng);
}

// column[i] = alias_source_column(u1[i], u2[i], n[i])
__kernel void compute_alias_columns(__global const float *u1, __global const float *u2, __global const uint *n,
                                    __global uint *column) {
    size_t i = get_global_id(0);
    column[i] = alias_source_column(u1[i], u2[i], n[i]);
}

// The constants of source.clh, for comparison with the Java ones.
__kernel void write_source_constants(__global float *out) {
    out[0] = SOURCE_TWO_PI;
}
