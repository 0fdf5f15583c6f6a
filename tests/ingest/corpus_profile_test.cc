// Every document with an expectation in corpora/expected/ (the project's corpus and the five seeds) is
// loaded and checked: language, type, date, title, letter fields, and phrases its text must and must not
// hold. Misses are listed per document.

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <sstream>

#include "test_util.h"

namespace dipdoc {
namespace {

std::string Shown(const std::optional<std::string>& value) { return value ? '"' + *value + '"' : "null"; }

TEST_CASE("language, type, date and title are right on every expected document", "[ingest][corpus]") {
  for (const testing::ExpectedDocument& document : testing::ExpectedDocuments()) {
    INFO("document: " << document.name);
    const rapidjson::Document expected = testing::ReadExpectations(document);
    const Document d = testing::LoadExpectedSource(document);

    auto optional_field = [&](const char* key) -> std::optional<std::optional<std::string>> {
      if (!expected.HasMember(key)) return std::nullopt;  // not an expectation for this document
      if (expected[key].IsNull()) return std::optional<std::string>();
      return std::optional<std::string>(expected[key].GetString());
    };
    if (auto language = optional_field("language")) CHECK(Shown(d.language) == Shown(*language));
    if (auto type = optional_field("doc_type")) CHECK(std::string(ToString(d.doc_type)) == **type);
    if (auto date = optional_field("date")) CHECK(Shown(d.date) == Shown(*date));
    if (auto title = optional_field("title")) CHECK(d.title == **title);
    if (auto reference = optional_field("reference")) CHECK(Shown(d.reference) == Shown(*reference));
    if (auto addressee = optional_field("addressee")) CHECK(Shown(d.addressee) == Shown(*addressee));
    if (auto encoding = optional_field("encoding")) CHECK(d.encoding == **encoding);
    for (const auto& phrase : expected["contains"].GetArray()) {
      INFO("must contain: " << phrase.GetString());
      CHECK(d.text.find(phrase.GetString()) != std::string::npos);
    }
    for (const auto& phrase : expected["absent"].GetArray()) {
      INFO("must not contain: " << phrase.GetString());
      CHECK(d.text.find(phrase.GetString()) == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace dipdoc
