// Test helpers: run an exercise through the registry and require that it succeeded, or that it failed.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "core/registry.hpp"

namespace lab::testing {

inline json run_ok(const std::string& id, const json& params = json::object()) {
  json result = run_exercise(id, params);
  INFO(result.dump().substr(0, 300));
  REQUIRE_FALSE(result.contains("error"));
  return result;
}

// The error object of a run that must fail: {code, message, param?}.
inline json error_of(const std::string& id, const json& params) {
  const json result = run_exercise(id, params);
  REQUIRE(result.contains("error"));
  return result["error"];
}

}  // namespace lab::testing
