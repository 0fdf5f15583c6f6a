#ifndef DIPDOC_INGEST_STRING_HASH_H_
#define DIPDOC_INGEST_STRING_HASH_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dipdoc {

// Lets a map keyed by std::string be looked up by std::string_view (or a literal) without making a
// std::string of the key: the hot lookups of ingest and extraction are of words inside a text.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_STRING_HASH_H_
