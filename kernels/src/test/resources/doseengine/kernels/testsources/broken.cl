// OpenClProgramTest: does not compile (line 4 uses an undeclared name).
__kernel void write_undeclared(__global float *out) {
    out[0] = 1.0f;
    out[1] = no_such_variable;
}
