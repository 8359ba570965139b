# Header-only dependencies from Debian's packages, as one interface target: lab_third_party.
#   Eigen 3.4 (libeigen3-dev), xtensor 0.24 + xtl (xtensor-dev), nlohmann/json 3.11 (nlohmann-json3-dev).
# em++ must never see -I/usr/include (it would pull the host's glibc headers), so for the wasm build the
# packages' folders are linked one by one into a folder of our own and only that folder is searched.
add_library(lab_third_party INTERFACE)

set(LAB_EIGEN_DIR /usr/include/eigen3 CACHE PATH "Eigen 3 headers")
foreach(header IN ITEMS ${LAB_EIGEN_DIR}/Eigen/Dense /usr/include/nlohmann/json.hpp
                        /usr/include/xtensor/xtensor.hpp /usr/include/xtl/xtl_config.hpp)
  if(NOT EXISTS ${header})
    message(FATAL_ERROR "Missing ${header}: run scripts/setup.sh (apt-get install libeigen3-dev "
                        "nlohmann-json3-dev xtensor-dev)")
  endif()
endforeach()

if(EMSCRIPTEN)
  set(linked ${CMAKE_BINARY_DIR}/third_party_include)
  file(MAKE_DIRECTORY ${linked})
  foreach(package IN ITEMS nlohmann xtensor xtl)
    file(CREATE_LINK /usr/include/${package} ${linked}/${package} SYMBOLIC)
  endforeach()
  target_include_directories(lab_third_party SYSTEM INTERFACE ${LAB_EIGEN_DIR} ${linked})
  # Native wasm exceptions: zero cost until thrown (the JS-based -fexceptions slows every call).
  set(LAB_EXCEPTION_FLAGS -fwasm-exceptions)
else()
  target_include_directories(lab_third_party SYSTEM INTERFACE ${LAB_EIGEN_DIR})
  set(LAB_EXCEPTION_FLAGS)
endif()
