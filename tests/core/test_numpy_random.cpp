// NumpyRandom against values NumPy 1.24 printed (tests/reference/make_numpy_random.py wrote them).
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <vector>

#include "core/json.hpp"
#include "core/random/mt19937.hpp"
#include "core/random/numpy_random.hpp"

namespace {

const lab::json& reference() {
  static const lab::json data = [] {
    std::ifstream in(std::string(LAB_SOURCE_DIR) + "/tests/reference/numpy_random.json");
    REQUIRE(in.good());
    return lab::json::parse(in);
  }();
  return data;
}

}  // namespace

TEST_CASE("NumpyRandom's raw 32-bit stream equals np.random.seed(0)'s", "[random]") {
  lab::NumpyRandom rng(0);
  for (const auto& expected : reference()["seed0_uint32"]) CHECK(rng.next_uint32() == expected.get<std::uint32_t>());
}

TEST_CASE("Mt19937 draws std::mt19937's stream across several regenerations of its state", "[random]") {
  const std::uint32_t seed = GENERATE(0u, 1u, 42u, 5489u, 4294967295u);
  lab::Mt19937 ours(seed);
  std::mt19937 standard(seed);
  for (int i = 0; i < 3 * 624 + 5; ++i) REQUIRE(ours() == std::uint32_t(standard()));
}

TEST_CASE("Mt19937's 10000th draw from the default seed is the one the C++ standard names", "[random]") {
  lab::Mt19937 engine;  // seed 5489, [rand.predef]: the 10000th value of std::mt19937 is 4123659995
  for (int i = 1; i < 10000; ++i) engine();
  CHECK(engine() == 4123659995u);
}

TEST_CASE("random_sample draws the same doubles as NumPy, bit for bit", "[random]") {
  lab::NumpyRandom rng(42);
  for (const auto& expected : reference()["seed42_random_sample"]) CHECK(rng.random_sample() == expected.get<double>());
}

TEST_CASE("random_sample(out, n) draws what n calls of random_sample() draw, across regenerations", "[random]") {
  lab::NumpyRandom one_by_one(7), in_blocks(7);
  CHECK(one_by_one.random_sample() == in_blocks.random_sample());  // start mid-state, one word pair in
  for (const int n : {1, 255, 256, 257, 311, 312, 313, 2000}) {
    std::vector<double> block(std::size_t(n) + 1, -1.0);
    in_blocks.random_sample(block.data(), n);
    for (int i = 0; i < n; ++i) REQUIRE(block[std::size_t(i)] == one_by_one.random_sample());
    CHECK(block[std::size_t(n)] == -1.0);  // nothing written past n
  }
  CHECK(in_blocks.next_uint32() == one_by_one.next_uint32());  // the streams still agree
  in_blocks.random_sample(nullptr, 0);                         // draws nothing
  CHECK(in_blocks.next_uint32() == one_by_one.next_uint32());
}

TEST_CASE("randn uses the legacy polar method with its cached second value", "[random]") {
  lab::NumpyRandom rng(1);
  for (const auto& expected : reference()["seed1_randn"]) CHECK(rng.randn() == expected.get<double>());
  lab::NumpyRandom matrix_rng(0);
  for (const auto& row : reference()["seed0_randn_3x4"]) {
    for (const auto& expected : row) CHECK(matrix_rng.randn() == expected.get<double>());
  }
}

TEST_CASE("reseeding forgets the cached normal, like np.random.seed", "[random]") {
  lab::NumpyRandom rng(1);
  rng.randn();  // caches a second value
  rng.reseed(1);
  CHECK(rng.randn() == reference()["seed1_randn"][0].get<double>());
}

TEST_CASE("randint rejects masked draws like NumPy, for small, unit and 64-bit ranges", "[random]") {
  lab::NumpyRandom rng(7);
  for (const auto& expected : reference()["seed7_randint_0_100"])
    CHECK(rng.randint(0, 100) == expected.get<long long>());
  lab::NumpyRandom unit(7);
  const auto& unit_expected = reference()["seed7_randint_5_6"];
  for (int i = 0; i < 3; ++i) CHECK(unit.randint(5, 6) == 5);
  CHECK(unit.random_sample() == unit_expected[3].get<double>());  // a one-value range draws nothing
  lab::NumpyRandom big(3);
  for (const auto& expected : reference()["seed3_randint_big"]) {
    CHECK(big.randint(0, 1000000000000LL) == expected.get<long long>());
  }
}

TEST_CASE("choice with p follows NumPy's cumulative-sum search", "[random]") {
  lab::NumpyRandom rng(7);
  const std::vector<double> p = {0.1, 0.2, 0.3, 0.4};
  for (const auto& expected : reference()["seed7_choice_p"]) CHECK(rng.choice(p) == expected.get<std::size_t>());
  CHECK_THROWS_WITH(rng.choice({0.5, 0.6}), "choice: probabilities do not sum to 1");
  CHECK_THROWS_WITH(rng.choice({1.5, -0.5}), "choice: probabilities must be non-negative");
}

TEST_CASE("dirichlet and standard_gamma match NumPy's legacy samplers", "[random]") {
  lab::NumpyRandom rng(42);
  const std::vector<double> ones(9, 1.0);
  for (const auto& row : reference()["seed42_dirichlet_ones_9"]) {
    const auto sample = rng.dirichlet(ones);
    for (std::size_t i = 0; i < sample.size(); ++i) CHECK(sample[i] == row[i].get<double>());
  }
  lab::NumpyRandom gamma(5);
  const double shapes[] = {0.5, 1.0, 2.5, 7.0};
  for (int i = 0; i < 4; ++i) CHECK(gamma.standard_gamma(shapes[i]) == reference()["seed5_gamma"][i].get<double>());
}

TEST_CASE("numpy_sum adds in NumPy's pairwise order at every block boundary", "[random]") {
  for (const auto& item : reference()["pairwise_sums"]) {
    const auto values = item["values"].get<std::vector<double>>();
    INFO("n = " << values.size());
    CHECK(lab::numpy_sum(values) == item["sum"].get<double>());
  }
}
