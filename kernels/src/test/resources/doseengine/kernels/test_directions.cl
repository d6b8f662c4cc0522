// Entry kernels that expose include/directions.clh to the host, so a test can compare it with the Java
// Directions. Not used by transport.
#include "include/directions.clh"

// Work-item i: the rotation of (u, v, w)[3i..] by the angles in angles[4i..] (cos theta, sin theta, cos phi,
// sin phi) into out[3i..], and the two sines of c[i]: sin_from_cos[i] and sin_from_one_minus_cos[i].
__kernel void rotate_directions(__global const float *direction, __global const float *angles,
                                __global const float *c, __global float *out, __global float *sin_from_cos,
                                __global float *sin_from_one_minus_cos) {
    int i = get_global_id(0);
    float3 d = directions_rotate(direction[3 * i], direction[3 * i + 1], direction[3 * i + 2], angles[4 * i],
                                 angles[4 * i + 1], angles[4 * i + 2], angles[4 * i + 3]);
    out[3 * i] = d.x;
    out[3 * i + 1] = d.y;
    out[3 * i + 2] = d.z;
    sin_from_cos[i] = directions_sin_from_cos(c[i]);
    sin_from_one_minus_cos[i] = directions_sin_from_one_minus_cos(c[i]);
}

// The constant of directions.clh, for comparison with Directions.TWO_PI.
__kernel void write_directions_constants(__global float *out) {
    out[0] = TRANSPORT_TWO_PI;
}
