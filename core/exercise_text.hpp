// What the lab says about an exercise, read from its Markdown file beside its code
// (core/exercises/01_transformers/01_5_copy_task.md). A course author edits these files, not C++; the build embeds
// them (cmake/embed_exercise_texts.cmake), so `lab list`, the wasm module and the page serve the same words and
// nothing is read from disk at run time. A translation is another folder of the same files (LAB_EXERCISE_TEXTS).
//
// The format: front matter of named fields, then sections under fixed headings.
//   ---
//   id: 01.5                                  the exercise it describes
//   title: Train a mini transformer on the copy task
//   figure: fig05.png                         optional: the notebook's figure, shown beside the lab's charts
//   calls:                                    the library files it calls, shown beside its own code
//     - core/nn/models.cpp
//   ---
//   ## The idea                               what a learner reads before running it (required)
//   ## What the notebook printed              one fenced block, verbatim (left out when it printed nothing)
//   ## Where the lab differs                  where the lab corrects or goes beyond the notebook (optional)
// Prose follows Markdown: the lines of a paragraph join with one space, paragraphs are separated by a blank line.
// Anything else (an unknown field or heading, text outside a section, a second fence) is an error naming the
// file and line, so a typo cannot silently drop a sentence.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace lab {

struct ExerciseText {
  std::string file;  // "core/exercises/01_transformers/01_5_copy_task.md"
  std::string id;    // "01.5"
  std::string title;
  std::string figure;              // the notebook's figure file ("" = none)
  std::vector<std::string> calls;  // library files, shown beside the exercise's own code
  std::string summary;             // "The idea"
  std::string notebook_output;     // "What the notebook printed", verbatim ("" = nothing)
  std::string lab_notes;           // "Where the lab differs" ("" = nowhere)

  std::string code_file() const;  // the exercise's own code: the .cpp beside the Markdown file
};

// Parses one file; throws std::invalid_argument("<file>:<line>: <what is wrong>") on anything malformed.
ExerciseText parse_exercise_text(const std::string& markdown, const std::string& file);

// The texts the build embedded (a generated source defines this table): each file's path and bytes.
struct EmbeddedTextFile {
  const char* path;
  const unsigned char* bytes;
  std::size_t size;
};
const std::vector<EmbeddedTextFile>& embedded_exercise_texts();

}  // namespace lab
