// core/text/ranking: top-k with ties to the lower index, scikit-learn's cosine similarity, precision@k.
#include <catch2/catch.hpp>

#include "core/text/ranking.hpp"
#include "core/text/tfidf_vectorizer.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("top_k sorts by score, highest first, and breaks ties by the lower index", "[ranking]") {
  CHECK(top_k({0.1, 0.5, 0.5, 0.0, 0.9}, 3) == std::vector<std::size_t>{4, 1, 2});
  CHECK(top_k({0.0, 0.0, 0.0}, 2) == std::vector<std::size_t>{0, 1});
  CHECK(top_k({1.0}, 5) == std::vector<std::size_t>{0});
}

TEST_CASE("cosine similarities and the TF-IDF top 3 equal scikit-learn's on notebook 04.1", "[ranking]") {
  const lab::json reference = lab_test::load_reference_json("sklearn_reference.json");
  const lab::json& docs_case = reference["tfidf"][0];
  TfidfVectorizer vectorizer;
  const auto documents = vectorizer.fit_transform(docs_case["docs"].get<std::vector<std::string>>());
  for (const auto& q : reference["ranking_041"]) {
    INFO("query: " << q["query"].get<std::string>());
    const auto scores = cosine_similarities(vectorizer.transform({q["query"].get<std::string>()})[0], documents);
    const auto expected = q["scores"].get<std::vector<double>>();
    for (std::size_t d = 0; d < scores.size(); ++d) CHECK(scores[d] == Approx(expected[d]).margin(1e-15));
    CHECK(top_k(scores, 3) == q["top3"].get<std::vector<std::size_t>>());
  }
}

TEST_CASE("precision_at_k counts distinct relevant hits among the first k, divided by k", "[ranking]") {
  CHECK(precision_at_k({1, 9, 7}, {1}, 3) == Approx(1.0 / 3));
  CHECK(precision_at_k({6, 2, 0}, {2, 6}, 3) == Approx(2.0 / 3));
  CHECK(precision_at_k({6, 2, 0}, {2, 6}, 1) == Approx(1.0));
  CHECK(precision_at_k({}, {2}, 3) == 0.0);
}
