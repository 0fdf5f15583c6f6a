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

// The rows of a tab-separated data file, split into fields; comment ('#') and blank lines left out, a
// trailing '\r' dropped. Views into `tsv`.
inline std::vector<std::vector<std::string_view>> TsvRows(std::string_view tsv) {
  std::vector<std::vector<std::string_view>> rows;
  for (std::string_view line : SplitFields(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(SplitFields(line, '\t'));
  }
  return rows;
}

// Whether the comma-separated list `flags` holds `flag`: HasFlag("adj,case", "case").
inline bool HasFlag(std::string_view flags, std::string_view flag) {
  for (std::string_view f : SplitFields(flags, ',')) {
    if (f == flag) return true;
  }
  return false;
}

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_FIELDS_H_
