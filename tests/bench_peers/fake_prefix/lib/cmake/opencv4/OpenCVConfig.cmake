# Stands for a half-installed OpenCV: its generated targets file ends the
# configure when a module's library is missing. check_peer_states.sh puts
# this prefix on CMAKE_PREFIX_PATH: reaching this file means bench/ called
# find_package(OpenCV), which a half-installed OpenCV can abort.
message(FATAL_ERROR "The imported target \"opencv_imgproc\" references the file "
  "\"/usr/lib/x86_64-linux-gnu/libopencv_imgproc.so.4.6.0\" but this file does not exist. "
  "(tests/bench_peers fixture: bench/ must not call find_package(OpenCV))")
