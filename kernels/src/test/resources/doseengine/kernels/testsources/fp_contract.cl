// OpenClProgramTest: out[0] = a*b + c must round a*b before adding c (FP_CONTRACT OFF), as Java does.
#ifndef FP_CONTRACT_OFF
#error "built without -DFP_CONTRACT_OFF: use OpenClProgram.build"
#endif

__kernel void multiply_add(float a, float b, float c, __global float *out) {
    out[0] = a * b + c;
}
