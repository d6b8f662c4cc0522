// KernelSourceTest: philox.clh reached three times (twice directly, once through nested.clh) is inlined once.
#include "include/philox.clh"
#include "testsources/include/nested.clh"
#include "include/philox.clh"  // again

__kernel void copy_first_float(__global float *out) {
    out[0] = nested_first_float();
}
