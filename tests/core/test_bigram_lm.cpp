// core/text/bigram_lm: notebook 04.2's probabilities and, with NumpyRandom, its sampled sentences.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/text/bigram_lm.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("the bigram model samples the same sentences as the notebook for every seed and smoothing", "[bigram]") {
  const lab::json reference = lab_test::load_reference_json("notebook_reference.json");
  for (const auto& c : reference["bigram"]) {
    INFO("case: " << c["name"].get<std::string>());
    BigramLM lm(c["smoothing"]);
    lm.train(c["corpus"].get<std::vector<std::string>>());
    CHECK(lm.vocabulary_size() == c["vocab_size"].get<std::size_t>());
    lab::NumpyRandom rng(c["seed"].get<std::uint32_t>());
    for (const auto& expected : c["samples"])
      CHECK(lm.generate(rng, "<s>", c["max_len"]) == expected.get<std::string>());
    for (const auto& probe : c["probes"]) {
      const double p = lm.prob(probe[0], probe[1]);
      if (probe[2].is_null()) {
        CHECK(std::isnan(p));
      } else {
        CHECK(p == probe[2].get<double>());
      }
    }
  }
}

TEST_CASE("followers keep the order in which each next word was first seen", "[bigram]") {
  BigramLM lm;
  lm.train({"the cat sat", "the dog ran", "the cat ran"});
  const auto& after_the = lm.followers("the");
  REQUIRE(after_the.size() == 2);
  CHECK(after_the[0] == std::make_pair(std::string("cat"), 2LL));
  CHECK(after_the[1] == std::make_pair(std::string("dog"), 1LL));
  CHECK(lm.followers("unknown").empty());
}
