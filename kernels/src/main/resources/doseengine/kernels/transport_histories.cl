// Entry kernels of the transport: one work-item per history (transport.md), the twins of
// JavaHistoryDriver.run (transport_histories: one decay per history) and runPrimaries (transport_primaries: one
// given particle per history). Build options (OpenClHistoryDriver):
//   -DDECAY_SOURCE_ALIAS | -DDECAY_SOURCE_POINT   the decay source (include/source.clh)
//   -DTALLY_RADIAL_SHELLS                         score in radial shells instead of voxels (include/tally.clh)
//   -DTRANSPORT_STACK_CAPACITY=n                  secondaries per work-item (include/history.clh)
// Each work-item adds its counters once at its end: counters[0] stack overflows, counters[1] electron steps
// (64-bit atom_add), max_depth[0] the deepest its secondary stack has been (atomic_max).
#include "include/tables.clh"
#include "include/history.clh"
#include "include/photon_step.clh"
#include "include/electron_step.clh"

#define TRANSPORT_PURPOSE 0u  // RNG.md: purpose 0, a history's whole transport

// The decay's particles in the Java order. JavaHistoryDriver draws, from the one stream of the history: the
// source (6 or 0 uniforms), all of EmissionSampler.sampleDecay (D uniforms), then 2 per emission for its
// direction, in emission order, pushes every emission above its cutoff, and then transports the stack from the
// top: the last emission first, each with all its descendants before the next one down.
//
// A decay can emit ~190 particles (I-131), too many to keep per work-item, so the device walks the decay
// instead: a first walk counts the n emissions, scores their EMITTED energy and deposits those below their cutoff;
// the stream then skips the 2 n direction uniforms. Emission k (k = n-1 down to 0) is then found again (from a
// small cache, or by walking the decay again from its saved start), its direction read at word D + 2 k of the
// stream (Philox reaches any word directly), and it is transported with its descendants, drawing from where the
// Java kernel would be. Emissions are only photons and electrons (the host refuses tables with positrons), so no
// emission draws at creation.
#define TRANSPORT_EMISSION_CACHE 8

int transport_below_cutoff(const transport_settings *st, int type, float energy) {
    return type == PARTICLE_PHOTON ? energy < st->photon_cutoff : energy <= st->electron_cutoff;
}

// Finds emission k of the decay whose walk starts at decay_start (the stream just before the emission sampler).
void transport_find_emission(const emission_table *em, const philox_stream *decay_start, int k, int *type,
                             float *energy) {
    philox_stream r = *decay_start;
    emission_cursor c;
    emission_cursor_init(&c);
    for (int q = 0; q <= k; q++) {
        emission_next(em, &c, &r, type, energy);
    }
}

void transport_add_counters(const transport_history *h, __global long *counters, __global int *max_depth) {
    if (h->stack_overflows != 0) {
        atom_add(counters, h->stack_overflows);
    }
    if (h->electron_steps != 0) {
        atom_add(counters + 1, h->electron_steps);
    }
    atomic_max(max_depth, h->stack_high_water);
}

// Pops and transports particles, last in first out, until the stack is empty (JavaHistoryDriver.transportStack).
void transport_history_run_stack(transport_history *h) {
    while (h->stack_size > 0) {
        particle p = transport_history_pop(h);
        if (p.type == PARTICLE_PHOTON) {
            transport_photon(h, p);
        } else {
            transport_electron(h, p);
        }
    }
}

