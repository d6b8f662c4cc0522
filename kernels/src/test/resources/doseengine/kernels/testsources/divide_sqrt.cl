// quotient[i] = a[i] / b[i], root[i] = sqrt(a[i]): correctly rounded when built with
// -cl-fp32-correctly-rounded-divide-sqrt (OpenClProgram adds it where the device supports it).
__kernel void divide_and_sqrt(__global const float *a, __global const float *b, __global float *quotient,
                              __global float *root) {
    size_t i = get_global_id(0);
    quotient[i] = a[i] / b[i];
    root[i] = sqrt(a[i]);
}
