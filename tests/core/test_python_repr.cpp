// core/text/python_repr: repr() of str, of lists of str and of JSON values read as Python objects.
#include <catch2/catch.hpp>

#include "core/text/python_repr.hpp"
#include "core/text/tokenizers.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("python_repr_str and python_repr_list equal repr() on every reference text", "[repr]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  for (const auto& c : reference["cases"]) {
    INFO(c["name"].get<std::string>());
    CHECK(python_repr_str(c["text"].get<std::string>()) == c["repr"].get<std::string>());
    CHECK(python_repr_list(whitespace_tokens(c["text"].get<std::string>())) == c["repr_split"].get<std::string>());
  }
}

TEST_CASE("python_repr_str picks double quotes only for a single quote without a double quote", "[repr]") {
  CHECK(python_repr_str("it's") == "\"it's\"");
  CHECK(python_repr_str("say \"hi\"") == "'say \"hi\"'");
  CHECK(python_repr_str("both ' and \"") == "'both \\' and \"'");
  CHECK(python_repr_str("tab\there\u00a0\u200d\U000E0001") == "'tab\\there\\xa0\\u200d\\U000e0001'");
}

TEST_CASE("python_repr_value prints JSON values as Python prints the objects json.loads makes", "[repr]") {
  const lab::json value = lab::json::parse(
      R"({"city": "NYC", "n": -2, "ok": true, "none": null, "x": 49.0, "y": 19.99, "list": [{"a": []}, "it's"]})");
  CHECK(python_repr_value(value) ==
        "{'city': 'NYC', 'n': -2, 'ok': True, 'none': None, 'x': 49.0, 'y': 19.99, 'list': [{'a': []}, \"it's\"]}");
  CHECK(python_repr_value(lab::json::parse("1e-05")) == "1e-05");
  CHECK(python_repr_value(lab::json::parse("18446744073709551615")) == "18446744073709551615");
}