__kernel void transport_histories(PHYSICS_TABLES_PARAMS, VOXEL_GRID_PARAMS, TRANSPORT_SETTINGS_PARAMS,
                                  TALLY_PARAMS, DECAY_SOURCE_PARAMS, ulong seed, ulong first_history, uint count,
                                  __global long *counters, __global int *max_depth) {
    uint id = get_global_id(0);
    if (id >= count) {
        return;
    }
    PHYSICS_TABLES_VIEW(emission, photons, electrons);
    VOXEL_GRID_VIEW(grid);
    TRANSPORT_SETTINGS_VIEW(settings);
    ENERGY_TALLY_VIEW(tally);
    DECAY_SOURCE_VIEW(source);
    transport_history h;
    transport_history_init(&h, &photons, &electrons, &grid, &settings, &tally);
#ifdef TALLY_RADIAL_SHELLS
    RADIAL_SHELLS_VIEW(shells);
    h.shells = &shells;
#endif
    philox_stream_init(&h.rng, seed, first_history + id, TRANSPORT_PURPOSE);
    float3 position;
    int voxel = decay_source_sample(&source, &h.rng, &position);

    // First walk: count, score EMITTED, deposit what stays below its cutoff.
    const philox_stream decay_start = h.rng;
    int cached_type[TRANSPORT_EMISSION_CACHE];
    float cached_energy[TRANSPORT_EMISSION_CACHE];
    emission_cursor cursor;
    emission_cursor_init(&cursor);
    int type;
    float energy;
    int n = 0;
    while (emission_next(&emission, &cursor, &h.rng, &type, &energy)) {
        transport_history_emit(&h, energy);
        if (transport_below_cutoff(&settings, type, energy)) {
            transport_history_deposit(&h, voxel, position.x, position.y, position.z, energy);
        }
        if (n < TRANSPORT_EMISSION_CACHE) {
            cached_type[n] = type;
            cached_energy[n] = energy;
        }
        n++;
    }
    uint directions = philox_stream_draws(&h.rng);
    philox_stream_seek(&h.rng, directions + 2u * (uint)n);

    // Then the emissions from the last to the first, each with all its descendants.
    for (int k = n - 1; k >= 0; k--) {
        if (k < TRANSPORT_EMISSION_CACHE) {
            type = cached_type[k];
            energy = cached_energy[k];
        } else {
            transport_find_emission(&emission, &decay_start, k, &type, &energy);
        }
        if (transport_below_cutoff(&settings, type, energy)) {
            continue;
        }
        philox_stream d = h.rng;
        philox_stream_seek(&d, directions + 2u * (uint)k);
        float3 direction = isotropic_direction_sample(&d);
        transport_history_push(&h, type, energy, position.x, position.y, position.z, direction.x, direction.y,
                               direction.z, voxel);
        transport_history_run_stack(&h);
    }
    transport_history_flush(&h);
    transport_add_counters(&h, counters, max_depth);
}

// Histories that each start with one given particle instead of a decay (JavaHistoryDriver.runPrimaries): its
// direction is isotropic (2 uniforms, the first draws of the history) or given; EMITTED gets its kinetic energy,
// plus 2 m c^2 for a positron.
__kernel void transport_primaries(PHYSICS_TABLES_PARAMS, VOXEL_GRID_PARAMS, TRANSPORT_SETTINGS_PARAMS,
                                  TALLY_PARAMS, int primary_type, float primary_energy, float primary_x,
                                  float primary_y, float primary_z, int primary_voxel, float primary_u,
                                  float primary_v, float primary_w, int primary_isotropic, ulong seed,
                                  ulong first_history, uint count, __global long *counters,
                                  __global int *max_depth) {
    uint id = get_global_id(0);
    if (id >= count) {
        return;
    }
    PHYSICS_TABLES_VIEW(emission, photons, electrons);
    VOXEL_GRID_VIEW(grid);
    TRANSPORT_SETTINGS_VIEW(settings);
    ENERGY_TALLY_VIEW(tally);
    transport_history h;
    transport_history_init(&h, &photons, &electrons, &grid, &settings, &tally);
#ifdef TALLY_RADIAL_SHELLS
    RADIAL_SHELLS_VIEW(shells);
    h.shells = &shells;
#endif
    philox_stream_init(&h.rng, seed, first_history + id, TRANSPORT_PURPOSE);
    float3 direction = (float3)(primary_u, primary_v, primary_w);
    if (primary_isotropic) {
        direction = isotropic_direction_sample(&h.rng);
    }
    transport_history_emit(&h, primary_type == PARTICLE_POSITRON
                                   ? primary_energy + TWO_ELECTRON_REST_ENERGIES_MEV : primary_energy);
    transport_history_secondary(&h, primary_type, primary_energy, primary_x, primary_y, primary_z, direction.x,
                                direction.y, direction.z, primary_voxel);
    transport_history_run_stack(&h);
    transport_history_flush(&h);
    transport_add_counters(&h, counters, max_depth);
}
