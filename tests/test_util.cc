#include "test_util.h"

#include "ingest/document_loader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>

namespace dipdoc::testing {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() / ("dipdoc-test-" + std::to_string(getpid()) + "-" +
                                                     std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::Write(std::string_view name, std::string_view bytes) const {
  const std::filesystem::path file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return file;
}

std::string ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  INFO(path);
  REQUIRE(in.good());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::filesystem::path TestData(const std::string& name) {
  return std::filesystem::path(DIPDOC_SOURCE_DIR) / "tests" / "data" / name;
}

std::optional<std::filesystem::path> SeedsDir() {
  const std::filesystem::path seeds = std::filesystem::path(DIPDOC_SHARED_DIR) / "seeds";
  if (std::filesystem::is_directory(seeds)) return seeds;
  WARN("skipped: " << seeds << " is absent (the seeds live in ../shared beside the project)");
  return std::nullopt;
}

std::filesystem::path CorpusDir() { return std::filesystem::path(DIPDOC_SOURCE_DIR) / "corpora" / "documents"; }

std::vector<ExpectedDocument> ExpectedDocuments() {
  const std::filesystem::path expected_dir = std::filesystem::path(DIPDOC_SOURCE_DIR) / "corpora" / "expected";
  std::map<std::string, std::filesystem::path> corpus;  // file name without its last extension -> path
  for (const auto& entry : std::filesystem::directory_iterator(CorpusDir())) {
    corpus[entry.path().stem().string()] = entry.path();
  }
  const std::optional<std::filesystem::path> seeds = SeedsDir();
  std::vector<ExpectedDocument> documents;
  std::size_t corpus_described = 0;
  for (const auto& entry : std::filesystem::directory_iterator(expected_dir)) {
    const std::string stem = entry.path().stem().string();
    std::filesystem::path source;
    if (const auto it = corpus.find(stem); it != corpus.end()) {
      source = it->second;
      ++corpus_described;
    } else if (seeds && std::filesystem::exists(*seeds / (stem + ".txt"))) {
      source = *seeds / (stem + ".txt");
    } else {
      if (!seeds && stem.size() > 3 && std::isdigit(static_cast<unsigned char>(stem[0]))) continue;  // a seed
      FAIL("corpora/expected/" << entry.path().filename().string() << " describes no document");
    }
    documents.push_back(ExpectedDocument{entry.path(), source, source.filename().string()});
  }
  CHECK(corpus_described == corpus.size());  // every corpus document has its expectations
  std::sort(documents.begin(), documents.end(),
            [](const ExpectedDocument& a, const ExpectedDocument& b) { return a.name < b.name; });
  return documents;
}

rapidjson::Document ReadExpectations(const ExpectedDocument& document) {
  rapidjson::Document expected;
  expected.Parse(ReadFileBytes(document.expected).c_str());
  INFO(document.expected);
  REQUIRE_FALSE(expected.HasParseError());
  return expected;
}

Document LoadExpectedSource(const ExpectedDocument& document) {
  static const DocumentLoader loader;
  Result<Document> loaded = loader.Load(document.source, document.name);
  INFO(document.name << ": " << (loaded.ok() ? std::string() : loaded.status().message()));
  REQUIRE(loaded.ok());
  return std::move(loaded).value();
}

Xapian::WritableDatabase ScratchDatabase() {
  static std::vector<std::unique_ptr<TempDir>> folders;  // deleted at exit, after every database closed
  folders.push_back(std::make_unique<TempDir>());
  return Xapian::WritableDatabase((folders.back()->path() / "db").string(), Xapian::DB_CREATE);
}

std::string ShellQuote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

CommandResult RunDipdoc(const std::string& args) {
  TempDir scratch;
  const std::filesystem::path err = scratch.path() / "stderr";
  const std::string command = ShellQuote(DIPDOC_BINARY) + " " + args + " 2>" + ShellQuote(err.string());
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream in(err);
  std::ostringstream text;
  text << in.rdbuf();
  result.err = text.str();
  return result;
}

}  // namespace dipdoc::testing
