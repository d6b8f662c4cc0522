// KernelSourceTest: cycle_a.clh and cycle_b.clh include each other.
#include "testsources/include/cycle_a.clh"
