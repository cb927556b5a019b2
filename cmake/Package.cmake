# `make package`: two Debian packages made by CPack (DEB), for bookworm.
#   gongkai      the program, the forms and templates (share/gongkai), gongkai(1), the bash and
#                zsh completions; its Depends computed by dpkg-shlibdeps from the binary.
#   gongkai-dev  the static library, the public headers, the CMake package and gongkai.pc; it
#                depends on gongkai (the templates) and on the -dev packages a program linking the
#                static library needs (what gongkaiConfig.cmake and gongkai.pc ask for).
# Packaged under /usr from any build tree (the Makefile's package target uses build/): an
# installed gongkai finds /usr/share/gongkai/report-templates from /usr/bin/gongkai.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME gongkai)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "gongkai")
set(CPACK_PACKAGE_CONTACT "gongkai maintainers <gongkai@localhost>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "gongkai maintainers <gongkai@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compile and check the annual government-information-disclosure report")
set(CPACK_PACKAGE_DESCRIPTION
    "gongkai compiles and checks the 政府信息公开工作年度报告 that every Chinese government office\n"
    "publishes each year: it reads the year's tallies (YAML, CSV, XLSX) or case registers, checks\n"
    "them against every rule of the statutory form (2019 or 2021) and writes the published report\n"
    "as Markdown, HTML, XLSX and JSON, with the official labels verbatim.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX ${GONGKAI_PACKAGE_PREFIX})  # CMakeLists.txt: the PDF module's place
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL bin dev)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS OFF)

set(CPACK_DEBIAN_BIN_PACKAGE_NAME gongkai)
set(CPACK_DEBIAN_BIN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # both; only gongkai has binaries to analyse
set(CPACK_DEBIAN_BIN_PACKAGE_SUGGESTS "bash-completion, man-db")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME gongkai-dev)
set(CPACK_DEBIAN_DEV_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "gongkai (= ${PROJECT_VERSION}), libfmt-dev, libyaml-cpp-dev, nlohmann-json3-dev, libexpat1-dev, libutf8proc-dev, libxlsxwriter-dev, libcmark-gfm-dev, libcmark-gfm-extensions-dev, libzip-dev, libssl-dev, libgumbo-dev, pkg-config")
set(CPACK_COMPONENT_BIN_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}\n${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "gongkai's library for programs that embed it\nThe static library libgongkai.a, its public headers (<gongkai/gongkai.hpp>), a CMake\npackage (find_package(gongkai)) and a pkg-config file (gongkai.pc).")
include(CPack)
