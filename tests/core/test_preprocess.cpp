// core/text/preprocess: notebook 04.3's normalize(), stopwords, simple_stem() and preprocess().
#include <catch2/catch.hpp>

#include "core/text/preprocess.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("normalize, simple_stem and preprocess equal the notebook's Python on varied texts", "[preprocess]") {
  const lab::json reference = lab_test::load_reference_json("notebook_reference.json");
  for (const auto& c : reference["preprocess"]) {
    const std::string text = c["text"];
    INFO("text: " << text);
    CHECK(normalize(text) == c["normalize"].get<std::string>());
    CHECK(preprocess(text) == c["preprocess"].get<std::string>());
    for (const auto& item : c["stems"].items()) CHECK(simple_stem(item.key()) == item.value().get<std::string>());
  }
}

TEST_CASE("simple_stem strips the first matching suffix that leaves more than three letters", "[preprocess]") {
  CHECK(simple_stem("working") == "work");
  CHECK(simple_stem("stations") == "station");  // "s" is the first suffix that matches
  CHECK(simple_stem("station") == "station");   // "tion" would leave "sta", only 3 letters
  CHECK(simple_stem("boxes") == "boxe");        // "es" would leave "box", only 3 letters; "s" leaves 4
}

TEST_CASE("the notebook's 22 stopwords", "[preprocess]") {
  CHECK(stopwords().size() == 22);
  CHECK(is_stopword("the"));
  CHECK_FALSE(is_stopword("not"));
}
