# Header-only dependencies, found through their own CMake package configs where they ship one, as one interface
# target: lab_third_party. Eigen 3.4 (Eigen3::Eigen), nlohmann/json 3.11 (nlohmann_json::nlohmann_json), xtl
# (xtl); xtensor 0.24 ships no config in Debian's xtensor-dev, so its folder is found by its header.
# Their include folders are system includes: warnings inside them are not the lab's.
# em++ must never see the host's /usr/include (it would pull the host's glibc headers), so for the wasm build the
# packages' own folders (nlohmann/, xtensor/, xtl/) are linked into a folder of the build and only that is searched.
add_library(lab_third_party INTERFACE)

if(EMSCRIPTEN)  # the toolchain confines find_package to its sysroot; these header-only packages live on the host
  set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
endif()
set(missing_hint "run scripts/setup.sh (apt-get install libeigen3-dev nlohmann-json3-dev xtensor-dev)")
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(xtl REQUIRED)
get_target_property(xtl_include xtl INTERFACE_INCLUDE_DIRECTORIES)
find_path(LAB_XTENSOR_INCLUDE xtensor/xtensor.hpp HINTS ${xtl_include} NO_CMAKE_FIND_ROOT_PATH
          DOC "folder holding xtensor/ (xtensor 0.24; installed beside xtl)")
if(NOT LAB_XTENSOR_INCLUDE)
  message(FATAL_ERROR "xtensor/xtensor.hpp not found: ${missing_hint}")
endif()

if(NOT EMSCRIPTEN)
  target_link_libraries(lab_third_party INTERFACE Eigen3::Eigen nlohmann_json::nlohmann_json xtl)
  target_include_directories(lab_third_party SYSTEM INTERFACE ${LAB_XTENSOR_INCLUDE})
  set(LAB_EXCEPTION_FLAGS)
else()
  # The folder of each package's headers, taken from its own target, linked one by one.
  set(linked ${CMAKE_BINARY_DIR}/third_party_include)
  file(MAKE_DIRECTORY ${linked})
  get_target_property(eigen_include Eigen3::Eigen INTERFACE_INCLUDE_DIRECTORIES)
  get_target_property(json_include nlohmann_json::nlohmann_json INTERFACE_INCLUDE_DIRECTORIES)
  list(GET json_include 0 json_include)  # Debian's config lists the same folder twice
  foreach(package IN ITEMS "${json_include}/nlohmann" "${LAB_XTENSOR_INCLUDE}/xtensor" "${xtl_include}/xtl")
    get_filename_component(name ${package} NAME)
    file(CREATE_LINK ${package} ${linked}/${name} SYMBOLIC)
  endforeach()
  target_include_directories(lab_third_party SYSTEM INTERFACE ${eigen_include} ${linked})
  # Native wasm exceptions: zero cost until thrown (the JS-based -fexceptions slows every call).
  set(LAB_EXCEPTION_FLAGS -fwasm-exceptions)
endif()
