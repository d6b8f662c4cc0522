// Entry kernels that expose include/tally.clh to the host, so tests can compare it with the Java tallies
// (doseengine.kernels.tally) unit for unit. Not used by transport. Build with -DTALLY_RADIAL_SHELLS.
#include "include/tally.clh"

// units[i] = fixed_point_energy_to_units(energy[i])
__kernel void convert_energies_to_units(__global const float *energy, __global long *units) {
    size_t i = get_global_id(0);
    units[i] = fixed_point_energy_to_units(energy[i]);
}

// Work-item i makes per_item deposits energy[i * per_item + d] into slot[i * per_item + d]: a voxel
// (0 .. bins-1), ESCAPED (bins) or EMITTED (bins + 1), through the function a transport would call.
__kernel void deposit_energies(ENERGY_TALLY_PARAMS, __global const int *slot, __global const float *energy,
                               int per_item) {
    ENERGY_TALLY_VIEW(tally);
    size_t first = get_global_id(0) * (size_t)per_item;
    for (int d = 0; d < per_item; d++) {
        int s = slot[first + d];
        float e = energy[first + d];
        if (s == tally.bins) {
            energy_tally_escape(&tally, e);
        } else if (s == tally.bins + 1) {
            energy_tally_emit(&tally, e);
        } else {
            voxel_tally_deposit(&tally, s, e);
        }
    }
}

// Deposit i at position xyz[3i .. 3i+2] (cm) with energy[i]; shell[i] = the shell it went to (-1: escaped).
__kernel void deposit_at_positions(TALLY_PARAMS, __global const float *xyz, __global const float *energy,
                                   __global int *shell) {
    ENERGY_TALLY_VIEW(tally);
    RADIAL_SHELLS_VIEW(shells);
    size_t i = get_global_id(0);
    float r2 = radial_shell_squared_radius(&shells, xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    shell[i] = radial_shell_of_squared_radius(&shells, r2);
    radial_shell_deposit(&shells, &tally, xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], energy[i]);
}

// Deposit i at squared radius r2[i] (cm2) with energy[i]; shell[i] = the shell it went to (-1: escaped).
__kernel void deposit_at_squared_radii(TALLY_PARAMS, __global const float *r2, __global const float *energy,
                                       __global int *shell) {
    ENERGY_TALLY_VIEW(tally);
    RADIAL_SHELLS_VIEW(shells);
    size_t i = get_global_id(0);
    shell[i] = radial_shell_of_squared_radius(&shells, r2[i]);
    radial_shell_deposit_at_squared_radius(&shells, &tally, r2[i], energy[i]);
}
