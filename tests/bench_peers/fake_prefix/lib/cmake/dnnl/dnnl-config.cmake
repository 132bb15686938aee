# Stands for Debian's dnnl-config.cmake (libdnnl-dev) on a machine without
# the OpenCL headers: it does find_package(OpenCL REQUIRED), which ends the
# configure with this message. check_peer_states.sh puts this prefix on
# CMAKE_PREFIX_PATH: reaching this file means bench/ called
# find_package(dnnl) again, and the configure fails.
message(FATAL_ERROR "Could NOT find OpenCL (missing: OpenCL_LIBRARY OpenCL_INCLUDE_DIR) "
  "(tests/bench_peers fixture: bench/ must not call find_package(dnnl))")
