# convjit_bench_peer(): whether convjit_bench is built with one peer, decided
# again at every configure so that installing or removing a peer is seen.
#
# A peer is used only when its probe (probes/*.cpp: the headers, types and
# calls of its impl_*.cpp) compiles AND links against what is found; never
# because a header or a package config exists. Headers and libraries are
# located with find_path/find_library, not find_package: Debian's
# dnnl-config.cmake does find_package(OpenCL REQUIRED), which aborts the
# whole configure where libdnnl-dev came without its recommended OpenCL
# headers, and a half-installed OpenCV's generated targets file aborts on a
# library that is missing.
#
# convjit_bench_peer(<name> OPTION <AUTO|OFF cache variable>
#   SOURCE <impl_*.cpp> DEFINE <CONVJIT_HAVE_*> PROBE <probes/*.cpp>
#   CALLS <what the probe calls, for the message> PACKAGE <Debian package>
#   HEADER <header> [HEADER_SUFFIXES <dir>...]
#   LIBRARIES <name>... [LIBRARY_SUFFIXES <dir>...])
# prints exactly one line, "bench: <name> used: ..." or
# "bench: <name> skipped: <why>"; a used peer's source, define, header
# directory and libraries go to convjit_bench.
function(convjit_bench_peer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg ""
    "OPTION;SOURCE;DEFINE;PROBE;CALLS;PACKAGE;HEADER" "HEADER_SUFFIXES;LIBRARIES;LIBRARY_SUFFIXES")
  string(TOUPPER "${${arg_OPTION}}" mode)
  if(mode STREQUAL "OFF")
    message(STATUS "bench: ${name} skipped: disabled by ${arg_OPTION}=OFF")
    return()
  elseif(NOT mode STREQUAL "AUTO")
    message(FATAL_ERROR "${arg_OPTION}=${${arg_OPTION}}: AUTO or OFF")
  endif()

  # CONVJIT_BENCH_PEER_INCLUDE_DIR comes first on the include path of the
  # probe and of the peer's source, so a header there is the one the
  # message names.
  # NO_CACHE: searched afresh every time (the variables must be unset).
  set(peer_dir "${CONVJIT_BENCH_PEER_INCLUDE_DIR}")
  unset(convjit_peer_header_dir)
  if(peer_dir AND EXISTS "${peer_dir}/${arg_HEADER}")
    set(convjit_peer_header_dir "${peer_dir}")
  else()
    find_path(convjit_peer_header_dir NAMES "${arg_HEADER}" PATH_SUFFIXES ${arg_HEADER_SUFFIXES} NO_CACHE)
  endif()
  if(NOT convjit_peer_header_dir)
    message(STATUS "bench: ${name} skipped: ${arg_HEADER} not found (${arg_PACKAGE})")
    return()
  endif()
  cmake_path(SET convjit_peer_header_dir NORMALIZE "${convjit_peer_header_dir}")
  cmake_path(APPEND convjit_peer_header_dir "${arg_HEADER}" OUTPUT_VARIABLE header)

  # A library not found is left off the link: the probe then says whether
  # the header compiles at all, the more useful message.
  set(libraries "")
  set(missing "")
  foreach(lib IN LISTS arg_LIBRARIES)
    unset(convjit_peer_library)
    find_library(convjit_peer_library NAMES ${lib} PATH_SUFFIXES ${arg_LIBRARY_SUFFIXES} NO_CACHE)
    if(convjit_peer_library)
      list(APPEND libraries "${convjit_peer_library}")
    else()
      list(APPEND missing "lib${lib}")
    endif()
  endforeach()

  # Compiled and linked as the bench is: C++20, OpenMP.
  try_compile(probe_ok SOURCES "${arg_PROBE}"
    CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${peer_dir};${convjit_peer_header_dir}"
    LINK_LIBRARIES ${libraries} OpenMP::OpenMP_CXX
    CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF
    OUTPUT_VARIABLE output NO_CACHE)
  if(NOT probe_ok)
    # The compiler's or the linker's first complaint, without its file name.
    string(REGEX MATCH "(fatal error: |error: |undefined reference to )[^\n]*" first "${output}")
    if(first)
      set(first ": ${first}")
    endif()
    set(probe "the probe (${arg_CALLS})")
    if(NOT first MATCHES "^: undefined reference" AND NOT output MATCHES "ld returned")
      set(why "${probe} does not compile against ${header}${first}")
    elseif(missing)
      list(JOIN missing ", " missing)
      set(why "${probe} compiles against ${header} but ${missing} not found (${arg_PACKAGE})")
    else()
      list(JOIN libraries " " libraries)
      set(why "${probe} does not link against ${libraries}${first}")
    endif()
    message(STATUS "bench: ${name} skipped: ${why}")
    return()
  endif()

  # The peer's header is included by its source alone: only that file sees
  # CONVJIT_BENCH_PEER_INCLUDE_DIR, so changing it recompiles no other.
  target_sources(convjit_bench PRIVATE "${arg_SOURCE}")
  if(peer_dir)
    set_property(SOURCE "${arg_SOURCE}" APPEND PROPERTY INCLUDE_DIRECTORIES "${peer_dir}")
  endif()
  target_compile_definitions(convjit_bench PRIVATE ${arg_DEFINE}=1)
  target_include_directories(convjit_bench SYSTEM PRIVATE "${convjit_peer_header_dir}")
  target_link_libraries(convjit_bench PRIVATE ${libraries})
  list(JOIN libraries " " libraries)
  message(STATUS "bench: ${name} used: ${header}, ${libraries}")
endfunction()
