// Every document with an expectation in corpora/expected/ (the project's corpus and the five seeds) is
// loaded and checked: language, type, date, title, letter fields, and phrases its text must and must not
// hold. Misses are listed per document.

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <sstream>

#include "ingest/document_loader.h"
#include "test_util.h"

namespace dipdoc {
namespace {

std::string Shown(const std::optional<std::string>& value) { return value ? '"' + *value + '"' : "null"; }

TEST_CASE("language, type, date and title are right on every expected document", "[ingest][corpus]") {
  const std::filesystem::path expected_dir = std::filesystem::path(DIPDOC_SOURCE_DIR) / "corpora" / "expected";
  const auto seeds = testing::SeedsDir();
  const DocumentLoader loader;
  std::size_t checked = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(expected_dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::filesystem::path> corpus;  // file name without its last extension -> path
  for (const auto& entry : std::filesystem::directory_iterator(testing::CorpusDir())) {
    corpus[entry.path().stem().string()] = entry.path();
  }
  for (const std::filesystem::path& json_path : files) {
    const std::string stem = json_path.stem().string();
    std::filesystem::path source;
    if (corpus.contains(stem)) {
      source = corpus[stem];
    } else if (seeds) {
      source = *seeds / (stem + ".txt");
    } else {
      continue;
    }
    const std::string name = source.filename().string();
    INFO("document: " << name);
    REQUIRE(std::filesystem::exists(source));
    rapidjson::Document expected;
    expected.Parse(testing::ReadFileBytes(json_path).c_str());
    REQUIRE_FALSE(expected.HasParseError());
    Result<Document> loaded = loader.Load(source, name);
    REQUIRE(loaded.ok());
    const Document& d = loaded.value();
    ++checked;

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
  CHECK(checked >= corpus.size());
}

}  // namespace
}  // namespace dipdoc
