// core/text/tfidf_vectorizer: the same features, idf and rows as scikit-learn's TfidfVectorizer.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/text/tfidf_vectorizer.hpp"
#include "reference_files.hpp"

using namespace lab::text;

namespace {

// Largest |ours − sklearn's| over a dense reference matrix.
double max_difference(const std::vector<SparseVector>& rows, const lab::json& expected, std::size_t columns) {
  double worst = 0.0;
  REQUIRE(rows.size() == expected.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<double> dense(columns, 0.0);
    for (const auto& [column, value] : rows[r]) dense.at(column) = value;
    for (std::size_t c = 0; c < columns; ++c)
      worst = std::max(worst, std::fabs(dense[c] - expected[r][c].get<double>()));
  }
  return worst;
}

TfidfOptions options_of(const lab::json& o) {
  TfidfOptions options;
  options.ngram_min = o["ngram_min"];
  options.ngram_max = o["ngram_max"];
  if (!o["max_features"].is_null()) options.max_features = o["max_features"].get<std::size_t>();
  options.sublinear_tf = o["sublinear_tf"];
  return options;
}

}  // namespace

TEST_CASE("TfidfVectorizer matches scikit-learn's features, idf and rows to 1e-15", "[tfidf]") {
  const lab::json reference = lab_test::load_reference_json("sklearn_reference.json");
  for (const auto& c : reference["tfidf"]) {
    INFO("case: " << c["name"].get<std::string>());
    TfidfVectorizer vectorizer(options_of(c["options"]));
    const auto rows = vectorizer.fit_transform(c["docs"].get<std::vector<std::string>>());
    REQUIRE(vectorizer.feature_names() == c["features"].get<std::vector<std::string>>());
    const auto idf = c["idf"].get<std::vector<double>>();
    for (std::size_t i = 0; i < idf.size(); ++i) CHECK(vectorizer.idf()[i] == Approx(idf[i]).epsilon(1e-15));
    const std::size_t columns = idf.size();
    CHECK(max_difference(rows, c["rows"], columns) < 1e-15);
    const auto queries = vectorizer.transform(c["queries"].get<std::vector<std::string>>());
    CHECK(max_difference(queries, c["query_rows"], columns) < 1e-15);
  }
}

TEST_CASE("analyze lowercases like Python, keeps runs of 2+ word characters and appends n-grams", "[tfidf]") {
  TfidfVectorizer bigrams(TfidfOptions{1, 2, std::nullopt, false});
  CHECK(bigrams.analyze("A Cat, the CAT! x") == Tokens{"cat", "the", "cat", "cat the", "the cat"});
  TfidfVectorizer only_bigrams(TfidfOptions{2, 2, std::nullopt, false});
  CHECK(only_bigrams.analyze("ΟΔΟΣ ΣΟΦΟΣ") == Tokens{"οδος σοφος"});
}

TEST_CASE("a corpus without any two-character token has an empty vocabulary, as scikit-learn says", "[tfidf][errors]") {
  TfidfVectorizer vectorizer;
  CHECK_THROWS_WITH(vectorizer.fit_transform({"a b c", "! ?"}),
                    "empty vocabulary; perhaps the documents only contain stop words");
}

TEST_CASE("transform of a document with no known term gives an empty (zero) row", "[tfidf]") {
  TfidfVectorizer vectorizer;
  vectorizer.fit_transform({"alpha beta", "beta gamma"});
  CHECK(vectorizer.transform({"delta epsilon"})[0].empty());
}
