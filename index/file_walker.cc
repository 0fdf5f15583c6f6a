#include "index/file_walker.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

namespace dipdoc {
namespace {

bool IsHidden(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

}  // namespace

FileWalker::FileWalker(std::vector<std::string> inputs) : inputs_(std::move(inputs)) {}

FileWalker::Listing FileWalker::List(const std::string& folder) {
  Listing listing;
  std::error_code ec;
  auto it =
      std::filesystem::directory_iterator(folder, std::filesystem::directory_options::skip_permission_denied, ec);
  for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (IsHidden(it->path())) continue;
    std::error_code type_ec;
    // A link to a folder is not followed (it could lead back up); a link to a file is.
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
      listing.entries.push_back({it->path().string() + '/', true});
    } else if (it->is_regular_file(type_ec)) {
      listing.entries.push_back({it->path().string(), false});
    }
  }
  if (ec) failures_.push_back({folder, "cannot list folder: " + ec.message()});
  std::sort(listing.entries.begin(), listing.entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  return listing;
}

std::optional<std::string> FileWalker::Next() {
  for (;;) {
    if (stack_.empty()) {
      if (next_input_ == inputs_.size()) return std::nullopt;
      const std::string& input = inputs_[next_input_++];
      std::error_code ec;
      const auto status = std::filesystem::status(input, ec);
      if (ec || !std::filesystem::exists(status)) {
        failures_.push_back({input, "no such file or folder"});
        continue;
      }
      if (!std::filesystem::is_directory(status)) return input;
      stack_.push_back(List(input));
      continue;
    }
    Listing& top = stack_.back();
    if (top.next == top.entries.size()) {
      stack_.pop_back();
      continue;
    }
    Entry& entry = top.entries[top.next++];
    if (!entry.folder) return std::move(entry.key);
    entry.key.pop_back();  // the folder's path, without the '/' its key ends with
    Listing inner = List(entry.key);     // before the push, which may move the listing `entry` is in
    stack_.push_back(std::move(inner));
  }
}

}  // namespace dipdoc
