# The library as a package others build on (ARCHITECTURE.md, "Public API"): the static library,
# the public headers of include/gongkai/ (never lib/'s), a CMake package that gives
# gongkai::gongkai (lib/cmake/gongkai/) and a pkg-config file (lib/pkgconfig/gongkai.pc).
# Both are relocatable: `cmake --install build --prefix P` works for any P.
include(CMakePackageConfigHelpers)

set(GONGKAI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gongkai)
set(GONGKAI_TEMPLATE_RELDIR ${CMAKE_INSTALL_DATADIR}/gongkai/report-templates)

install(TARGETS gongkai EXPORT gongkaiTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/gongkai DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(EXPORT gongkaiTargets NAMESPACE gongkai:: DESTINATION ${GONGKAI_CMAKE_DIR})

configure_package_config_file(cmake/gongkaiConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfig.cmake
  INSTALL_DESTINATION ${GONGKAI_CMAKE_DIR}
  PATH_VARS GONGKAI_TEMPLATE_RELDIR CMAKE_INSTALL_INCLUDEDIR)
# 0.x: a minor version may change the API.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfigVersion.cmake
  DESTINATION ${GONGKAI_CMAKE_DIR})

# pkg-config: the prefix found from where the .pc file is (${pcfiledir}), not written in.
file(RELATIVE_PATH GONGKAI_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" GONGKAI_PC_TO_PREFIX "${GONGKAI_PC_TO_PREFIX}")
configure_file(cmake/gongkai.pc.in ${CMAKE_CURRENT_BINARY_DIR}/gongkai.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gongkai.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
