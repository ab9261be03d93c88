# install.cmake - what `cmake --install build [--prefix P]` puts where:
#   bin/scrape                          the tool (linked with the static library)
#   lib/libscrape.so.0.1.0 (+ links)    the shared library, soname libscrape.so.0
#   lib/libscrape.a                     the static library
#   include/scrape.h                    the public header
#   lib/pkgconfig/scrape.pc             pkg-config (Requires.private for --static)
#   lib/cmake/scrape/                   find_package(scrape): scrape::scrape,
#                                       scrape::scrape_static
#   share/man/man1/scrape.1, man3/libscrape.3
# (lib/ is CMAKE_INSTALL_LIBDIR: lib/<multiarch> under /usr on Debian.)
include(CMakePackageConfigHelpers)

set(SCRAPE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/scrape)

install(TARGETS scrape RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS scrape_shared scrape_lib EXPORT scrapeTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${SCRAPE_PUBLIC_DIR}/scrape.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# pkg-config: written at install time, so that the prefix is the one given
# to `cmake --install --prefix` (or CMAKE_INSTALL_PREFIX)
install(CODE "
  set(SCRAPE_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  set(SCRAPE_PC_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
  set(SCRAPE_PC_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  set(SCRAPE_PC_VERSION \"${PROJECT_VERSION}\")
  configure_file(\"${CMAKE_SOURCE_DIR}/cmake/scrape.pc.in\" \"${CMAKE_BINARY_DIR}/scrape.pc\" @ONLY)
")
install(FILES ${CMAKE_BINARY_DIR}/scrape.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# CMake package
install(EXPORT scrapeTargets NAMESPACE scrape:: DESTINATION ${SCRAPE_CMAKE_DIR})
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/scrapeConfig.cmake.in
  ${CMAKE_BINARY_DIR}/scrapeConfig.cmake INSTALL_DESTINATION ${SCRAPE_CMAKE_DIR})
# the soname changes with the major version: so does compatibility
write_basic_package_version_file(${CMAKE_BINARY_DIR}/scrapeConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/scrapeConfig.cmake ${CMAKE_BINARY_DIR}/scrapeConfigVersion.cmake
  DESTINATION ${SCRAPE_CMAKE_DIR})

# manual pages
install(FILES ${CMAKE_SOURCE_DIR}/docs/man/scrape.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/docs/man/libscrape.3 DESTINATION ${CMAKE_INSTALL_MANDIR}/man3)
