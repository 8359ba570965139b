// Fuzzing the texts of 04.3 (the sentiment pipeline: preprocessing, TF-IDF, logistic regression) and 04.5 (TF-IDF
// from scratch): the input's lines become the exercise's documents, as a learner would paste them. Invariants:
// each run gives a Result or an error object that is not `internal`, and its printed text is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/registry.hpp"
#include "core/text/utf8.hpp"
#include "fuzz_input.hpp"

namespace {

void require_contained(const lab::json& result) {
  if (result.contains("error")) FUZZ_REQUIRE(result["error"]["code"] != "internal");
  FUZZ_REQUIRE(!lab::text::find_invalid_utf8(lab::to_text(result)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4000) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lab::json docs = lab::json::array(), train = lab::json::array();
  std::size_t begin = 0;
  while (begin <= bytes.size() && docs.size() < 100) {
    std::size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string line(bytes.substr(begin, end - begin));
    docs.push_back(line);
    train.push_back(lab::json::array({line, static_cast<int>(train.size() % 2)}));
    begin = end + 1;
  }
  require_contained(lab::run_exercise("04.5", {{"docs", docs}}));
  if (train.size() >= 2) {
    require_contained(lab::run_exercise("04.3", {{"train", train}, {"test", lab::json::array({train[0]})}}));
  }
  return 0;
}
