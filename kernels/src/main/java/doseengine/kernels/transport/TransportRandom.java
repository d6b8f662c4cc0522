package doseengine.kernels.transport;

/**
 * Purpose ids of the transport's Philox streams (RNG.md, "Key and counter"). A history draws every number of its
 * transport, from the decay position to the last electron step, from the one stream (seed, history, 0), in the
 * order transport.md lists.
 */
final class TransportRandom {
    /** The stream of a history's decay and transport. */
    static final int PURPOSE_TRANSPORT = 0;

    private TransportRandom() {}
}
