# The library as a package others build on (ARCHITECTURE.md, "Public API"): the static library,
# the public headers of include/gongkai/ (never lib/'s), a CMake package that gives
# gongkai::gongkai (lib/cmake/gongkai/) and a pkg-config file (lib/pkgconfig/gongkai.pc).
# Both are relocatable: `cmake --install build --prefix P` works for any P.
include(CMakePackageConfigHelpers)

set(GONGKAI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gongkai)
set(GONGKAI_TEMPLATE_RELDIR ${CMAKE_INSTALL_DATADIR}/gongkai/report-templates)

install(TARGETS gongkai EXPORT gongkaiTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/gongkai DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev FILES_MATCHING PATTERN "*.hpp")
install(EXPORT gongkaiTargets NAMESPACE gongkai:: DESTINATION ${GONGKAI_CMAKE_DIR} COMPONENT dev)

configure_package_config_file(cmake/gongkaiConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfig.cmake
  INSTALL_DESTINATION ${GONGKAI_CMAKE_DIR}
  PATH_VARS GONGKAI_TEMPLATE_RELDIR CMAKE_INSTALL_INCLUDEDIR)
# 0.x: a minor version may change the API.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/gongkaiConfigVersion.cmake
  DESTINATION ${GONGKAI_CMAKE_DIR} COMPONENT dev)

# pkg-config: the prefix found from where the .pc file is (${pcfiledir}), not written in.
file(RELATIVE_PATH GONGKAI_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" GONGKAI_PC_TO_PREFIX "${GONGKAI_PC_TO_PREFIX}")
configure_file(cmake/gongkai.pc.in ${CMAKE_CURRENT_BINARY_DIR}/gongkai.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gongkai.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# The man page and the shell completions, written by the built program from its own command
# line (tools/gongkai/man_page.cpp, completion.cpp) so they never drift from --help. The page's
# date: SOURCE_DATE_EPOCH's when set (reproducible builds), else the last commit's.
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  string(TIMESTAMP GONGKAI_MAN_DATE "%Y-%m-%d" UTC)
else()
  execute_process(COMMAND git log -1 --format=%cs WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    OUTPUT_VARIABLE GONGKAI_MAN_DATE OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _gongkai_git)
  if(NOT _gongkai_git EQUAL 0 OR NOT GONGKAI_MAN_DATE MATCHES "^[0-9]+-[0-9]+-[0-9]+$")
    string(TIMESTAMP GONGKAI_MAN_DATE "%Y-%m-%d" UTC)
  endif()
endif()
set(GONGKAI_DOCS_DIR ${PROJECT_BINARY_DIR}/generated)
set(GONGKAI_DOCS ${GONGKAI_DOCS_DIR}/man/gongkai.1 ${GONGKAI_DOCS_DIR}/completions/gongkai
  ${GONGKAI_DOCS_DIR}/completions/_gongkai)
add_custom_command(OUTPUT ${GONGKAI_DOCS}
  COMMAND ${CMAKE_COMMAND} -DGONGKAI=$<TARGET_FILE:gongkai_cli> -DOUT=${GONGKAI_DOCS_DIR} -DDATE=${GONGKAI_MAN_DATE}
          -P ${PROJECT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  DEPENDS gongkai_cli ${PROJECT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  COMMENT "gongkai.1 and the bash and zsh completions")
add_custom_target(gongkai_docs ALL DEPENDS ${GONGKAI_DOCS})
install(FILES ${GONGKAI_DOCS_DIR}/man/gongkai.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT bin)
install(FILES ${GONGKAI_DOCS_DIR}/completions/gongkai DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  COMPONENT bin)
install(FILES ${GONGKAI_DOCS_DIR}/completions/_gongkai DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
  COMPONENT bin)

include(cmake/Package.cmake)
