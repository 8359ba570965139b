#include "core/exercise_text.hpp"

#include <sstream>
#include <stdexcept>

namespace lab {

namespace {

const char* const kIdea = "The idea";
const char* const kNotebookOutput = "What the notebook printed";
const char* const kLabNotes = "Where the lab differs";

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// Reads the file line by line and reports errors as "<file>:<line>: ...".
class Reader {
 public:
  Reader(const std::string& markdown, std::string file) : file_(std::move(file)) {
    std::istringstream in(markdown);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
  }
  bool done() const { return next_ >= lines_.size(); }
  const std::string& peek() const { return lines_[next_]; }
  const std::string& take() { return lines_[next_++]; }
  std::size_t line_number() const { return next_; }  // of the line last taken, from 1
  [[noreturn]] void fail(const std::string& what) const { fail_at(next_, what); }
  [[noreturn]] void fail_at(std::size_t line, const std::string& what) const {
    throw std::invalid_argument(file_ + ":" + std::to_string(line) + ": " + what);
  }

 private:
  std::string file_;
  std::vector<std::string> lines_;
  std::size_t next_ = 0;  // lines taken so far
};

void read_front_matter(Reader& in, ExerciseText& text) {
  if (in.done() || in.take() != "---") in.fail("the file must open with front matter: a line \"---\"");
  while (true) {
    if (in.done()) in.fail("the front matter never ends: close it with a line \"---\"");
    const std::string line = in.take();
    if (line == "---") break;
    if (trim(line).empty()) continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) in.fail("expected \"name: value\" in the front matter, got \"" + line + "\"");
    const std::string key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (key == "id") {
      text.id = value;
    } else if (key == "title") {
      text.title = value;
    } else if (key == "figure") {
      text.figure = value;
    } else if (key == "calls") {
      if (!value.empty()) in.fail("list the files under \"calls:\", one \"  - path\" per line");
      while (!in.done() && starts_with(trim(in.peek()), "- ")) text.calls.push_back(trim(trim(in.take()).substr(2)));
    } else {
      in.fail("unknown field \"" + key + "\"; the fields are id, title, figure and calls");
    }
  }
  if (text.id.empty()) in.fail("the front matter has no id");
  if (text.title.empty()) in.fail("the front matter has no title");
}

// Markdown prose up to the next heading: a paragraph's lines joined by one space, paragraphs by a blank line.
std::string read_prose(Reader& in) {
  std::string text, paragraph;
  auto end_paragraph = [&] {
    if (paragraph.empty()) return;
    text += (text.empty() ? "" : "\n\n") + paragraph;
    paragraph.clear();
  };
  while (!in.done() && !starts_with(in.peek(), "## ")) {
    const std::string line = trim(in.take());
    if (line.empty()) {
      end_paragraph();
    } else {
      paragraph += (paragraph.empty() ? "" : " ") + line;
    }
  }
  end_paragraph();
  return text;
}

// One fenced block (``` or ~~~, three or more), its lines verbatim.
std::string read_fenced_block(Reader& in) {
  std::string fence, block;
  std::size_t opened_at = 0;
  bool closed = false, first = true;
  while (!in.done() && !starts_with(in.peek(), "## ")) {
    const std::string line = in.take();
    if (fence.empty()) {
      if (trim(line).empty()) continue;
      if (!starts_with(line, "```") && !starts_with(line, "~~~")) {
        in.fail("this section holds only a fenced block (```text ... ```) of what the notebook printed");
      }
      fence = line.substr(0, line.find_first_not_of(line[0]));
      opened_at = in.line_number();
      continue;
    }
    if (!closed && line == fence) {
      closed = true;
    } else if (!closed) {
      block += (first ? "" : "\n") + line;
      first = false;
    } else if (!trim(line).empty()) {
      in.fail("text after the fenced block; this section holds only the block");
    }
  }
  if (fence.empty()) in.fail("the section is empty: leave it out when the notebook printed nothing");
  if (!closed) in.fail_at(opened_at, "the fenced block opened here is never closed with " + fence);
  return block;
}

}  // namespace

std::string ExerciseText::code_file() const {
  const auto dot = file.rfind(".md");
  return dot == std::string::npos ? file : file.substr(0, dot) + ".cpp";
}

ExerciseText parse_exercise_text(const std::string& markdown, const std::string& file) {
  ExerciseText text;
  text.file = file;
  Reader in(markdown, file);
  read_front_matter(in, text);
  bool seen_idea = false, seen_output = false, seen_notes = false;
  while (!in.done()) {
    const std::string line = in.take();
    if (trim(line).empty()) continue;
    if (!starts_with(line, "## ")) in.fail("text outside a section; start one with \"## " + std::string(kIdea) + "\"");
    const std::string heading = trim(line.substr(3));
    if (heading == kIdea && !seen_idea) {
      text.summary = read_prose(in);
      seen_idea = true;
    } else if (heading == kNotebookOutput && !seen_output) {
      text.notebook_output = read_fenced_block(in);
      seen_output = true;
    } else if (heading == kLabNotes && !seen_notes) {
      text.lab_notes = read_prose(in);
      seen_notes = true;
    } else {
      in.fail("unexpected heading \"" + heading + "\"; the sections are \"## " + kIdea + "\", \"## " + kNotebookOutput +
              "\" and \"## " + kLabNotes + "\", each at most once");
    }
  }
  if (text.summary.empty()) in.fail("the section \"## " + std::string(kIdea) + "\" is missing or empty");
  return text;
}

}  // namespace lab
