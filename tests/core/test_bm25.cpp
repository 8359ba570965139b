// core/text/bm25: notebook 03.3's scores for every document, on its corpus and on others.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/string_format.hpp"
#include "core/text/bm25.hpp"
#include "core/text/ranking.hpp"
#include "reference_files.hpp"

using namespace lab::text;

namespace {

Bm25Index index_of(const lab::json& c) {
  std::vector<Tokens> documents;
  for (const auto& text : c["corpus"]) documents.push_back(lowercase_whitespace_tokens(text.get<std::string>()));
  return Bm25Index(std::move(documents), c["k1"], c["b"]);
}

}  // namespace

TEST_CASE("BM25 scores equal the notebook's Python for every document and query", "[bm25]") {
  const lab::json reference = lab_test::load_reference_json("notebook_reference.json");
  for (const auto& c : reference["bm25"]) {
    INFO("case: " << c["name"].get<std::string>());
    const Bm25Index index = index_of(c);
    CHECK(index.average_length() == c["avgdl"].get<double>());
    for (const auto& q : c["queries"]) {
      INFO("query: " << q["query"].get<std::string>());
      const auto scores = index.scores(lowercase_whitespace_tokens(q["query"].get<std::string>()));
      const auto expected = q["scores"].get<std::vector<double>>();
      REQUIRE(scores.size() == expected.size());
      for (std::size_t d = 0; d < scores.size(); ++d) CHECK(scores[d] == Approx(expected[d]).epsilon(1e-14));
      CHECK(top_k(scores, c["k"]) == q["top"].get<std::vector<std::size_t>>());
    }
  }
}

TEST_CASE("BM25 reproduces the notebook's 2.952 and 2.138 for \"language model training data\"", "[bm25]") {
  const lab::json c = lab_test::load_reference_json("notebook_reference.json")["bm25"][0];
  const auto scores = index_of(c).scores(lowercase_whitespace_tokens("language model training data"));
  CHECK(lab::format("%.3f", scores[0]) == "2.952");
  CHECK(lab::format("%.3f", scores[4]) == "2.138");
}

TEST_CASE("idf is ln((N - df + 0.5)/(df + 0.5) + 1) and unknown terms score nothing", "[bm25]") {
  const Bm25Index index({{"a", "b"}, {"a"}, {"c"}});
  CHECK(index.idf("a") == Approx(std::log((3 - 2 + 0.5) / (2 + 0.5) + 1)));
  CHECK(index.document_frequency("zzz") == 0);
  CHECK(index.scores({"zzz"}) == std::vector<double>{0.0, 0.0, 0.0});
}
