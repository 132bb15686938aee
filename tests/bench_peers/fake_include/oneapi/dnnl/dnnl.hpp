// Stands for oneDNN installed without the OpenCL headers it was built to
// use (libdnnl-dev with --no-install-recommends, an OpenCL build of
// oneDNN): its header reaches for CL/cl.h, which is not there. The bench's
// oneDNN probe must fail to compile against it.
#include <CL/cl.h>
