// The exercises' Markdown texts: the format (core/exercise_text.hpp) down to its error messages, and the 25
// files the build embeds: each parses, names an exercise of the catalogue, and points at files that exist.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

#include "core/exercise_text.hpp"
#include "core/registry.hpp"

using lab::ExerciseText;
using lab::parse_exercise_text;

namespace {

const char* const kExample =
    "---\n"
    "id: 09.9\n"
    "title: An example exercise\n"
    "figure: fig99.png\n"
    "calls:\n"
    "  - core/nn/ops.cpp\n"
    "  - core/nn/tape.cpp\n"
    "---\n"
    "\n"
    "## The idea\n"
    "\n"
    "First line of a paragraph\n"
    "and its second line.\n"
    "\n"
    "A second paragraph.\n"
    "\n"
    "## What the notebook printed\n"
    "\n"
    "```text\n"
    "\n"
    "Loss: 0.5\n"
    "  indented line\n"
    "\n"
    "```\n"
    "\n"
    "## Where the lab differs\n"
    "\n"
    "It measures\n"
    "instead.\n";

std::string error_of(const std::string& markdown) {
  try {
    parse_exercise_text(markdown, "x.md");
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a text's front matter and sections become the exercise's fields", "[exercise_text]") {
  const ExerciseText text = parse_exercise_text(kExample, "core/exercises/09_x/09_9_example.md");
  CHECK(text.id == "09.9");
  CHECK(text.title == "An example exercise");
  CHECK(text.figure == "fig99.png");
  CHECK(text.calls == std::vector<std::string>{"core/nn/ops.cpp", "core/nn/tape.cpp"});
  CHECK(text.summary == "First line of a paragraph and its second line.\n\nA second paragraph.");
  CHECK(text.notebook_output == "\nLoss: 0.5\n  indented line\n");  // verbatim, blank lines included
  CHECK(text.lab_notes == "It measures instead.");
  CHECK(text.code_file() == "core/exercises/09_x/09_9_example.cpp");
}

TEST_CASE("optional parts of a text may be left out", "[exercise_text]") {
  const ExerciseText text = parse_exercise_text("---\nid: 01.1\ntitle: T\n---\n## The idea\nOnly the idea.\n", "x.md");
  CHECK(text.summary == "Only the idea.");
  CHECK(text.notebook_output.empty());
  CHECK(text.lab_notes.empty());
  CHECK(text.calls.empty());
  CHECK(text.figure.empty());
  // A fence of tildes holds output that itself contains backticks.
  const ExerciseText fenced = parse_exercise_text(
      "---\nid: 01.1\ntitle: T\n---\n## The idea\nI.\n## What the notebook printed\n~~~~\n```json\n~~~~\n", "x.md");
  CHECK(fenced.notebook_output == "```json");
}

TEST_CASE("a malformed text is an error naming the file, the line and what is allowed", "[exercise_text][errors]") {
  CHECK(error_of("id: 01.1\n") == "x.md:1: the file must open with front matter: a line \"---\"");
  CHECK(error_of(with(kExample, "figure:", "picture:")) ==
        "x.md:4: unknown field \"picture\"; the fields are id, title, figure and calls");
  CHECK(error_of(with(kExample, "title: An example exercise\n", "")) == "x.md:7: the front matter has no title");
  CHECK(error_of(with(kExample, "## Where the lab differs", "## Where the lab is different")) ==
        "x.md:26: unexpected heading \"Where the lab is different\"; the sections are \"## The idea\", \"## What the "
        "notebook printed\" and \"## Where the lab differs\", each at most once");
  CHECK(error_of(with(kExample, "\n## The idea\n", "\nStray words.\n## The idea\n")) ==
        "x.md:10: text outside a section; start one with \"## The idea\"");
  CHECK(error_of(with(kExample, "  indented line\n\n```\n", "  indented line\n")) ==
        "x.md:19: the fenced block opened here is never closed with ```");
  CHECK(error_of(with(kExample, "```\n\n## Where", "```\nA comment.\n## Where")) ==
        "x.md:25: text after the fenced block; this section holds only the block");
  CHECK(error_of("---\nid: 01.1\ntitle: T\n---\n## The idea\n\n") ==
        "x.md:6: the section \"## The idea\" is missing or empty");
  CHECK(error_of(with(kExample, "## Where the lab differs", "## The idea")).find("unexpected heading \"The idea\"") !=
        std::string::npos);
}

TEST_CASE("the build embeds one text per exercise, and every file a text names exists", "[exercise_text]") {
  std::set<std::string> ids;
  for (const lab::EmbeddedTextFile& file : lab::embedded_exercise_texts()) {
    INFO(file.path);
    const ExerciseText text =
        parse_exercise_text(std::string(reinterpret_cast<const char*>(file.bytes), file.size), file.path);
    CHECK(ids.insert(text.id).second);
    REQUIRE(lab::find_exercise(text.id) != nullptr);
    for (const std::string& path : std::vector<std::string>{text.file, text.code_file()}) {
      CHECK(std::ifstream(std::string(LAB_SOURCE_DIR) + "/" + path).good());
    }
    for (const std::string& path : text.calls) {
      INFO(path);
      CHECK(std::ifstream(std::string(LAB_SOURCE_DIR) + "/" + path).good());
    }
  }
  CHECK(ids.size() == 25);
}
