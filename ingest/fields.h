#ifndef DIPDOC_INGEST_FIELDS_H_
#define DIPDOC_INGEST_FIELDS_H_

// Splitting the lines of the project's data files (tab-separated gazetteers, comma and bar lists).

#include <string_view>
#include <vector>

namespace dipdoc {

// The pieces of `text` between `separator`s, empty ones included: "a\tb" -> {"a", "b"}, "a|" -> {"a", ""},
// "" -> {""}. Views into `text`.
inline std::vector<std::string_view> SplitFields(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t at = text.find(separator);
    fields.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return fields;
    text.remove_prefix(at + 1);
  }
}

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_FIELDS_H_
