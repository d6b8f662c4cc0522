package doseengine.kernels.transport;

/**
 * The particles of one history waiting to be transported: a bounded last-in-first-out stack kept as a structure
 * of arrays (type, kinetic energy, position, direction, voxel), allocated once per thread and reused for every
 * history. The OpenCL twin keeps the same arrays per work-item.
 *
 * <p>A push onto a full stack is refused ({@link #push} returns false); the caller then deposits the particle's
 * energy where it was created and counts the overflow, so no energy is ever lost (transport.md, "Stack").
 *
 * <p>Device twin: {@code include/history.clh}: {@code particle}, the {@code stack_*} arrays of
 * {@code transport_history}, {@code transport_history_push}, {@code transport_history_pop}.
 */
final class ParticleStack {
    final int capacity;
    final int[] type;
    final float[] energy;
    final float[] x;
    final float[] y;
    final float[] z;
    final float[] u;
    final float[] v;
    final float[] w;
    final int[] voxel;
    int size;
    /** The largest size reached since construction: how much of the capacity histories really use. */
    int highWater;

    ParticleStack(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("particle stack capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        type = new int[capacity];
        energy = new float[capacity];
        x = new float[capacity];
        y = new float[capacity];
        z = new float[capacity];
        u = new float[capacity];
        v = new float[capacity];
        w = new float[capacity];
        voxel = new int[capacity];
    }

    /** Adds a particle on top; false (and nothing stored) when the stack is full. */
    boolean push(int particleType, float energyMeV, float px, float py, float pz, float du, float dv, float dw,
                 int voxelIndex) {
        int n = size;
        if (n == capacity) {
            return false;
        }
        type[n] = particleType;
        energy[n] = energyMeV;
        x[n] = px;
        y[n] = py;
        z[n] = pz;
        u[n] = du;
        v[n] = dv;
        w[n] = dw;
        voxel[n] = voxelIndex;
        size = n + 1;
        if (size > highWater) {
            highWater = size;
        }
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Removes the top particle and returns its index; its data stay readable until the next push. */
    int pop() {
        return --size;
    }
}
