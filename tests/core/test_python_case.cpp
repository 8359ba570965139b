// core/text/python_case: str.lower() for every code point Python lowercases, and the final-sigma rule in context.
#include <catch2/catch.hpp>

#include "core/text/python_case.hpp"
#include "core/text/utf8.hpp"
#include "reference_files.hpp"

using namespace lab::text;

TEST_CASE("python_lower maps each of Python's 1433 lowercasing code points alone as str.lower() does", "[case]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  REQUIRE(reference["lowercase"].size() == 1433);
  int mismatches = 0;
  for (const auto& pair : reference["lowercase"]) {
    const std::u32string one(1, static_cast<char32_t>(pair[0].get<std::uint32_t>()));
    if (encode_utf8(python_lower(one)) != pair[1].get<std::string>()) {
      ++mismatches;
      UNSCOPED_INFO("U+" << std::hex << pair[0].get<std::uint32_t>());
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("python_lower equals str.lower() on whole texts, final sigma included", "[case]") {
  const lab::json reference = lab_test::load_reference_json("text_reference.json");
  for (const auto& c : reference["cases"]) {
    INFO(c["name"].get<std::string>());
    CHECK(python_lower(c["text"].get<std::string>()) == c["lower"].get<std::string>());
  }
  for (const auto& c : reference["invalid_cases"]) {
    CHECK(python_lower(lab_test::bytes_from_hex(c["bytes_hex"])) == c["lower"].get<std::string>());
  }
}

TEST_CASE("capital sigma is final after a cased letter with no cased letter after it", "[case]") {
  CHECK(python_lower(std::string("ΟΔΟΣ")) == "οδος");
  CHECK(python_lower(std::string("Σ")) == "σ");
  CHECK(python_lower(std::string("ΑΣΑ")) == "ασα");
  CHECK(python_lower(std::string("ΑΣ'")) == "ας'");
  CHECK(python_lower(std::string("İ")) == "i\u0307");
}
