// core/text/numpy_argsort: NumPy's unstable introsort order, tie for tie, on arrays where ties abound.
#include <catch2/catch.hpp>

#include "core/text/numpy_argsort.hpp"
#include "reference_files.hpp"

TEST_CASE("numpy_argsort orders ties exactly as np.argsort does, from 1 to 3000 items", "[argsort]") {
  const lab::json reference = lab_test::load_reference_json("sklearn_reference.json");
  for (const auto& entry : reference["argsort"]) {
    const auto values = entry["values"].get<std::vector<std::int64_t>>();
    INFO("n = " << values.size());
    CHECK(lab::text::numpy_argsort(values) == entry["argsort"].get<std::vector<std::size_t>>());
  }
}

TEST_CASE("numpy_argsort is stable below 17 items (insertion sort)", "[argsort]") {
  CHECK(lab::text::numpy_argsort({-2, -3, -2, -3, -1}) == std::vector<std::size_t>{1, 3, 0, 2, 4});
  CHECK(lab::text::numpy_argsort({}).empty());
}
