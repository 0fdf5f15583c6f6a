// The files an ingest walks (index/file_walker.h): which, in what order, and what it says of paths it cannot
// take.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "index/file_walker.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::TempDir;

std::vector<std::string> Walk(FileWalker& walker) {
  std::vector<std::string> files;
  while (std::optional<std::string> file = walker.Next()) files.push_back(std::move(*file));
  return files;
}

std::vector<std::string> Walk(const std::vector<std::string>& inputs) {
  FileWalker walker(inputs);
  return Walk(walker);
}

TEST_CASE("a folder is walked in the order of its whole paths, hidden entries skipped", "[index]") {
  TempDir dir;
  // Names whose order as whole paths differs from a walk that sorts each folder's names alone: "a" < "a.txt"
  // as names, but "a.txt" < "a/x.txt" as paths ('.' sorts before '/').
  for (const char* name : {"b.txt", "a.txt", "a/x.txt", "a/b/y.txt", "a.b/z.txt", "a-c.txt", "A.txt", "é.txt",
                           "10.txt", "9.txt", ".hidden.txt", ".git/config", "a/.cache/w.txt", "c/.keep"}) {
    dir.Write(name, "text");
  }
  std::filesystem::create_directory(dir.path() / "empty");
  const std::string root = dir.path().string();
  const std::vector<std::string> files = Walk({root});

  std::vector<std::string> expected;
  for (const char* name : {"b.txt", "a.txt", "a/x.txt", "a/b/y.txt", "a.b/z.txt", "a-c.txt", "A.txt", "é.txt",
                           "10.txt", "9.txt"}) {
    expected.push_back((dir.path() / name).string());
  }
  std::sort(expected.begin(), expected.end());
  CHECK(files == expected);
}

TEST_CASE("links to files are followed, links to folders are not", "[index]") {
  TempDir dir;
  TempDir outside;
  dir.Write("own.txt", "text");
  outside.Write("linked.txt", "text");
  outside.Write("inner/deep.txt", "text");
  std::filesystem::create_symlink(outside.path() / "linked.txt", dir.path() / "link.txt");
  std::filesystem::create_directory_symlink(outside.path() / "inner", dir.path() / "folder-link");
  std::filesystem::create_directory_symlink(dir.path(), dir.path() / "loop");
  CHECK(Walk({dir.path().string()}) ==
        std::vector<std::string>{(dir.path() / "link.txt").string(), (dir.path() / "own.txt").string()});
}

TEST_CASE("inputs are walked in the order given; a missing one is a failure, not the end", "[index]") {
  TempDir first;
  TempDir second;
  first.Write("z.txt", "text");
  second.Write("a.txt", "text");
  const std::string file = (first.path() / "z.txt").string();
  const std::string missing = (first.path() / "missing").string();
  FileWalker walker({second.path().string(), missing, file, first.path().string()});
  CHECK(Walk(walker) == std::vector<std::string>{(second.path() / "a.txt").string(), file, file});
  REQUIRE(walker.failures().size() == 1);
  CHECK(walker.failures()[0].path == missing);
  CHECK(walker.failures()[0].error == "no such file or folder");
}

TEST_CASE("a folder that cannot be listed is a failure by its own path, and the walk goes on", "[index]") {
  TempDir dir;
  dir.Write("0.txt", "text");
  dir.Write("gone/x.txt", "text");
  dir.Write("z.txt", "text");
  FileWalker walker({dir.path().string()});
  REQUIRE(walker.Next() == (dir.path() / "0.txt").string());
  // Listed with its parent, removed before the walk goes into it (tests run as root, which can list any
  // folder whatever its permissions).
  std::filesystem::remove_all(dir.path() / "gone");
  CHECK(Walk(walker) == std::vector<std::string>{(dir.path() / "z.txt").string()});
  REQUIRE(walker.failures().size() == 1);
  CHECK(walker.failures()[0].path == (dir.path() / "gone").string());
  CHECK_THAT(walker.failures()[0].error, Catch::StartsWith("cannot list folder: "));
}

TEST_CASE("a walk through many folders gives every file once, in order", "[index]") {
  TempDir dir;
  for (int folder = 0; folder < 300; ++folder) {
    for (int file = 0; file < 3; ++file) {
      dir.Write("f" + std::to_string(1000 + folder) + "/" + std::to_string(file) + ".txt", "text");
    }
  }
  const std::vector<std::string> files = Walk({dir.path().string()});
  CHECK(files.size() == 900);
  CHECK(std::is_sorted(files.begin(), files.end()));
  CHECK(std::adjacent_find(files.begin(), files.end()) == files.end());
}

}  // namespace
}  // namespace dipdoc
