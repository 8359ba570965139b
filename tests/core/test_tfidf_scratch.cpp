// core/text/tfidf_scratch: notebook 04.5's TFIDFScratch, vocabulary, idf and matrix.
#include <catch2/catch.hpp>

#include "core/text/tfidf_scratch.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("scratch TF-IDF equals the notebook's class for every option set", "[tfidf_scratch]") {
  const lab::json reference = lab_test::load_reference_json("notebook_reference.json");
  for (const auto& c : reference["tfidf_scratch"]) {
    INFO("case: " << c["name"].get<std::string>());
    const auto docs = c["docs"].get<std::vector<std::string>>();
    const ScratchTfidf model = scratch_tfidf_fit(docs, {c["sublinear_tf"], c["min_df"], c["max_df_ratio"]});
    REQUIRE(model.vocabulary == c["vocab"].get<std::vector<std::string>>());
    for (std::size_t i = 0; i < model.vocabulary.size(); ++i) {
      CHECK(model.idf[i] == c["idf"][model.vocabulary[i]].get<double>());  // same operations: bit for bit
    }
    const auto matrix = scratch_tfidf_transform(model, docs);
    REQUIRE(matrix.size() == c["matrix"].size());
    for (std::size_t r = 0; r < matrix.size(); ++r) {
      for (std::size_t j = 0; j < matrix[r].size(); ++j) {
        CHECK(matrix[r][j] == Approx(c["matrix"][r][j].get<double>()).margin(1e-15));
      }
    }
  }
}

TEST_CASE("the notebook's IDF values: machine 1.693..., data and learning 1.405..., model 1.182...",
          "[tfidf_scratch]") {
  const ScratchTfidf model = scratch_tfidf_fit(
      {"machine learning algorithm data model training", "deep learning neural network model architecture",
       "natural language text processing transformer model", "data science statistics regression model analysis",
       "machine learning data preprocessing feature engineering"},
      {});
  CHECK(model.vocabulary == std::vector<std::string>{"data", "learning", "machine", "model"});
  CHECK(model.idf ==
        std::vector<double>{1.4054651081081644, 1.4054651081081644, 1.6931471805599454, 1.1823215567939547});
}
