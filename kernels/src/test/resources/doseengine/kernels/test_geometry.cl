// Entry kernels that expose include/geometry.clh to the host, so tests can compare it with the Java
// VoxelNavigator value by value. Not used by transport. Points and directions are packed three floats per sample,
// voxel indices three ints per sample.
#include "include/geometry.clh"

// inside[n] = voxel_grid_contains(xyz[n]); voxel[n] = voxel_grid_voxel_of_point(xyz[n]) when inside, else -1
// (the transport asks for the voxel only after the point was found inside).
__kernel void locate_points(VOXEL_GRID_PARAMS, __global const float *xyz, __global int *inside,
                            __global int *voxel) {
    VOXEL_GRID_VIEW(g);
    size_t n = get_global_id(0);
    float x = xyz[3 * n];
    float y = xyz[3 * n + 1];
    float z = xyz[3 * n + 2];
    int in = voxel_grid_contains(&g, x, y, z);
    inside[n] = in;
    voxel[n] = in ? voxel_grid_voxel_of_point(&g, x, y, z) : -1;
}

// distance[n], axis[n] = voxel_grid_distance_to_face from xyz[n] in voxel ijk[n] along uvw[n].
__kernel void distances_to_face(VOXEL_GRID_PARAMS, __global const int *ijk, __global const float *xyz,
                                __global const float *uvw, __global float *distance, __global int *axis) {
    VOXEL_GRID_VIEW(g);
    size_t n = get_global_id(0);
    int a;
    distance[n] = voxel_grid_distance_to_face(&g, ijk[3 * n], ijk[3 * n + 1], ijk[3 * n + 2], xyz[3 * n],
                                              xyz[3 * n + 1], xyz[3 * n + 2], uvw[3 * n], uvw[3 * n + 1],
                                              uvw[3 * n + 2], &a);
    axis[n] = a;
}

// voxel_grid_cross_face through the face on axis[n] from voxel ijk[n] at xyz[n] along uvw[n]: the moved indices and
// position into ijk_out, xyz_out, and whether it is still inside.
__kernel void cross_faces(VOXEL_GRID_PARAMS, __global const int *axis, __global const float *uvw,
                          __global const int *ijk, __global const float *xyz, __global int *ijk_out,
                          __global float *xyz_out, __global int *inside) {
    VOXEL_GRID_VIEW(g);
    size_t n = get_global_id(0);
    int i = ijk[3 * n];
    int j = ijk[3 * n + 1];
    int k = ijk[3 * n + 2];
    float x = xyz[3 * n];
    float y = xyz[3 * n + 1];
    float z = xyz[3 * n + 2];
    inside[n] = voxel_grid_cross_face(&g, axis[n], uvw[3 * n], uvw[3 * n + 1], uvw[3 * n + 2], &i, &j, &k, &x, &y,
                                      &z);
    ijk_out[3 * n] = i;
    ijk_out[3 * n + 1] = j;
    ijk_out[3 * n + 2] = k;
    xyz_out[3 * n] = x;
    xyz_out[3 * n + 1] = y;
    xyz_out[3 * n + 2] = z;
}

// voxel_grid_woodcock_flight of flight[n] cm from xyz[n] along uvw[n]: the new position, whether it is inside and
// then its voxel (-1 outside).
__kernel void woodcock_flights(VOXEL_GRID_PARAMS, __global const float *flight, __global const float *uvw,
                               __global const float *xyz, __global float *xyz_out, __global int *inside,
                               __global int *voxel) {
    VOXEL_GRID_VIEW(g);
    size_t n = get_global_id(0);
    float x = xyz[3 * n];
    float y = xyz[3 * n + 1];
    float z = xyz[3 * n + 2];
    int v = -1;
    int in = voxel_grid_woodcock_flight(&g, flight[n], uvw[3 * n], uvw[3 * n + 1], uvw[3 * n + 2], &x, &y, &z, &v);
    xyz_out[3 * n] = x;
    xyz_out[3 * n + 1] = y;
    xyz_out[3 * n + 2] = z;
    inside[n] = in;
    voxel[n] = in ? v : -1;
}

// A straight walk as the vacuum branch of transport_electron makes it: from voxel ijk[n] at xyz[n] along uvw[n],
// distance to the face, move there, cross it, until the ray leaves the grid or max_faces faces are crossed. Per
// face f: distance[n * max_faces + f] and the flat voxel entered (-1: left the grid, -2: not reached).
__kernel void walk_rays(VOXEL_GRID_PARAMS, __global const int *ijk, __global const float *xyz,
                        __global const float *uvw, int max_faces, __global float *distance, __global int *entered) {
    VOXEL_GRID_VIEW(g);
    size_t n = get_global_id(0);
    int i = ijk[3 * n];
    int j = ijk[3 * n + 1];
    int k = ijk[3 * n + 2];
    float x = xyz[3 * n];
    float y = xyz[3 * n + 1];
    float z = xyz[3 * n + 2];
    float u = uvw[3 * n];
    float v = uvw[3 * n + 1];
    float w = uvw[3 * n + 2];
    int inside = 1;
    for (int f = 0; f < max_faces; f++) {
        size_t o = n * (size_t)max_faces + f;
        if (!inside) {
            distance[o] = -1.0f;
            entered[o] = -2;
            continue;
        }
        int axis;
        float d = voxel_grid_distance_to_face(&g, i, j, k, x, y, z, u, v, w, &axis);
        x += d * u;
        y += d * v;
        z += d * w;
        inside = voxel_grid_cross_face(&g, axis, u, v, w, &i, &j, &k, &x, &y, &z);
        distance[o] = d;
        entered[o] = inside ? voxel_grid_flat_index(&g, i, j, k) : -1;
    }
}
