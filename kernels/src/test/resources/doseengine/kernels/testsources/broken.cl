// OpenClProgramTest: compiles, but does not link: no_such_function is declared and never defined.
float no_such_function(float x);

__kernel void call_undefined(__global float *out) {
    out[0] = no_such_function(1.0f);
}
