#include "core/registry.hpp"

#include <exception>
#include <map>
#include <new>
#include <stdexcept>

#include "core/error.hpp"
#include "core/exercises/catalog.hpp"
#include "core/input_gate.hpp"
#include "core/string_format.hpp"

namespace lab {

namespace {

const char* notebook_title(const std::string& notebook) {
  if (notebook == "01") return "Transformers from scratch";
  if (notebook == "02") return "BERT text classification";
  if (notebook == "03") return "LLM applications and patterns";
  if (notebook == "04") return "Text preprocessing";
  if (notebook == "05") return "LLM fine-tuning with LoRA";
  return "";
}

// The exercises of catalog.cpp, each with the text of its Markdown file. A missing, doubled or stray text is a
// defect of the build (the tests and the build's own `lab list` catch it), not of anyone's input.
std::vector<Exercise> gather() {
  std::map<std::string, ExerciseText> texts;
  for (const EmbeddedTextFile& file : embedded_exercise_texts()) {
    ExerciseText text =
        parse_exercise_text(std::string(reinterpret_cast<const char*>(file.bytes), file.size), file.path);
    const std::string id = text.id;
    if (!texts.emplace(id, std::move(text)).second) {
      throw std::logic_error(std::string(file.path) + ": exercise " + id + " already has a text");
    }
  }
  std::vector<Exercise> all = exercises::course_exercises();
  for (Exercise& exercise : all) {
    const auto text = texts.find(exercise.id);
    if (text == texts.end()) throw std::logic_error("exercise " + exercise.id + " has no Markdown text");
    exercise.text = std::move(text->second);
    texts.erase(text);
  }
  if (!texts.empty()) {
    throw std::logic_error(texts.begin()->second.file + ": no exercise has the id " + texts.begin()->first);
  }
  return all;
}

}  // namespace

const std::vector<Exercise>& all_exercises() {
  static const std::vector<Exercise> exercises = gather();
  return exercises;
}

const Exercise* find_exercise(const std::string& id) {
  for (const auto& exercise : all_exercises()) {
    if (exercise.id == id) return &exercise;
  }
  return nullptr;
}

json list_exercises() {
  json list = json::array();
  for (const auto& exercise : all_exercises()) {
    const std::string notebook = exercise.id.substr(0, 2);
    json params = json::array();
    for (const auto& spec : exercise.params) params.push_back(describe(spec));
    const ExerciseText& text = exercise.text;
    list.push_back({{"id", exercise.id},
                    {"title", text.title},
                    {"notebook", notebook},
                    {"notebook_title", notebook_title(notebook)},
                    {"summary", text.summary},
                    {"params", std::move(params)},
                    {"notebook_output", text.notebook_output},
                    {"lab_notes", text.lab_notes},
                    {"code", json::array({text.code_file()})},
                    {"calls", text.calls},
                    {"text_file", text.file},
                    {"notebook_figure_file", text.figure.empty() ? json(nullptr) : json(text.figure)},
                    {"input_limits", params_input_limits()}});
  }
  return list;
}

json error_object(const std::string& code, const std::string& message, const std::string& param) {
  json error = {{"code", code}, {"message", message}};
  if (!param.empty()) error["param"] = param;
  return {{"error", std::move(error)}};
}

namespace {

// Runs `body` and turns whatever it throws into the error object, so nothing escapes a shell: a LabError keeps its
// code, running out of memory is too_large, anything else is a bug of the lab (internal).
template <typename Body>
json contained(const std::string& id, Body&& body) {
  try {
    return body();
  } catch (const LabError& error) {
    return error_object(to_string(error.code()), error.what(), error.param());
  } catch (const std::bad_alloc&) {
    return error_object(to_string(ErrorCode::too_large),
                        "exercise " + shorten(id, 20) + " ran out of memory; use smaller sizes");
  } catch (const json::exception& error) {
    return error_object(to_string(ErrorCode::bad_input), std::string("malformed parameter value: ") + error.what());
  } catch (const std::exception& error) {
    return error_object(to_string(ErrorCode::internal),
                        "internal error in " + shorten(id, 20) + ": " + shorten(error.what(), 300));
  }
}

json unknown_exercise(const std::string& id) {
  return error_object(to_string(ErrorCode::unknown_exercise),
                      "unknown exercise \"" + shorten(id, 20) + "\"; ids run from 01.1 to 05.5 (see `lab list`)");
}

json run_found(const Exercise& exercise, const json& given, const ProgressSink& sink) {
  const Params params = validate_params(exercise.params, given, exercise.id);
  Result result = exercise.run(params, RunContext(sink));
  return {{"id", exercise.id},
          {"title", exercise.text.title},
          {"params", params.all()},
          {"metrics", result.metrics},
          {"data", std::move(result.data)},
          {"tables", std::move(result.tables)},
          {"charts", std::move(result.charts)},
          {"log", std::move(result.log)},
          {"insight", result.insight}};
}

}  // namespace

json run_exercise(const std::string& id, const json& given, const ProgressSink& sink) {
  const Exercise* exercise = find_exercise(id);
  if (!exercise) return unknown_exercise(id);
  return contained(id, [&] { return run_found(*exercise, given, sink); });
}

json run_exercise_from_text(const std::string& id, std::string_view params_text, const ProgressSink& sink,
                            bool more_follows) {
  const Exercise* exercise = find_exercise(id);
  if (!exercise) return unknown_exercise(id);
  return contained(id, [&] { return run_found(*exercise, read_params_text(params_text, more_follows), sink); });
}

std::string to_text(const json& result, int indent) {
  return result.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string run_exercise_text(const std::string& id, std::string_view params_text, const ProgressSink& sink) {
  std::string text;
  try {
    text = to_text(run_exercise_from_text(id, params_text, sink));
  } catch (const std::bad_alloc&) {  // the Result was computed but its text does not fit in memory
    text = to_text(error_object(to_string(ErrorCode::too_large),
                                "the Result of " + shorten(id, 20) + " is too large to print; use smaller sizes"));
  }
  return text;
}

}  // namespace lab
