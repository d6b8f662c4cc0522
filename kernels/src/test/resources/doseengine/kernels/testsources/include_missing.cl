// KernelSourceTest: an include that does not exist.
#include "include/no_such_file.clh"
