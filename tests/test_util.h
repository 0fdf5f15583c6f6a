#ifndef DIPDOC_TESTS_TEST_UTIL_H_
#define DIPDOC_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <xapian.h>

#include "ingest/document.h"

namespace dipdoc::testing {

// A fresh folder under the system's temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to path()/name (creating folders) and returns the file's path.
  std::filesystem::path Write(std::string_view name, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

// The whole content of a file; the test fails when it cannot be read.
std::string ReadFileBytes(const std::filesystem::path& path);

// A file under tests/data/.
std::filesystem::path TestData(const std::string& name);

// ../shared/seeds beside the project, or nullopt (with a WARN) when this checkout has no ../shared.
std::optional<std::filesystem::path> SeedsDir();

// The project's own corpus of documents.
std::filesystem::path CorpusDir();

// A document with hand-written expectations: corpora/expected/<stem>.json and the file it describes (a
// corpus document, or a seed when ../shared is present).
struct ExpectedDocument {
  std::filesystem::path expected;  // the .json
  std::filesystem::path source;    // the document
  std::string name;                // source's file name, for messages
};

// Every expected document whose source is present, in file-name order. Fails the test when an expectation
// names a corpus document that is missing or the corpus has a document without an expectation.
std::vector<ExpectedDocument> ExpectedDocuments();

// The document's hand-written expectations, parsed; the test fails on malformed JSON.
rapidjson::Document ReadExpectations(const ExpectedDocument& document);

// The document as ingest loads it; the test fails when it does not load.
Document LoadExpectedSource(const ExpectedDocument& document);

// An empty index in a temporary folder, removed when the test program ends. Not Xapian's in-memory
// backend: it has no synonym or spelling tables, which the writer fills (index/variant_map.h).
Xapian::WritableDatabase ScratchDatabase();

// What a command printed and how it ended.
struct CommandResult {
  int exit_status = -1;
  std::string out;
  std::string err;
};

// Runs build/dipdoc with `args` (already shell-quoted as needed), capturing stdout and stderr.
CommandResult RunDipdoc(const std::string& args);

std::string ShellQuote(std::string_view s);

}  // namespace dipdoc::testing

#endif  // DIPDOC_TESTS_TEST_UTIL_H_
