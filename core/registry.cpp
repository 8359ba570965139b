#include "core/registry.hpp"

#include <exception>
#include <new>

#include "core/error.hpp"
#include "core/exercises/notebooks.hpp"

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

std::vector<Exercise> gather() {
  std::vector<Exercise> all;
  for (auto notebook : {exercises::notebook01, exercises::notebook02, exercises::notebook03, exercises::notebook04,
                        exercises::notebook05}) {
    for (auto& exercise : notebook()) all.push_back(std::move(exercise));
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
    list.push_back({{"id", exercise.id},
                    {"title", exercise.title},
                    {"notebook", notebook},
                    {"notebook_title", notebook_title(notebook)},
                    {"implemented", static_cast<bool>(exercise.run)},
                    {"summary", exercise.summary},
                    {"params", std::move(params)},
                    {"notebook_output", exercise.notebook_output},
                    {"lab_notes", exercise.lab_notes},
                    {"sources", exercise.sources}});
  }
  return list;
}

json error_object(const std::string& code, const std::string& message, const std::string& param) {
  json error = {{"code", code}, {"message", message}};
  if (!param.empty()) error["param"] = param;
  return {{"error", std::move(error)}};
}

json run_exercise(const std::string& id, const json& given, const ProgressSink& sink) {
  const Exercise* exercise = find_exercise(id);
  if (!exercise) {
    return error_object(to_string(ErrorCode::unknown_exercise),
                        "unknown exercise \"" + id + "\"; ids run from 01.1 to 05.5 (see `lab list`)");
  }
  if (!exercise->run) {
    return error_object(to_string(ErrorCode::not_implemented),
                        "exercise " + id + " (" + exercise->title + ") is not implemented yet");
  }
  try {
    const Params params = validate_params(exercise->params, given, id);
    Result result = exercise->run(params, RunContext(sink));
    return {{"id", exercise->id},         {"title", exercise->title},     {"params", params.all()},
            {"metrics", result.metrics},  {"data", std::move(result.data)}, {"tables", std::move(result.tables)},
            {"charts", std::move(result.charts)}, {"log", std::move(result.log)}, {"insight", result.insight}};
  } catch (const LabError& error) {
    return error_object(to_string(error.code()), error.what(), error.param());
  } catch (const std::bad_alloc&) {
    return error_object(to_string(ErrorCode::too_large), "exercise " + id + " ran out of memory; use smaller sizes");
  } catch (const json::exception& error) {
    return error_object(to_string(ErrorCode::bad_input), std::string("malformed parameter value: ") + error.what());
  } catch (const std::exception& error) {
    return error_object(to_string(ErrorCode::internal), std::string("internal error in ") + id + ": " + error.what());
  }
}

json run_exercise_from_text(const std::string& id, const std::string& params_text, const ProgressSink& sink) {
  json params = json::object();
  if (!params_text.empty()) {
    params = json::parse(params_text, nullptr, /*allow_exceptions=*/false);
    if (params.is_discarded()) {
      return error_object(to_string(ErrorCode::bad_param),
                          "params are not valid JSON: " +
                              (params_text.size() > 80 ? params_text.substr(0, 77) + "..." : params_text));
    }
  }
  return run_exercise(id, params, sink);
}

std::string to_text(const json& result, int indent) {
  return result.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string run_exercise_text(const std::string& id, const std::string& params_text, const ProgressSink& sink) {
  return to_text(run_exercise_from_text(id, params_text, sink));
}

}  // namespace lab
