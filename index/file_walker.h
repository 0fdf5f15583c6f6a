#ifndef DIPDOC_INDEX_FILE_WALKER_H_
#define DIPDOC_INDEX_FILE_WALKER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace dipdoc {

// A path a walk could not take, and why.
struct WalkFailure {
  std::string path;
  std::string error;
};

// The files under the paths a user gave, one at a time: folders recursively, in name order (the order of
// the whole paths as strings), skipping entries whose name starts with '.'; symbolic links to files are
// followed, links to folders are not. It holds only the listings of the folders on the way to the current
// file, so a walk over a million files takes no more memory than one over a hundred (as long as no single
// folder holds them all).
class FileWalker {
 public:
  explicit FileWalker(std::vector<std::string> inputs);

  // The next file, or nullopt when the walk is done. A path that does not exist, or a folder that cannot be
  // listed, is skipped and goes to failures() (a folder keeps what it listed before the error).
  std::optional<std::string> Next();

  // Those met so far, in the order met.
  const std::vector<WalkFailure>& failures() const { return failures_; }

 private:
  struct Entry {
    std::string key;  // the path, with a '/' after a folder's, so that sorting the keys sorts whole paths
    bool folder = false;
  };
  // One folder's entries, sorted, and how far the walk is through them.
  struct Listing {
    std::vector<Entry> entries;
    std::size_t next = 0;
  };
  Listing List(const std::string& folder);

  std::vector<std::string> inputs_;
  std::size_t next_input_ = 0;
  std::vector<Listing> stack_;  // the folders on the way down, the innermost last
  std::vector<WalkFailure> failures_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_FILE_WALKER_H_
