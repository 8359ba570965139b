// 02.4's corpus: 1600 nine-token reviews, labelled by the rule "a positive adjective, unless negated".
#include <catch2/catch.hpp>

#include "core/exercises/02_bert_classification/negation_corpus.hpp"

using lab::exercises::negation_corpus;

TEST_CASE("the corpus holds 1600 nine-token sentences, a quarter of them negated, half of them positive",
          "[negation_corpus]") {
  const auto& corpus = negation_corpus();
  REQUIRE(corpus.sentences.size() == 1600);
  int negated = 0, positive = 0;
  for (std::size_t i = 0; i < corpus.sentences.size(); ++i) {
    CHECK(corpus.sentences[i].size() == 9);
    CHECK(corpus.sentences[i][0] == 0);  // [CLS]
    negated += corpus.negated[i];
    positive += corpus.labels[i];
  }
  CHECK(negated == 400);
  CHECK(positive == 800);
}

TEST_CASE("the rule flips the adjective's polarity after \"not\", case-insensitively", "[negation_corpus]") {
  const auto& corpus = negation_corpus();
  CHECK(*corpus.label_of({"[CLS]", "The", "movie", "was", "not", "good", "at", "all", "[SEP]"}) == 0);
  CHECK(*corpus.label_of({"the", "film", "is", "NOT", "bad"}) == 1);
  CHECK(*corpus.label_of({"really", "great"}) == 1);
  CHECK_FALSE(corpus.label_of({"good", "and", "bad"}).has_value());
  CHECK_FALSE(corpus.label_of({"hello"}).has_value());
  CHECK(corpus.id_of("Movie") == corpus.id_of("movie"));
  CHECK(corpus.id_of("cinema") == 2);  // [UNK]
}
