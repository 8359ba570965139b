// The parameter validator: defaults, types, ranges, caps, choices and unknown names, down to the messages.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/params.hpp"

using lab::json;

namespace {

const std::vector<lab::ParamSpec>& specs() {
  static const std::vector<lab::ParamSpec> table = {
      lab::integer_param("steps", 500, 1, 10000, "training steps"),
      lab::size_param("seq_len", 10, 1, 512, "tokens"),
      lab::number_param("lr", 1e-3, 1e-6, 1.0, "learning rate"),
      lab::boolean_param("causal", true, "mask the future"),
      lab::choice_param("norm", "post", {"post", "pre"}, "layer norm placement"),
      lab::array_param("ranks", json::array({4, 8}), 1, 3, "ranks")};
  return table;
}

lab::LabError error_for(const json& given) {
  try {
    lab::validate_params(specs(), given, "00.0");
  } catch (const lab::LabError& error) {
    return error;
  }
  FAIL("expected a LabError for " << given.dump());
  throw;
}

}  // namespace

TEST_CASE("missing parameters take their defaults", "[params]") {
  const lab::Params params = lab::validate_params(specs(), json::object(), "00.0");
  CHECK(params.integer("steps") == 500);
  CHECK(params.number("lr") == Approx(1e-3));
  CHECK(params.boolean("causal"));
  CHECK(params.text("norm") == "post");
  CHECK(params.value("ranks") == json::array({4, 8}));
  CHECK(lab::validate_params(specs(), nullptr, "00.0").all() == params.all());
}

TEST_CASE("an integral float is an integer, a fractional one is not", "[params]") {
  CHECK(lab::validate_params(specs(), {{"steps", 20.0}}, "00.0").all()["steps"].is_number_integer());
  CHECK(std::string(error_for({{"steps", 2.5}}).what()) == "steps must be an integer (got 2.5)");
}

TEST_CASE("wrong types are refused with the expected type named", "[params]") {
  CHECK(std::string(error_for({{"lr", "fast"}}).what()) == "lr must be a number (got \"fast\")");
  CHECK(std::string(error_for({{"causal", 1}}).what()) == "causal must be a boolean (got 1)");
  CHECK(std::string(error_for({{"ranks", 4}}).what()) == "ranks must be an array (got 4)");
  CHECK(error_for({{"lr", nullptr}}).code() == lab::ErrorCode::bad_param);
}

TEST_CASE("values outside the range are errors, never clamped", "[params]") {
  const auto low = error_for({{"steps", 0}});
  CHECK(low.code() == lab::ErrorCode::bad_param);
  CHECK(low.param() == "steps");
  CHECK(std::string(low.what()) == "steps must be between 1 and 10000 (got 0)");
  CHECK(std::string(error_for({{"lr", -0.5}}).what()) == "lr must be between 1e-06 and 1 (got -0.5)");
  CHECK(std::string(error_for({{"ranks", json::array()}}).what()) == "ranks must have between 1 and 3 items (got 0)");
}

TEST_CASE("sizes above their cap are too_large", "[params]") {
  const auto big = error_for({{"seq_len", 100000}});
  CHECK(big.code() == lab::ErrorCode::too_large);
  CHECK(std::string(big.what()) == "seq_len must be at most 512, the lab's cap on memory and time (got 100000)");
  CHECK(error_for({{"ranks", {1, 2, 3, 4}}}).code() == lab::ErrorCode::too_large);
}

TEST_CASE("choices are listed when a string is not one of them", "[params]") {
  CHECK(std::string(error_for({{"norm", "mid"}}).what()) == "norm must be one of \"post\", \"pre\" (got \"mid\")");
}

TEST_CASE("unknown parameters are refused with the allowed names", "[params]") {
  const auto unknown = error_for({{"stesp", 3}});
  CHECK(unknown.param() == "stesp");
  CHECK(std::string(unknown.what()) ==
        "unknown parameter \"stesp\" for exercise 00.0; allowed: steps, seq_len, lr, causal, norm, ranks");
  CHECK(std::string(error_for(json::array({1})).what()) == "params must be a JSON object (got [1])");
}

TEST_CASE("describe() publishes the table in JSON Schema's words", "[params]") {
  const json steps = lab::describe(specs()[0]);
  CHECK(steps == json{{"name", "steps"},
                      {"type", "integer"},
                      {"default", 500},
                      {"min", 1},
                      {"max", 10000},
                      {"help", "training steps"}});
  const json norm = lab::describe(specs()[4]);
  CHECK(norm["choices"] == json::array({"post", "pre"}));
  CHECK(lab::describe(specs()[2])["type"] == "number");
}
