// Test helper: run an exercise through the registry and require that it succeeded.
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

}  // namespace lab::testing
