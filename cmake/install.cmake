# `cmake --install`: the public headers, libconvjit.so (SONAME
# libconvjit.so.<major>) and libconvjit.a, the CMake package (convjit::convjit,
# convjit::convjit_static), convjit.pc and the convjit binary. `cpack -G DEB`
# makes a Debian package of the same files.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CONVJIT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/convjit)

install(DIRECTORY include/convjit TYPE INCLUDE)
install(TARGETS convjit_shared EXPORT convjitSharedTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Unspecified)
install(TARGETS convjit_lib EXPORT convjitStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS convjit RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Two export sets, so a user of the shared library needs none of the static
# one's dependencies (convjitConfig.cmake looks for those only on request).
install(EXPORT convjitSharedTargets NAMESPACE convjit:: DESTINATION ${CONVJIT_CMAKE_DIR})
install(EXPORT convjitStaticTargets NAMESPACE convjit:: DESTINATION ${CONVJIT_CMAKE_DIR})

configure_package_config_file(cmake/convjitConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/convjitConfig.cmake INSTALL_DESTINATION ${CONVJIT_CMAKE_DIR})
# 0.x: a minor version may break the API, so only the same minor matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/convjitConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/convjitConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/convjitConfigVersion.cmake DESTINATION ${CONVJIT_CMAKE_DIR})

# convjit.pc finds its prefix from where it lies, so the package can move.
file(RELATIVE_PATH CONVJIT_PC_TO_PREFIX
  /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/convjit.pc.in ${CMAKE_CURRENT_BINARY_DIR}/convjit.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/convjit.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

set(CPACK_PACKAGE_NAME convjit)
set(CPACK_PACKAGE_CONTACT "convjit developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Run-time compiled convolution kernels for x86-64 CPUs")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libspdlog-dev, libzydis-dev")
include(CPack)
