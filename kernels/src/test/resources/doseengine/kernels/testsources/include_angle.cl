// KernelSourceTest: system-style includes are refused (OpenCL has no system headers to find).
#include <philox.clh>
